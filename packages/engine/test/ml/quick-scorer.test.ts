import { describe, expect, it } from 'vitest';
import { binForest, scoreBinnedForest } from '../../src/ml/binned-forest.js';
import { compileForest } from '../../src/ml/compiled-forest.js';
import {
  chosenScorer,
  type GbdtModel,
  matrixFromColumns,
  modelFromJson,
  modelToJson,
  predictMargin,
  type RegressionTree,
  seededRandom,
} from '../../src/ml/index.js';
import { quickScorer, scoreQuickScorer } from '../../src/ml/quick-scorer.js';
import { wasmForest } from '../../src/ml/wasm-forest.js';
import {
  categoricalStump,
  expectSameBits,
  kinds,
  randomColumns,
  randomModel,
  randomTree,
  reference,
} from './forest-fixtures.js';

describe('QuickScorer', () => {
  for (let depth = 1; depth <= 8; depth++) {
    it(`gives every scorer's bits on random trees of depth ${depth}, missing values included`, () => {
      const model = randomModel(100 + depth, depth, 37);
      const rows = 3001;
      const columns = randomColumns(200 + depth, rows);
      const expected = reference(model, columns);
      const matrix = matrixFromColumns(columns);

      const binned = binForest(model);
      expect(binned?.depth).toBe(depth);
      const binnedOut = new Float64Array(rows);
      scoreBinnedForest(
        binned as NonNullable<typeof binned>,
        matrix.values,
        rows,
        1,
        rows,
        binnedOut,
      );
      expectSameBits(binnedOut, expected);

      const compiledOut = new Float64Array(rows).fill(model.baseScore);
      compileForest(model)(matrix.values, rows, 1, rows, compiledOut);
      expectSameBits(compiledOut, expected);

      const quick = quickScorer(model);
      if (depth > 6) {
        // More than 64 leaf positions: not in two words; predictMargin uses the other scorers.
        expect(quick).toBeNull();
      } else {
        expect(quick?.words).toBe(depth <= 5 ? 1 : 2);
        const quickOut = new Float64Array(rows);
        scoreQuickScorer(
          quick as NonNullable<typeof quick>,
          matrix.values,
          rows,
          1,
          rows,
          quickOut,
        );
        expectSameBits(quickOut, expected);
        // Row-major, with a stride wider than the model's features, as the compiled trees read it.
        const wide = kinds.length + 2;
        const rowMajor = new Float64Array(rows * wide);
        for (let r = 0; r < rows; r++)
          for (let f = 0; f < kinds.length; f++) rowMajor[r * wide + f] = columns[f]?.[r] as number;
        scoreQuickScorer(quick as NonNullable<typeof quick>, rowMajor, rows, wide, 1, quickOut);
        expectSameBits(quickOut, expected);
      }
      expectSameBits(predictMargin(model, matrix), expected);
    });
  }

  it('reads Float32 rows like the compiled and binned trees', () => {
    const model = randomModel(7, 6, 60);
    const rows = 2500;
    const columns = randomColumns(8, rows);
    const values = new Float32Array(rows * kinds.length);
    for (let r = 0; r < rows; r++)
      for (let f = 0; f < kinds.length; f++)
        values[r * kinds.length + f] = columns[f]?.[r] as number;
    const quick = quickScorer(model);
    const quickOut = new Float64Array(rows);
    scoreQuickScorer(quick as NonNullable<typeof quick>, values, rows, kinds.length, 1, quickOut);
    const compiledOut = new Float64Array(rows).fill(model.baseScore);
    compileForest(model)(values, rows, kinds.length, 1, compiledOut);
    expectSameBits(quickOut, compiledOut);
    // Both against the node-by-node walk of the values as Float32 rounds them.
    const rounded = columns.map((c) => Float64Array.from(Float32Array.from(c)));
    expectSameBits(quickOut, reference(model, rounded));
  });

  it('handles a model of single leaves and an empty category set', () => {
    const random = seededRandom(3);
    const leaf: RegressionTree = { ...randomTree(random, 0) };
    const emptySet = categoricalStump(1, [], true, [0.25, -0.125]);
    const model: GbdtModel = { ...randomModel(1, 1, 1), trees: [leaf, emptySet, leaf] };
    const columns = randomColumns(4, 500);
    const quick = quickScorer(model);
    const out = new Float64Array(500);
    scoreQuickScorer(
      quick as NonNullable<typeof quick>,
      matrixFromColumns(columns).values,
      500,
      1,
      500,
      out,
    );
    expectSameBits(out, reference(model, columns));
  });

  it('takes part in the scorer trial of a model the SIMD trees decline, same bits whichever wins', () => {
    // 300 cuts on a column: more than a byte of bins, so the SIMD trees decline the model.
    const shape = { codes: 10, grid: Array.from({ length: 300 }, (_, i) => -2.4 + i * 0.016) };
    const model = randomModel(9, 6, 200, shape);
    expect(wasmForest(model)).toBeNull();
    const rows = 8 * 8192 + 777;
    const columns = randomColumns(10, rows, shape);
    const copy = modelFromJson(modelToJson(model));
    expect(chosenScorer(copy)).toBeUndefined();
    expectSameBits(predictMargin(copy, matrixFromColumns(columns)), reference(model, columns));
    expect(['binned', 'compiled', 'quick']).toContain(chosenScorer(copy));
    // The choice is kept: a second batch uses it without a trial.
    const again = randomColumns(11, 5000, shape);
    expectSameBits(predictMargin(copy, matrixFromColumns(again)), reference(model, again));
  });

  it('leaves large batches to the SIMD trees when they take the model, without a trial', () => {
    const model = randomModel(14, 6, 40);
    const columns = randomColumns(15, 3000);
    expect(chosenScorer(model)).toBeUndefined();
    expectSameBits(predictMargin(model, matrixFromColumns(columns)), reference(model, columns));
    expect(chosenScorer(model)).toBe('simd');
  });
});
