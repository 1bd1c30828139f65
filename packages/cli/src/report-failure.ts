/** Prints an error for a person (no stack trace unless PROBITY_DEBUG is set); returns the exit code. */
export function reportFailure(error: unknown): number {
  const debug = process.env['PROBITY_DEBUG'] === '1';
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const prefix =
      typeof code === 'string' && code.startsWith('PROBITY_') ? '' : 'unexpected error: ';
    process.stderr.write(`probity: ${prefix}${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write(`probity: ${String(error)}\n`);
  }
  return 1;
}
