// Scale of the gradient-boosted trees: train on 1M synthetic rows, score 10M.
//
//   npm run build && node bench/model-scale.mjs [--train-rows N] [--score-rows N] [--trees N] [--quick]
//
// The rows imitate controlled declarations: 20 features (14 numeric with missing values, 6
// categorical codes), a label from a non-linear rule with noise (about 20 % positives). Training
// runs depth 6, learning rate 0.1, no early stopping, exactly --trees rounds; scoring runs on
// Float32 row-major blocks of 1M rows (generated outside the timed part), i.e. pure model scoring
// with the features already in memory. In the same run, one block is also scored with the previous
// scorer (trees compiled to nested JavaScript comparisons) as the baseline, and column-major
// Float64 (the layout the warehouse pages use). Prints JSON: times, rows/s per core (rows over CPU
// seconds; the code is single-threaded) and peak RSS.
import { matrixFromColumns, predictMargin, seededRandom, trainGbdt } from '@probity/engine';
import { compileForest } from '../packages/engine/dist/ml/compiled-forest.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const trainRows = arg('train-rows', 1_000_000);
// `--quick` (from `npm run bench -- --quick`) scores 1M rows instead of 10M.
const scoreRows = arg('score-rows', process.argv.includes('--quick') ? 1_000_000 : 10_000_000);
const trees = arg('trees', 300);
const FEATURES = 20;
const CATEGORICAL = 6;

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 100);

/** Fills one row's features and returns its label. */
function row(random, out, offset, stride) {
  let z = 0;
  for (let f = 0; f < FEATURES; f++) {
    let v;
    if (f < FEATURES - CATEGORICAL) {
      v = random.next() < 0.05 ? NaN : random.next() * 10;
      if (f < 4 && !Number.isNaN(v)) z += (f % 2 === 0 ? 1 : -1) * Math.sin(v) * (f + 1) * 0.3;
    } else {
      v = random.nextInt(f === FEATURES - 1 ? 40 : 8);
      if (f === FEATURES - 1 && v % 5 === 0) z += 1.5;
    }
    out[offset + f * stride] = v;
  }
  const p = 1 / (1 + Math.exp(-(z - 1.6)));
  return random.next() < p ? 1 : 0;
}

const random = seededRandom(7);
const columns = Array.from({ length: FEATURES }, () => new Float64Array(trainRows));
const label = new Float64Array(trainRows);
const buffer = new Float64Array(FEATURES);
for (let r = 0; r < trainRows; r++) {
  label[r] = row(random, buffer, 0, 1);
  for (let f = 0; f < FEATURES; f++) columns[f][r] = buffer[f];
}
const kinds = Array.from({ length: FEATURES }, (_, f) =>
  f < FEATURES - CATEGORICAL ? 'numeric' : 'categorical',
);
sample();
let started = performance.now();
const trainCpu = process.cpuUsage();
const { model } = trainGbdt(
  { columns, label },
  { rounds: trees, maxDepth: 6, learningRate: 0.1, subsample: 1, colsampleByTree: 1 },
  { featureKinds: kinds },
);
const trainSeconds = (performance.now() - started) / 1000;
const trainCpuUsed = process.cpuUsage(trainCpu);
const trainCpuSeconds = (trainCpuUsed.user + trainCpuUsed.system) / 1e6;
sample();

// Score in blocks of 1M rows, row-major Float32.
const block = Math.min(1_000_000, scoreRows);
const values = new Float32Array(block * FEATURES);
let scoreSeconds = 0;
let scoreCpuSeconds = 0;
let checksum = 0;
for (let done = 0; done < scoreRows; done += block) {
  const rows = Math.min(block, scoreRows - done);
  for (let r = 0; r < rows; r++) row(random, values, r * FEATURES, 1);
  const matrix = {
    rows,
    cols: FEATURES,
    values: values.subarray(0, rows * FEATURES),
    layout: 'row-major',
  };
  started = performance.now();
  const cpu = process.cpuUsage();
  const margin = predictMargin(model, matrix);
  const used = process.cpuUsage(cpu);
  scoreCpuSeconds += (used.user + used.system) / 1e6;
  scoreSeconds += (performance.now() - started) / 1000;
  checksum += margin[0];
  sample();
}
// Same run, same block: column-major Float64, and the compiled trees (the scorer before binning).
const cpuSeconds = (f) => {
  const cpu = process.cpuUsage();
  f();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6;
};
const colMajor = matrixFromColumns(columns.map((c) => c.subarray(0, block)));
const columnMajorCpuSeconds = cpuSeconds(() => predictMargin(model, colMajor));
const compiled = compileForest(model);
// Warm the generated functions up (V8 optimises them after a few calls) before timing them.
compiled(values, 100_000, FEATURES, 1, new Float64Array(100_000));
const lastBlock = { rows: block, cols: FEATURES, values, layout: 'row-major' };
const binnedBlockCpuSeconds = cpuSeconds(() => predictMargin(model, lastBlock));
const compiledBlockCpuSeconds = cpuSeconds(() =>
  compiled(values, block, FEATURES, 1, new Float64Array(block).fill(model.baseScore)),
);
clearInterval(timer);
sample();
const depth = (t, n = 0) =>
  t.feature[n] < 0 ? 0 : 1 + Math.max(depth(t, t.left[n]), depth(t, t.right[n]));
// One line: bench/run.mjs reads one JSON document per line.
process.stdout.write(
  JSON.stringify({
    features: FEATURES,
    trees: model.trees.length,
    maxDepth: Math.max(...model.trees.map((t) => depth(t))),
    meanLeaves:
      model.trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0) /
      model.trees.length,
    trainRows,
    trainSeconds,
    trainCpuSeconds,
    scoreRows,
    scoreSeconds,
    scoreCpuSeconds,
    // Per core: rows over CPU time (the scorer is single-threaded; on a shared machine wall time
    // also counts other processes' turns).
    scoreRowsPerSecondPerCore: scoreRows / scoreCpuSeconds,
    scoreRowsPerSecondWall: scoreRows / scoreSeconds,
    columnMajorFloat64RowsPerSecondPerCore: colMajor.rows / columnMajorCpuSeconds,
    // One 1M block scored twice in a row: binned trees (now used) against compiled trees.
    blockBinnedRowsPerSecondPerCore: block / binnedBlockCpuSeconds,
    blockCompiledRowsPerSecondPerCore: block / compiledBlockCpuSeconds,
    binnedOverCompiled: compiledBlockCpuSeconds / binnedBlockCpuSeconds,
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    checksum,
  }) + '\n',
);
