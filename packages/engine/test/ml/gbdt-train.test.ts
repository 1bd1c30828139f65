import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type FeatureKind,
  matrixFromColumns,
  modelToJson,
  predict,
  predictMargin,
  rocAuc,
  seededRandom,
  trainGbdt,
} from '../../src/ml/index.js';

function xorData(n: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const random = seededRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Balanced cells: each of the four (a, b) quadrants gets exactly n / 4 rows.
    const qa = i % 2;
    const qb = (i >> 1) % 2;
    a[i] = qa + random.next() * 0.5;
    b[i] = qb + random.next() * 0.5;
    label[i] = qa ^ qb;
  }
  return { columns: [a, b], label };
}

describe('trainGbdt', () => {
  it('finds a separable threshold rule exactly, at the midpoint between the classes', () => {
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 100) / 100);
    const noise = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 101);
    const label = Float64Array.from(x, (v) => (v >= 0.37 ? 1 : 0));
    const { model } = trainGbdt(
      { columns: [noise, x], label },
      { rounds: 1, maxDepth: 1, learningRate: 1 },
    );
    const tree = model.trees[0];
    expect(tree?.feature[0]).toBe(1);
    expect(tree?.threshold[0]).toBeCloseTo(0.365, 12);
    const p = predict(model, matrixFromColumns([noise, x]));
    p.forEach((v, i) => expect(v > 0.5 ? 1 : 0).toBe(label[i]));
  });

  it('cannot learn XOR with depth-1 trees but learns it with depth 2', () => {
    const train = xorData(2000, 1);
    const test = xorData(1000, 2);
    const stumps = trainGbdt(train, { rounds: 30, maxDepth: 1 }).model;
    const depth2 = trainGbdt(train, { rounds: 30, maxDepth: 2 }).model;
    const matrix = matrixFromColumns(test.columns);
    expect(Math.abs(rocAuc(predict(stumps, matrix), test.label) - 0.5)).toBeLessThan(0.05);
    expect(rocAuc(predict(depth2, matrix), test.label)).toBeGreaterThan(0.99);
  });

  it('sends missing values the way that reduces the loss', () => {
    const n = 600;
    const x = new Float64Array(n);
    const label = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (i % 3 === 0) {
        x[i] = NaN;
        label[i] = 1;
      } else {
        const v = (i % 50) / 50;
        x[i] = v;
        label[i] = v < 0.3 ? 1 : 0;
      }
    }
    const { model } = trainGbdt(
      { columns: [x], label },
      { rounds: 1, maxDepth: 1, learningRate: 1 },
    );
    const tree = model.trees[0];
    // Low values are positive, so missing values join them on the left.
    expect(tree?.defaultLeft[0]).toBe(1);
    const margin = predictMargin(model, matrixFromColumns([Float64Array.of(NaN, 0.1, 0.9)]));
    expect(margin[0]).toBe(margin[1]);
    expect(margin[0]).toBeGreaterThan(margin[2] as number);
  });

  it('sends missing values to the heavier child when training had none', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const label = Float64Array.from(x, (v) => (v < 80 ? 0 : 1));
    const { model } = trainGbdt({ columns: [x], label }, { rounds: 1, maxDepth: 1 });
    expect(model.trees[0]?.defaultLeft[0]).toBe(1);
  });

  it('splits a categorical feature on the set of categories that are positive', () => {
    const n = 1000;
    const code = Float64Array.from({ length: n }, (_, i) => i % 10);
    const positive = new Set([1, 4, 7, 8]);
    const label = Float64Array.from(code, (c) => (positive.has(c) ? 1 : 0));
    const kinds: FeatureKind[] = ['categorical'];
    const { model } = trainGbdt(
      { columns: [code], label },
      { rounds: 1, maxDepth: 1, learningRate: 1 },
      { featureKinds: kinds },
    );
    const set = model.trees[0]?.categories[0];
    expect(set).not.toBeNull();
    // Either side may hold the positive categories; the split must separate exactly that set.
    expect([
      [1, 4, 7, 8],
      [0, 2, 3, 5, 6, 9],
    ]).toContainEqual(Array.from(set ?? []));
    const margins = predictMargin(
      model,
      matrixFromColumns([Float64Array.from({ length: 10 }, (_, i) => i)]),
    );
    for (let c = 0; c < 10; c++) {
      expect((margins[c] as number) > 0).toBe(positive.has(c));
    }
  });

  it('fits a squared-error regression', () => {
    // 250 distinct values: each gets a bin of its own, so the step at 0.5 can be found exactly.
    const x = Float64Array.from({ length: 500 }, (_, i) => (i % 250) / 250);
    const y = Float64Array.from(x, (v) => 3 * v + (v > 0.5 ? 2 : 0));
    const { model } = trainGbdt(
      { columns: [x], label: y },
      { objective: 'reg:squarederror', rounds: 200, learningRate: 0.3, maxDepth: 3 },
    );
    const p = predict(model, matrixFromColumns([x]));
    let worst = 0;
    p.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (y[i] as number)))));
    expect(worst).toBeLessThan(0.05);
  });

  it('gives identical models for the same seed and different ones for another seed', () => {
    const { columns, label } = xorData(1500, 3);
    const noisy = [...columns, Float64Array.from(label, (_, i) => (i * 7919) % 13)];
    const params = { rounds: 20, maxDepth: 3, subsample: 0.7, colsampleByTree: 0.67, seed: 42 };
    const a = JSON.stringify(modelToJson(trainGbdt({ columns: noisy, label }, params).model));
    const b = JSON.stringify(modelToJson(trainGbdt({ columns: noisy, label }, params).model));
    const c = JSON.stringify(
      modelToJson(trainGbdt({ columns: noisy, label }, { ...params, seed: 43 }).model),
    );
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('stops early and keeps the trees up to the best validation round', () => {
    const train = xorData(1000, 4);
    const valid = xorData(500, 5);
    const result = trainGbdt(
      train,
      { rounds: 500, maxDepth: 2, earlyStoppingRounds: 5 },
      { valid },
    );
    expect(result.validHistory.length).toBeLessThan(500);
    const best = Math.min(...result.validHistory);
    expect(result.validHistory[result.bestRound]).toBe(best);
    expect(result.model.trees.length).toBe(result.bestRound + 1);
  });

  it('grows at most maxLeaves leaves with leaf-wise growth', () => {
    const { columns, label } = xorData(1000, 6);
    const { model } = trainGbdt(
      { columns, label },
      { rounds: 3, maxDepth: 0, maxLeaves: 5, growPolicy: 'lossguide', minChildWeight: 0 },
    );
    for (const tree of model.trees) {
      expect(Array.from(tree.feature).filter((f) => f < 0).length).toBeLessThanOrEqual(5);
    }
  });

  it('raises the scores of positives when they are weighted up', () => {
    const { columns, label } = xorData(800, 7);
    const m = matrixFromColumns(columns);
    const plain = predict(trainGbdt({ columns, label }, { rounds: 5, maxDepth: 1 }).model, m);
    const weighted = predict(
      trainGbdt({ columns, label }, { rounds: 5, maxDepth: 1, scalePosWeight: 4 }).model,
      m,
    );
    const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(weighted)).toBeGreaterThan(mean(plain) + 0.2);
  });
});

/**
 * XOR of two features (a with missing values), a categorical feature, six noise features and a
 * copy of a, whose gains tie with a's (the first must win, as on one thread): ten features, so
 * that two threads split the root's work by features.
 */
function mixedData(n: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const { columns, label } = xorData(n, seed);
  const random = seededRandom(seed + 100);
  const a = columns[0] as Float64Array;
  for (let i = 0; i < n; i += 17) a[i] = NaN;
  const code = Float64Array.from(
    label,
    (y) => ((random.next() < 0.3 ? y * 5 : 0) + random.next() * 5) | 0,
  );
  const noise = Array.from({ length: 6 }, () => Float64Array.from(label, () => random.next()));
  return { columns: [...columns, code, ...noise, Float64Array.from(a)], label };
}

describe('trainGbdt on two threads', () => {
  const kinds: FeatureKind[] = ['numeric', 'numeric', 'categorical'];
  kinds.push(...Array<FeatureKind>(7).fill('numeric'));
  const trees = (model: ReturnType<typeof trainGbdt>['model']): string =>
    JSON.stringify(modelToJson(model).trees);

  it('grows the same trees, to the bit, as on one thread (depthwise and lossguide)', () => {
    // 20 000 rows: enough for the helper thread (from 8192).
    const { columns, label } = mixedData(20_000, 8);
    const depthwise = { rounds: 8, maxDepth: 5, subsample: 0.8, colsampleByTree: 0.8, seed: 5 };
    const lossguide = {
      ...depthwise,
      growPolicy: 'lossguide' as const,
      maxDepth: 0,
      maxLeaves: 12,
    };
    const valid = mixedData(3000, 11);
    const models = [depthwise, lossguide].map((params) => {
      const options = { featureKinds: kinds, valid };
      const one = trainGbdt({ columns, label }, params, options);
      const two = trainGbdt({ columns, label }, { ...params, threads: 2 }, options);
      expect(trees(two.model)).toBe(trees(one.model));
      expect(two.validHistory).toEqual(one.validHistory);
      return two.model;
    });
    const test = mixedData(2000, 9);
    for (const model of models) {
      const scores = predict(model, matrixFromColumns(test.columns));
      expect(rocAuc(scores, test.label)).toBeGreaterThan(0.9);
    }
  });

  it('ends its helper thread when a round throws', async () => {
    const workers = (): number =>
      (process.report.getReport() as { workers: unknown[] }).workers.length;
    const before = workers();
    let running = false;
    const { columns, label } = mixedData(10_000, 10);
    expect(() =>
      trainGbdt(
        { columns, label },
        { rounds: 5, threads: 2 },
        {
          featureKinds: kinds,
          onRound: (round) => {
            if (round < 2) return;
            // Throw once the helper thread runs (a report lists a worker from then on).
            const deadline = Date.now() + 5000;
            while (!running && Date.now() < deadline) running = workers() > before;
            throw new RangeError('stop here');
          },
        },
      ),
    ).toThrow('stop here');
    expect(running).toBe(true);
    // The thread ends asynchronously after it is told to stop.
    for (let k = 0; k < 200 && workers() > before; k++) await sleep(10);
    expect(workers()).toBe(before);
  });

  it('trains from the built package in a process whose eval code is an ES module, which exits by itself', () => {
    const engine = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    expect(existsSync(engine), 'run `npm run build` first: the child process uses dist').toBe(true);
    const script = `
      import { modelToJson, seededRandom, trainGbdt } from ${JSON.stringify(engine)};
      const random = seededRandom(1);
      const columns = [0, 1, 2].map(() => Float64Array.from({ length: 12000 }, () => random.next()));
      const label = Float64Array.from(columns[0], (v, i) => (v > 0.5) !== (columns[1][i] > 0.5) ? 1 : 0);
      const trees = (threads) =>
        JSON.stringify(modelToJson(trainGbdt({ columns, label }, { rounds: 5, threads }).model).trees);
      console.log(trees(2) === trees(1) ? 'same' : 'different');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('same');
  });
});
