import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Quotes a CSV field as RFC 4180 requires (only when it holds a comma, quote or line break). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const chunkSize = 1 << 20;

/**
 * A CSV file written in large chunks: each row is encoded straight into a
 * 1 MB buffer (off the JavaScript heap, so millions of rows leave little for
 * the garbage collector), and full buffers go to the file with backpressure.
 */
export class CsvSink {
  private readonly stream: WriteStream;
  private chunk = Buffer.allocUnsafe(chunkSize);
  private offset = 0;
  private readonly pending: Buffer[] = [];
  private rowCount = 0;
  private failure: Error | null = null;

  /** Opens the file for writing and writes the header row. */
  constructor(file: string, columns: readonly string[]) {
    this.stream = createWriteStream(file, { highWaterMark: chunkSize });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.put(columns.map(csvField).join(','));
  }

  private put(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; +1 for the line break.
    if (this.offset + line.length * 3 + 1 > this.chunk.length) {
      if (this.offset > 0) this.pending.push(this.chunk.subarray(0, this.offset));
      this.chunk = Buffer.allocUnsafe(Math.max(chunkSize, line.length * 3 + 1));
      this.offset = 0;
    }
    this.offset += this.chunk.write(line, this.offset, 'utf8');
    this.chunk[this.offset++] = 10;
  }

  /** Appends one row, already joined with commas and fields quoted, without the line break. */
  add(row: string): void {
    this.put(row);
    this.rowCount++;
  }

  /** Data rows written so far (the header not counted). */
  get rows(): number {
    return this.rowCount;
  }

  /** True when a full buffer waits to go to the file. */
  get full(): boolean {
    return this.pending.length > 0;
  }

  /** Hands the full buffers to the file, waiting when the stream asks to. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.length > 0) {
      const buffer = this.pending.shift();
      if (buffer && !this.stream.write(buffer)) await once(this.stream, 'drain');
    }
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    if (this.offset > 0) this.pending.push(this.chunk.subarray(0, this.offset));
    this.offset = 0;
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}
