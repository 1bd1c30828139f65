import { Worker } from 'node:worker_threads';
import { buildHistogram } from './gradient-histogram.js';
import type { BinnedData } from './feature-bins.js';

// The helper thread's code: the same loop as buildHistogram, over shared memory. Kept as a string
// (an `eval` worker) so that it runs the same from TypeScript sources and from the built package.
// A worker inherits the parent's options: under `node --input-type=module -e`, eval'd code is an
// ES module, where `require` does not exist (the worker died at once and training waited for it
// forever). A dynamic import works in both module systems.
/** Values of control word 0, shared by the caller and the helper's source below. */
const State = {
  /** Nothing posted yet. */
  idle: 0,
  /** The caller has posted a half (rows control[1] … control[2] − 1, control[3] features). */
  posted: 1,
  /** The helper has built the half. */
  done: 2,
  /** The helper thread exits. */
  stop: 3,
  /** The helper has taken the posted half and is building it. */
  taken: 4,
  /** The helper had not taken the half; the caller built it itself. */
  takenBack: 5,
} as const;

const WORKER_SOURCE = `
import('node:worker_threads').then(({ workerData }) => {
const control = new Int32Array(workerData.control);
const bins = new Uint8Array(workerData.bins);
const offsets = new Int32Array(workerData.offsets);
const features = new Int32Array(workerData.features);
const histogram = new Float64Array(workerData.histogram);
const nf = workerData.nf;
let rows = new Uint32Array(workerData.rows);
let gradHess = new Float64Array(workerData.gradHess);
for (;;) {
  let state = Atomics.load(control, 0);
  while (state !== ${State.posted} && state !== ${State.stop}) {
    Atomics.wait(control, 0, state);
    state = Atomics.load(control, 0);
  }
  if (state === ${State.stop}) break;
  if (Atomics.compareExchange(control, 0, ${State.posted}, ${State.taken}) !== ${State.posted}) continue;
  const start = control[1], end = control[2], k = control[3];
  for (let j = 0; j < k; j++) histogram.fill(0, offsets[features[j]], offsets[features[j] + 1]);
  const base = new Int32Array(k);
  for (let j = 0; j < k; j++) base[j] = offsets[features[j]];
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const g = gradHess[2 * r];
    const h = gradHess[2 * r + 1];
    const row = r * nf;
    for (let j = 0; j < k; j++) {
      const o = base[j] + (bins[row + features[j]] << 1);
      histogram[o] += g;
      histogram[o + 1] += h;
    }
  }
  Atomics.store(control, 0, ${State.done});
  Atomics.notify(control, 0);
}
});
`;

/** Nodes with fewer rows are built on the calling thread alone (waking the helper costs more). */
const PARALLEL_FROM_ROWS = 4096;

/**
 * A second thread that builds half of each large histogram, in shared memory. The row list and
 * gradients must live in the helper's shared buffers (`rows`, `gradHess`). Results are
 * deterministic for a given number of threads (the two halves are always added in the same way),
 * but differ in the last bits from single-threaded training.
 */
export class HistogramHelper {
  readonly rows: Uint32Array;
  readonly gradHess: Float64Array;
  private readonly control: Int32Array;
  private readonly features: Int32Array;
  private readonly histogram: Float64Array;
  private readonly offsets: Int32Array;
  private readonly worker: Worker;
  /** Halves built on the helper thread (the others were taken back by the caller). */
  helperHalves = 0;

  /** `execArgv`: the helper's Node options (default: the parent's, as for any worker). */
  constructor(data: BinnedData, offsets: Int32Array, execArgv?: readonly string[]) {
    const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(Math.max(8, bytes));
    const bins = new Uint8Array(shared(data.bins.length));
    bins.set(data.bins);
    this.offsets = new Int32Array(shared(offsets.byteLength));
    this.offsets.set(offsets);
    this.rows = new Uint32Array(shared(4 * data.rows));
    this.gradHess = new Float64Array(shared(16 * data.rows));
    this.control = new Int32Array(shared(16));
    this.features = new Int32Array(shared(4 * data.features));
    this.histogram = new Float64Array(shared(8 * (offsets[data.features] as number)));
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      ...(execArgv ? { execArgv: [...execArgv] } : {}),
      workerData: {
        control: this.control.buffer,
        bins: bins.buffer,
        offsets: this.offsets.buffer,
        features: this.features.buffer,
        histogram: this.histogram.buffer,
        rows: this.rows.buffer,
        gradHess: this.gradHess.buffer,
        nf: data.features,
      },
    });
    // Never keep the process alive for the helper.
    this.worker.unref();
  }

  /** buildHistogram over rows[start..end), the second half on the helper thread when large. */
  build(
    data: BinnedData,
    start: number,
    end: number,
    features: Int32Array,
    histogram: Float64Array,
  ): void {
    if (end - start < PARALLEL_FROM_ROWS) {
      buildHistogram(data, this.offsets, this.rows, start, end, this.gradHess, features, histogram);
      return;
    }
    const mid = start + ((end - start) >> 1);
    this.features.set(features);
    this.control[1] = mid;
    this.control[2] = end;
    this.control[3] = features.length;
    Atomics.store(this.control, 0, State.posted);
    Atomics.notify(this.control, 0);
    buildHistogram(data, this.offsets, this.rows, start, mid, this.gradHess, features, histogram);
    const offsets = this.offsets;
    const other = this.histogram;
    if (Atomics.compareExchange(this.control, 0, State.posted, State.takenBack) === State.posted) {
      // The helper has not started (still loading, or it cannot run at all): build its half here,
      // into its buffer with the same loop, so that the result has the same bits either way.
      buildHistogram(data, offsets, this.rows, mid, end, this.gradHess, features, other);
    } else {
      while (Atomics.load(this.control, 0) === State.taken)
        Atomics.wait(this.control, 0, State.taken);
      this.helperHalves++;
    }
    for (let j = 0; j < features.length; j++) {
      const f = features[j] as number;
      const stop = offsets[f + 1] as number;
      for (let o = offsets[f] as number; o < stop; o++) {
        histogram[o] = (histogram[o] as number) + (other[o] as number);
      }
    }
  }

  /** Stops the helper thread. */
  close(): void {
    Atomics.store(this.control, 0, State.stop);
    Atomics.notify(this.control, 0);
    void this.worker.terminate();
  }
}
