import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TrainHelper } from '../../src/ml/train-helper.js';

/** Blocks this thread for `ms` milliseconds (so that the helper takes the other chunks). */
function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `run` until the helper has taken a chunk (it may take a while to start), at most 5 s. */
function untilHelperRuns(helper: TrainHelper, run: () => void): void {
  const deadline = Date.now() + 5000;
  while (helper.helperChunks === 0 && Date.now() < deadline) run();
}

describe('the training helper thread', () => {
  it('runs the chunks of the kind of work asked, with its functions and the values shared, on either thread', async () => {
    // A declaration: the helper's source declares it by its text.
    function triple(x: number): number {
      return 3 * x;
    }
    const helper = new TrainHelper([
      { functions: [], runner: '() => { throw new RangeError("not this one"); }' },
      {
        functions: [triple],
        runner:
          '(shared, chunk) => { shared.out[chunk] = triple(shared.in[chunk]) + shared.offset; }',
      },
    ]);
    try {
      const input = new Float64Array(new SharedArrayBuffer(8 * 4));
      const output = new Float64Array(new SharedArrayBuffer(8 * 4));
      input.set([1, 2, 3, 4]);
      helper.share('in', input);
      helper.share('out', output);
      helper.share('offset', 0.5);
      untilHelperRuns(helper, () => {
        output.fill(0);
        helper.run(1, 4, (chunk) => {
          output[chunk] = triple(input[chunk] as number) + 0.5;
          block(5);
        });
      });
      expect(helper.helperChunks).toBeGreaterThan(0);
      expect(Array.from(output)).toEqual([3.5, 6.5, 9.5, 12.5]);
    } finally {
      await helper.close();
    }
  });

  it('fails the run, instead of waiting forever, when a chunk throws on the helper thread', async () => {
    const helper = new TrainHelper([
      { functions: [], runner: '() => { throw new RangeError("helper chunk"); }' },
    ]);
    try {
      let failure: unknown = null;
      untilHelperRuns(helper, () => {
        try {
          // The caller's chunks take a while, so the helper takes one if it runs at all.
          helper.run(0, 2, () => block(20));
        } catch (error) {
          failure = error;
        }
      });
      expect(helper.helperChunks).toBeGreaterThan(0);
      expect(String(failure)).toMatch(/helper thread failed/);
    } finally {
      await helper.close();
    }
  });

  it('ends its helper thread when closed', async () => {
    const workers = (): number =>
      (process.report.getReport() as { workers: unknown[] }).workers.length;
    const before = workers();
    const helper = new TrainHelper([{ functions: [], runner: '() => {}' }]);
    // A report lists a worker once it runs.
    for (let k = 0; k < 200 && workers() === before; k++) await sleep(10);
    expect(workers()).toBe(before + 1);
    await helper.close();
    expect(workers()).toBe(before);
  });
});
