/** A one-line progress bar on a terminal; silent when the stream is not a terminal. */
export interface ProgressBar {
  update(fraction: number, label: string): void;
  done(): void;
}

/** A progress bar on `stream` (standard error), drawn only when it is a terminal. */
export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  const enabled = Boolean(stream.isTTY) && process.env['CI'] !== 'true';
  let shown = false;
  let last = '';
  return {
    update(fraction, label) {
      if (!enabled) return;
      const f = Math.max(0, Math.min(1, fraction));
      const width = 30;
      const filled = Math.round(f * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${label}`;
      if (line === last) return;
      last = line;
      stream.write(`\r${line.padEnd(70)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write(`\r${' '.repeat(70)}\r`);
      shown = false;
    },
  };
}
