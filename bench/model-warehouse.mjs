// Warehouse risk model benchmark (issue 4): load the generated dataset of N declarations into a
// fresh warehouse, check the features for leakage, train on its controlled declarations, then score
// every declaration of a dataset of M declarations (its own warehouse, loaded the same way) with
// that model: declaration_scores, with top factors for the `explainShare` highest scores. Each step
// runs in its own process; prints one JSON line per step with wall time, CPU time and peak RSS, and
// for scoring the declarations per second of the tree evaluation alone (wall, and per CPU second
// on one page, for the scorer predictMargin chose and for each scorer on its own). Build first:
//   node bench/model-warehouse.mjs [train=1000000] [score=train] [explainShare=0.05] [memoryLimit=3GB] [threads=2]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const trainN = Number(process.argv[2] ?? 1_000_000);
const scoreN = Number(process.argv[3] ?? trainN);
const explainShare = Number(process.argv[4] ?? 0.05);
const memoryLimit = process.argv[5] ?? '3GB';
const threads = Number(process.argv[6] ?? 2);
const root = fileURLToPath(new URL('./out/', import.meta.url));
const dataOf = (n) => path.join(root, `dataset-${n}`);
const dbOf = (n) => path.join(root, `model-warehouse-${n}.duckdb`);
const modelFile = path.join(root, `model-warehouse-${trainN}.model.json`);
const engine = fileURLToPath(new URL('../packages/engine/dist/index.js', import.meta.url));
for (const n of new Set([trainN, scoreN])) {
  if (!existsSync(path.join(dataOf(n), 'declarations.csv')))
    throw new Error(`${dataOf(n)} is missing: generate it first (node bench/generate.mjs ${n})`);
}

// Child scripts are written to files (they were run with `node --input-type=module -e`, under which
// the training helper thread used to die at start-up; the helper now runs the same code from sources
// and from the build).
const scripts = mkdtempSync(path.join(tmpdir(), 'probity-bench-model-'));
function child(step, script, args, declarations) {
  const file = path.join(scripts, `${step}.mjs`);
  writeFileSync(file, script);
  const run = spawnSync(process.execPath, [file, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${step} failed: ${run.stderr}`);
  const result = { step, declarations, ...JSON.parse(run.stdout.trim().split('\n').pop()) };
  console.log(JSON.stringify(result));
  return result;
}

const usage = `const u = process.resourceUsage(); const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
  const resources = { cpu_seconds: cpu, peak_rss_mb: Math.round(u.maxRSS / 1024) };`;
const open = `const [db, mem, threads, modelFile, explainShare] = process.argv.slice(2);
  const w = await openWarehouse(db, { memoryLimit: mem, threads: Number(threads) });`;

const load = `
  import { openWarehouse, loadDataset } from ${JSON.stringify(engine)};
  const [db, mem, threads, dir] = process.argv.slice(2);
  const w = await openWarehouse(db, { memoryLimit: mem, threads: Number(threads) });
  const t = performance.now();
  await loadDataset(w.connection, dir);
  const seconds = (performance.now() - t) / 1000;
  w.close(); ${usage}
  console.log(JSON.stringify({ seconds, ...resources }));
`;
const leakage = `
  import { openWarehouse, checkFeatureLeakage, extraDeclarationColumns } from ${JSON.stringify(engine)};
  ${open}
  const t = performance.now();
  const r = await checkFeatureLeakage(w.connection, {
    extraColumns: await extraDeclarationColumns(w.connection),
  });
  const seconds = (performance.now() - t) / 1000;
  w.close(); ${usage}
  console.log(JSON.stringify({ seconds, ok: r.ok, compared_rows: r.comparedRows, cutoffs: r.cutoffs.length, leaking: r.leaking.map((l) => l.feature), ...resources }));
`;
const train = `
  import { writeFileSync } from 'node:fs';
  import { openWarehouse, trainWarehouseModel } from ${JSON.stringify(engine)};
  ${open}
  const t = performance.now();
  const m = await trainWarehouseModel(w.connection, { params: { threads: 2 } });
  const seconds = (performance.now() - t) / 1000;
  writeFileSync(modelFile, JSON.stringify(m));
  w.close(); ${usage}
  const e = m.evaluation;
  console.log(JSON.stringify({
    seconds, controlled: m.training.controlled, train_rows: m.training.trainRows,
    stopping_rows: m.training.stoppingRows, evaluation_rows: m.training.evaluationRows,
    evaluation_from: m.training.evaluationFrom, trees: m.training.trees, features: m.features.length,
    auc: e.auc, average_precision: e.averagePrecision,
    precision_at: Object.fromEntries(e.topK.map((k) => [k.percent, k.precision])),
    recall_at: Object.fromEntries(e.topK.map((k) => [k.percent, k.recall])),
    revenue_at: Object.fromEntries(e.topK.map((k) => [k.percent, k.revenue])),
    ...resources }));
`;
const score = `
  import { readFileSync } from 'node:fs';
  import { openWarehouse, scoreDeclarations, warehouseModelFromJson, featureMatrixSql, readFeaturePage,
    rawFeatureTable, modelFromJson, matrixFromColumns, predict, chosenScorer, scorerFor } from ${JSON.stringify(engine)};
  ${open}
  const file = warehouseModelFromJson(readFileSync(modelFile, 'utf8'));
  const s = await scoreDeclarations(w.connection, file, { explainShare: Number(explainShare) });
  // Steady state of the tree evaluation alone: one page of real features, predicted 5 times.
  await w.connection.run('SELECT 1');
  const page = await readFeaturePage(w.connection,
    featureMatrixSql(file.features, file.reference, rawFeatureTable, 'r.row_number <= 262144'));
  const matrix = matrixFromColumns(page.columns);
  const model = modelFromJson(file.model);
  predict(model, matrix);
  // CPU time of this thread's work (DuckDB is idle meanwhile), so load from other processes counts
  // less; and each scorer on its own on the same page, same run: binned trees, compiled trees (the
  // scorer before binned trees), QuickScorer and SIMD trees, warmed up, then timed in turn, three
  // rounds of two passes, each keeping its least CPU time.
  const cpuOf = (f) => { const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1e6; };
  const t = performance.now();
  const steadyCpu = cpuOf(() => { for (let k = 0; k < 5; k++) predict(model, matrix); });
  const steady = (5 * page.rows) / ((performance.now() - t) / 1000);
  const rows = page.rows;
  const runs = {};
  for (const name of ['binned', 'compiled', 'quick', 'simd']) {
    const run = scorerFor(model, name);
    if (run) runs[name] = (out) => run(matrix.values, rows, 1, rows, out);
  }
  const best = {};
  const margins = {};
  for (const run of Object.values(runs)) run(new Float64Array(rows));
  for (let round = 0; round < 3; round++) {
    for (const [name, run] of Object.entries(runs)) {
      margins[name] = new Float64Array(rows);
      const cpu = cpuOf(() => { run(margins[name]); run(margins[name]); });
      best[name] = Math.min(best[name] ?? Infinity, cpu);
    }
  }
  for (const m of Object.values(margins))
    for (let r = 0; r < rows; r++) if (!Object.is(m[r], margins.binned[r])) throw new Error('scorers differ');
  const perCpuSecond = Object.fromEntries(
    Object.entries(best).map(([name, cpu]) => [name, Math.round((2 * rows) / cpu)]));
  w.close(); ${usage}
  console.log(JSON.stringify({
    seconds: s.totalSeconds, feature_seconds: s.featureSeconds, read_seconds: s.readSeconds,
    predict_seconds: s.predictSeconds, explain_seconds: s.explainSeconds, write_seconds: s.writeSeconds,
    explained: s.explained, scored: s.declarations,
    predict_declarations_per_second_wall: Math.round(s.declarations / s.predictSeconds),
    predict_steady_declarations_per_second_wall: Math.round(steady),
    predict_steady_declarations_per_cpu_second: Math.round((5 * page.rows) / steadyCpu),
    scorer: chosenScorer(model),
    scorers_declarations_per_cpu_second: perCpuSecond,
    end_to_end_declarations_per_second: Math.round(s.declarations / s.totalSeconds),
    ...resources }));
`;

function ensureLoaded(n) {
  const db = dbOf(n);
  if (!existsSync(db)) {
    rmSync(`${db}.wal`, { force: true });
    child('load', load, [db, memoryLimit, String(threads), dataOf(n)], n);
  }
  return db;
}

const trainArgs = [ensureLoaded(trainN), memoryLimit, String(threads), modelFile];
if (!existsSync(modelFile)) {
  child('leakage-check', leakage, trainArgs, trainN);
  child('train', train, trainArgs, trainN);
}
child(
  'score',
  score,
  [ensureLoaded(scoreN), memoryLimit, String(threads), modelFile, String(explainShare)],
  scoreN,
);
rmSync(scripts, { recursive: true, force: true });
