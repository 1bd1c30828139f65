import { describe, expect, it } from 'vitest';
import { binForest } from '../../src/ml/binned-forest.js';
import {
  type GbdtModel,
  matrixFromColumns,
  type RegressionTree,
  type Scorer,
  scorerFor,
  seededRandom,
} from '../../src/ml/index.js';
import { scoreWasmForest, type WasmForest, wasmForest } from '../../src/ml/wasm-forest.js';
import {
  categoricalStump,
  expectSameBits,
  type ForestShape,
  kinds,
  randomColumns,
  randomModel,
  randomTree,
  reference,
} from './forest-fixtures.js';

/** Evenly spaced thresholds in [−2.4, 2.4]: `count` distinct cuts per numeric feature at most. */
function wideGrid(count: number): number[] {
  return Array.from({ length: count }, (_, i) => -2.4 + (4.8 * i) / (count - 1));
}

function score(forest: WasmForest, columns: readonly Float64Array[]): Float64Array {
  const rows = (columns[0] as Float64Array).length;
  const out = new Float64Array(rows);
  scoreWasmForest(forest, matrixFromColumns(columns).values, rows, 1, rows, out);
  return out;
}

describe('SIMD forest scorer', () => {
  for (let depth = 1; depth <= 8; depth++) {
    it(`gives the node-by-node walk's bits on random trees of depth ${depth}`, () => {
      const model = randomModel(300 + depth, depth, 41);
      // Not a multiple of the 256-row block: the last block is partial.
      const columns = randomColumns(400 + depth, 3001);
      const forest = wasmForest(model);
      expect(forest).not.toBeNull();
      expectSameBits(score(forest as WasmForest, columns), reference(model, columns));
    });
  }

  it('reads category tables of every width: one bit table up to 128 bins, chunks beyond', () => {
    // 60 codes: 62 bins, bit table; 200 codes: 202 bins, 13 chunks of 16.
    for (const codes of [60, 200]) {
      const shape: ForestShape = { codes, grid: wideGrid(40) };
      const model = randomModel(codes, 6, 50, shape);
      const columns = randomColumns(codes + 1, 2000, shape);
      const forest = wasmForest(model) as WasmForest;
      // Each categorical column names at least 100 codes with 200 codes available.
      const named = Array.from(forest.binned.named).filter((_, c) => forest.binned.categorical[c]);
      expect(Math.max(...named)).toBeGreaterThan(codes === 200 ? 126 : 30);
      expectSameBits(score(forest, columns), reference(model, columns));
    }
  });

  it('scores up to 254 cuts on a column and declines 255, whose bins no longer fit a byte', () => {
    const fits = { codes: 10, grid: wideGrid(254) };
    const model = randomModel(5, 8, 400, fits);
    const forest = wasmForest(model) as WasmForest;
    expect(Math.max(...forest.binned.named)).toBe(254);
    const columns = randomColumns(6, 1500, fits);
    expectSameBits(score(forest, columns), reference(model, columns));
    // One more cut on feature 0.
    const extra: RegressionTree = {
      ...(model.trees[0] as RegressionTree),
      feature: Int32Array.from([0, -1, -1]),
      threshold: Float64Array.from([2.45, 0, 0]),
      defaultLeft: Uint8Array.from([0, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      value: Float64Array.from([0, 0.5, -0.5]),
      gain: new Float64Array(3),
      cover: new Float64Array(3),
      categories: [null, null, null],
    };
    const tooWide: GbdtModel = { ...model, trees: [...model.trees, extra] };
    expect(binForest(tooWide)?.named[0]).toBe(255);
    expect(wasmForest(tooWide)).toBeNull();
  });

  it('handles trees that are a single leaf and an empty category set', () => {
    const leaf = randomTree(seededRandom(3), 0);
    const emptySet = categoricalStump(1, [], true, [0.25, -0.125]);
    const model: GbdtModel = { ...randomModel(1, 1, 1), trees: [leaf, emptySet, leaf] };
    const columns = randomColumns(4, 700);
    expectSameBits(score(wasmForest(model) as WasmForest, columns), reference(model, columns));
  });

  it('reads row-major Float32 rows with a stride wider than the features', () => {
    const model = randomModel(7, 6, 60);
    const rows = 1000;
    const columns = randomColumns(8, rows);
    const wide = kinds.length + 3;
    const values = new Float32Array(rows * wide).fill(Number.NaN);
    for (let r = 0; r < rows; r++)
      for (let f = 0; f < kinds.length; f++) values[r * wide + f] = columns[f]?.[r] as number;
    const out = new Float64Array(rows);
    scoreWasmForest(wasmForest(model) as WasmForest, values, rows, wide, 1, out);
    const rounded = columns.map((c) => Float64Array.from(Float32Array.from(c)));
    expectSameBits(out, reference(model, rounded));
  });

  it('is one of the scorers scorerFor gives, each writing whole margins with the base score', () => {
    const model = randomModel(12, 6, 30);
    const rows = 2100;
    const columns = randomColumns(13, rows);
    const expected = reference(model, columns);
    const names: Scorer[] = ['binned', 'compiled', 'quick', 'simd'];
    for (const name of names) {
      const run = scorerFor(model, name);
      expect(run).not.toBeNull();
      // Garbage in `out` first: a scorer that added to it instead of writing would keep it.
      const out = new Float64Array(rows).fill(1e9);
      run?.(matrixFromColumns(columns).values, rows, 1, rows, out);
      expectSameBits(out, expected);
    }
  });

  it('bins category codes that are not small whole numbers by search, and scores a model of no trees', () => {
    // A set naming 2.5 and 1e6: no code table, the binary search of the binned trees instead.
    const odd = categoricalStump(1, [2.5, 3, 1e6], false, [0.75, -0.5]);
    const base = randomModel(32, 5, 20);
    const model: GbdtModel = { ...base, trees: [...base.trees, odd] };
    const forest = wasmForest(model) as WasmForest;
    const column = Array.from(forest.binned.columns).indexOf(1);
    expect(forest.codeBins[column]).toBeNull();
    const columns = randomColumns(33, 1200);
    // Make the odd codes common in feature 1.
    const odds = [2.5, 1e6, 3, -0, Number.NaN];
    for (let r = 0; r < 1200; r += 3) (columns[1] as Float64Array)[r] = odds[r % 5] as number;
    expectSameBits(score(forest, columns), reference(model, columns));
    const empty: GbdtModel = { ...base, trees: [] };
    const out = score(wasmForest(empty) as WasmForest, columns);
    expect(out.every((v) => v === empty.baseScore)).toBe(true);
  });

  it('bins whole values below, among and beyond the cuts from a table, and fractions by search', () => {
    // Cuts on whole and half numbers (−2 … 2): the numeric columns take the table.
    const model = randomModel(41, 6, 60);
    const forest = wasmForest(model) as WasmForest;
    const numeric = Array.from(forest.binned.categorical).flatMap((k, c) => (k === 0 ? [c] : []));
    expect(numeric.length).toBeGreaterThan(0);
    for (const c of numeric) expect(forest.wholeBins[c]).not.toBeNull();
    const random = seededRandom(42);
    const columns = randomColumns(43, 2000).map((column, f) =>
      kinds[f] === 'numeric'
        ? column.map((v, r) => (r % 2 === 0 ? random.nextInt(13) - 6 : v))
        : column,
    );
    expectSameBits(score(forest, columns), reference(model, columns));
  });
});
