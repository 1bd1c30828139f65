// Scale of the gradient-boosted trees: train on 1M synthetic rows, score 10M.
//
//   npm run build && node bench/model-scale.mjs [--train-rows N] [--score-rows N] [--trees N] [--depth N] [--quick]
//
// The rows imitate controlled declarations: 20 features (14 numeric with missing values, 6
// categorical codes), a label from a non-linear rule with noise (about 20 % positives). Training
// runs depth --depth (6), learning rate 0.1, no early stopping, exactly --trees rounds; scoring runs on
// Float32 row-major blocks of 1M rows (generated outside the timed part), i.e. pure model scoring
// with the features already in memory (`predictMargin`, which times its scorers on the first batch
// and keeps the fastest). In the same run, one block is also scored by each scorer directly: binned
// trees, trees compiled to nested JavaScript comparisons, QuickScorer (depth ≤ 6) and SIMD trees
// (WebAssembly), and
// column-major Float64 (the layout the warehouse pages use). Prints JSON: times, rows/s per core (rows over CPU
// seconds; the code is single-threaded) and peak RSS.
import {
  chosenScorer,
  matrixFromColumns,
  predictMargin,
  scorerFor,
  seededRandom,
  trainGbdt,
} from '@probity/engine';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const trainRows = arg('train-rows', 1_000_000);
// `--quick` (from `npm run bench -- --quick`) scores 1M rows instead of 10M.
const scoreRows = arg('score-rows', process.argv.includes('--quick') ? 1_000_000 : 10_000_000);
const trees = arg('trees', 300);
const maxDepth = arg('depth', 6);
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
  { rounds: trees, maxDepth, learningRate: 0.1, subsample: 1, colsampleByTree: 1 },
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
// Same run, same block: column-major Float64, and each scorer on its own.
const cpuSeconds = (f) => {
  const cpu = process.cpuUsage();
  f();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6;
};
const colMajor = matrixFromColumns(columns.map((c) => c.subarray(0, block)));
const columnMajorCpuSeconds = cpuSeconds(() => predictMargin(model, colMajor));
const scorers = {};
for (const name of ['binned', 'compiled', 'quick', 'simd']) {
  const run = scorerFor(model, name);
  if (run) scorers[name] = (rows, out) => run(values, rows, FEATURES, 1, out);
}
// Warm each up on 100,000 rows (V8 optimises after a few calls), then time them in turn on the
// block, three rounds, keeping each one's least CPU time (the load from other processes varies
// during the run); their margins must be the same bits.
const blockCpuSeconds = {};
const margins = {};
for (const run of Object.values(scorers)) run(100_000, new Float64Array(100_000));
for (let round = 0; round < 3; round++) {
  for (const [name, run] of Object.entries(scorers)) {
    margins[name] = new Float64Array(block);
    const seconds = cpuSeconds(() => run(block, margins[name]));
    blockCpuSeconds[name] = Math.min(blockCpuSeconds[name] ?? Infinity, seconds);
  }
}
for (let r = 0; r < block; r++) {
  for (const m of Object.values(margins)) {
    if (!Object.is(m[r], margins.binned[r])) throw new Error(`scorers differ at row ${r}`);
  }
}
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
    // The scorer predictMargin chose on its first batch.
    scorer: chosenScorer(model),
    // One 1M block scored by each scorer, same run: rows per CPU second (best of three).
    blockRowsPerSecondPerCore: Object.fromEntries(
      Object.entries(blockCpuSeconds).map(([name, s]) => [name, Math.round(block / s)]),
    ),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    checksum,
  }) + '\n',
);
