import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/** Words of the shared control array, used by the caller and the helper's source. */
const Control = {
  /** Generation of the posted work (bits 8–30) and the next chunk to claim (bits 0–7). */
  next: 0,
  /** Chunks of the current generation. */
  chunks: 1,
  /** Chunks of the current generation that are finished, by either thread. */
  done: 2,
  /** 1: the helper exits. */
  stop: 3,
  /** 1: a chunk threw on the helper thread. */
  failed: 4,
  /** Shared values posted so far (the helper reads them before its next chunk). */
  version: 5,
  /** Which of the chunk runners the current generation's chunks are for. */
  kind: 6,
} as const;

/** At most 255 chunks of work per generation (the chunk index is the low byte of `next`). */
const MAX_CHUNKS = 255;

/** One chunk of work on shared values, run by the caller and the helper thread alike. */
export type ChunkRunner = (shared: Record<string, unknown>, chunk: number) => void;

/**
 * A kind of work for the helper: `functions`, function declarations (not arrow functions) that
 * its source declares by their text, and `runner`, the source of a {@link ChunkRunner} calling
 * them.
 */
export interface HelperWork {
  readonly functions: readonly ((...args: never[]) => unknown)[];
  readonly runner: string;
}

/** The worker's module: the parts of `node:worker_threads` that {@link helperLoop} uses. */
interface WorkerThreads {
  readonly workerData: { control: Int32Array; port: MessagePort };
  receiveMessageOnPort(port: MessagePort): { message: unknown } | undefined;
}

/** A shared value posted to the helper: `shared[name] = value`. */
interface SharedValue {
  readonly name: string;
  readonly value: unknown;
}

/**
 * The helper thread's loop. It runs as source text in the worker (its body may only use its
 * arguments, `Control` and globals): claim a chunk, read the values posted before it, run it.
 */
function helperLoop(threads: WorkerThreads, runners: readonly ChunkRunner[]): void {
  const { control, port } = threads.workerData;
  const shared: Record<string, unknown> = {};
  let version = 0;
  const readPosted = (): void => {
    const posted = Atomics.load(control, Control.version);
    while (version < posted) {
      const received = threads.receiveMessageOnPort(port);
      if (received === undefined) {
        // Posted before the version was raised, so it is on its way: wait for it a little.
        Atomics.wait(control, Control.version, posted, 1);
        continue;
      }
      const { name, value } = received.message as SharedValue;
      shared[name] = value;
      version++;
    }
  };
  for (;;) {
    if (Atomics.load(control, Control.stop) === 1) return;
    const next = Atomics.load(control, Control.next);
    const chunk = next & 0xff;
    if (chunk < Atomics.load(control, Control.chunks)) {
      // The exchange fails if the caller took the chunk, or moved on to new work, meanwhile.
      if (Atomics.compareExchange(control, Control.next, next, next + 1) !== next) continue;
      try {
        readPosted();
        (runners[Atomics.load(control, Control.kind)] as ChunkRunner)(shared, chunk);
      } catch (error) {
        Atomics.store(control, Control.failed, 1);
        Atomics.notify(control, Control.done);
        throw error;
      }
      Atomics.add(control, Control.done, 1);
      Atomics.notify(control, Control.done);
    } else {
      Atomics.wait(control, Control.next, next);
    }
  }
}

/**
 * A second thread that shares chunks of work with the caller. Values the chunks need are posted
 * with {@link TrainHelper.share} (typed arrays on shared memory stay shared); {@link run} hands
 * out the chunks of one piece of work to whichever thread is free, so the result does not depend
 * on which thread ran which chunk, nor on the helper being slow or not started.
 *
 * The helper's code is source text (an `eval` worker) built from functions' `toString()`: it
 * runs the same from the TypeScript sources (Vitest) and from the built package, and the helper
 * runs the very functions the caller runs. Those functions may use only their arguments, each
 * other (declared side by side) and globals; not imports, which a test runner rewrites. A worker
 * inherits the parent's options: under `node --input-type=module -e`, eval'd code is an ES
 * module, where `require` does not exist, so the source imports `node:worker_threads`
 * dynamically, which works in both module systems.
 */
export class TrainHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * 4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private generation = 0;
  private version = 0;
  /** Chunks run on the helper thread so far (the others ran on the caller's). */
  helperChunks = 0;
  /** Why the helper thread stopped, if it failed (the caller then runs every chunk itself). */
  error: unknown = null;

  /**
   * `works`: the kinds of work the helper can run, numbered by their place in the list (see
   * {@link run}); `execArgv`: the helper's Node options (default: the parent's).
   */
  constructor(works: readonly HelperWork[], execArgv?: readonly string[]) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const functions = new Set(works.flatMap((work) => work.functions));
    const runners = works.map((work) => work.runner).join(', ');
    const source = [
      ...[...functions].map(String),
      `const Control = ${JSON.stringify(Control)};`,
      String(helperLoop),
      `import('node:worker_threads').then((threads) => helperLoop(threads, [${runners}]));`,
    ].join('\n');
    this.worker = new Worker(source, {
      eval: true,
      ...(execArgv ? { execArgv: [...execArgv] } : {}),
      workerData: { control: this.control, port: port2 },
      transferList: [port2],
    });
    // A failure is seen through the control words; an unhandled 'error' event would end the process.
    this.worker.on('error', (error) => {
      this.error = error;
    });
    // Never keep the process alive for the helper.
    this.worker.unref();
    this.port.unref();
  }

  /**
   * Posts `shared[name] = value` to the helper (a copy, whose typed arrays on shared memory stay
   * shared); it is read before the helper's next chunk.
   */
  share(name: string, value: unknown): void {
    this.port.postMessage({ name, value } satisfies SharedValue);
    this.version++;
    Atomics.store(this.control, Control.version, this.version);
  }

  /**
   * Runs chunks 0 … chunks − 1 of a piece of work, on this thread (`runChunk`) and the helper's
   * (runner number `kind`), and returns when all are finished. The values the chunks use must
   * not change until then.
   */
  run(kind: number, chunks: number, runChunk: (chunk: number) => void): void {
    if (chunks < 1 || chunks > MAX_CHUNKS) throw new RangeError(`1 to ${MAX_CHUNKS} chunks`);
    const control = this.control;
    this.generation = (this.generation + 1) & 0x7fffff;
    const first = this.generation << 8;
    Atomics.store(control, Control.kind, kind);
    Atomics.store(control, Control.chunks, chunks);
    Atomics.store(control, Control.done, 0);
    Atomics.store(control, Control.next, first);
    Atomics.notify(control, Control.next);
    let mine = 0;
    for (;;) {
      const next = Atomics.load(control, Control.next);
      if (next - first >= chunks) break;
      if (Atomics.compareExchange(control, Control.next, next, next + 1) !== next) continue;
      runChunk(next - first);
      mine++;
      Atomics.add(control, Control.done, 1);
    }
    this.helperChunks += chunks - mine;
    for (;;) {
      const done = Atomics.load(control, Control.done);
      if (done >= chunks) break;
      if (Atomics.load(control, Control.failed) === 1)
        throw new Error('the training helper thread failed');
      Atomics.wait(control, Control.done, done, 1000);
    }
  }

  /** Stops the helper thread; the promise settles once it has exited. */
  close(): Promise<void> {
    Atomics.store(this.control, Control.stop, 1);
    Atomics.notify(this.control, Control.next);
    this.port.close();
    return this.worker.terminate().then(() => undefined);
  }
}
