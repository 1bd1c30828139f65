/** Stable error codes of the demo generator. */
export type DemoErrorCode = 'PROBITY_DEMO_OPTIONS' | 'PROBITY_DEMO_WRITE';

/** An expected failure of the demo generator (bad options, unwritable folder), with a stable code. */
export class DemoError extends Error {
  readonly code: DemoErrorCode;

  constructor(code: DemoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoError';
    this.code = code;
  }
}
