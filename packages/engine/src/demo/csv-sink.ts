import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Quotes a CSV field as RFC 4180 requires (only when it holds a comma, quote or line break). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const chunkSize = 1 << 20;

/**
 * A CSV file written in large chunks: rows are appended to a string and the
 * string goes to the file once it passes about 1 MB, waiting for the stream
 * to drain so memory stays flat however many rows are written.
 */
export class CsvSink {
  private readonly stream: WriteStream;
  private buffer = '';
  private rowCount = 0;
  private failure: Error | null = null;

  /** Opens the file for writing and writes the header row. */
  constructor(file: string, columns: readonly string[]) {
    this.stream = createWriteStream(file, { encoding: 'utf8', highWaterMark: chunkSize });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.buffer = `${columns.map(csvField).join(',')}\n`;
  }

  /** Appends one row, already joined with commas and fields quoted, without the line break. */
  add(row: string): void {
    this.buffer += row;
    this.buffer += '\n';
    this.rowCount++;
  }

  /** Data rows written so far (the header not counted). */
  get rows(): number {
    return this.rowCount;
  }

  /** True when the buffer is large enough to hand to the file. */
  get full(): boolean {
    return this.buffer.length >= chunkSize;
  }

  /** Hands the buffered rows to the file, waiting when the stream asks to. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}
