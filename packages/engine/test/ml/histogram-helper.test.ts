import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { applyFeatureBins, fitFeatureBins } from '../../src/ml/feature-bins.js';
import { buildHistogram, histogramOffsets } from '../../src/ml/gradient-histogram.js';
import { HistogramHelper } from '../../src/ml/histogram-helper.js';
import { seededRandom } from '../../src/ml/seeded-random.js';

function setUp(rows: number): {
  data: ReturnType<typeof applyFeatureBins>;
  offsets: Int32Array;
  gradHess: Float64Array;
} {
  const random = seededRandom(3);
  const columns = Array.from({ length: 5 }, () =>
    Float64Array.from({ length: rows }, () => (random.next() < 0.1 ? NaN : random.next() * 50)),
  );
  const featureBins = fitFeatureBins(columns, Array(5).fill('numeric'));
  const data = applyFeatureBins(columns, featureBins);
  const gradHess = Float64Array.from({ length: 2 * rows }, () => random.next() - 0.3);
  return { data, offsets: histogramOffsets(featureBins), gradHess };
}

/** Both halves summed the way the helper does: first half, second half, then added. */
function twoHalves(
  data: ReturnType<typeof applyFeatureBins>,
  offsets: Int32Array,
  rows: Uint32Array,
  gradHess: Float64Array,
  features: Int32Array,
): Float64Array {
  const size = offsets[data.features] as number;
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  const mid = rows.length >> 1;
  buildHistogram(data, offsets, rows, 0, mid, gradHess, features, a);
  buildHistogram(data, offsets, rows, mid, rows.length, gradHess, features, b);
  for (let o = 0; o < size; o++) a[o] = (a[o] as number) + (b[o] as number);
  return a;
}

describe('histogram helper thread', () => {
  it('gives the same bits whether the helper or the caller builds the second half', async () => {
    const { data, offsets, gradHess } = setUp(20_000);
    const features = Int32Array.of(0, 2, 3, 4);
    const helper = new HistogramHelper(data, offsets);
    try {
      helper.gradHess.set(gradHess);
      for (let i = 0; i < data.rows; i++) helper.rows[i] = data.rows - 1 - i;
      const expected = twoHalves(data, offsets, helper.rows, gradHess, features);
      const size = offsets[data.features] as number;
      // Straight after start-up the helper is usually still loading: the caller takes its half back.
      const early = new Float64Array(size);
      helper.build(data, 0, data.rows, features, early);
      // Later it takes its half, unless it is not scheduled in time (a busy machine): try a while.
      const late = new Float64Array(size);
      for (let k = 0; k < 100 && helper.helperHalves === 0; k++) {
        await sleep(20);
        helper.build(data, 0, data.rows, features, late);
      }
      expect(helper.helperHalves).toBeGreaterThan(0);
      for (let o = 0; o < size; o++) {
        expect(Object.is(early[o], expected[o])).toBe(true);
        expect(Object.is(late[o], expected[o])).toBe(true);
      }
    } finally {
      helper.close();
    }
  });

  it('runs in a process whose eval code is an ES module (node --input-type=module -e)', async () => {
    const { data, offsets, gradHess } = setUp(10_000);
    const helper = new HistogramHelper(data, offsets, ['--input-type=module']);
    try {
      helper.gradHess.set(gradHess);
      for (let i = 0; i < data.rows; i++) helper.rows[i] = i;
      const histogram = new Float64Array(offsets[data.features] as number);
      for (let k = 0; k < 100 && helper.helperHalves === 0; k++) {
        await sleep(20);
        helper.build(data, 0, data.rows, Int32Array.of(1), histogram);
      }
      expect(helper.helperHalves).toBeGreaterThan(0);
    } finally {
      helper.close();
    }
  });
});
