// Load benchmark (issue 2): N declarations with their items, end to end
// (validation included), against a bare DuckDB `CREATE TABLE AS SELECT * FROM
// read_csv(...)` of the same files, measured in the same run, each in its own
// process so that peak RSS is its own. Run `npm run build` first:
//   node bench/load.mjs [declarations=10000000] [memoryLimit=2GB]
// The dataset is generated once under bench/out/ and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, linkSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '@probity/engine';

const declarations = Number(process.argv[2] ?? 10_000_000);
const memoryLimit = process.argv[3] ?? '2GB';
const root = fileURLToPath(new URL('./out/', import.meta.url));
const data = path.join(root, `dataset-${declarations}`);
const loadDir = path.join(root, `load-${declarations}`);
const engine = fileURLToPath(new URL('../packages/engine/dist/index.js', import.meta.url));

if (!existsSync(path.join(data, 'items.csv'))) {
  const started = Date.now();
  await generateDemo({ dir: data, declarations, seed: 1 });
  process.stderr.write(
    `generated ${declarations} declarations in ${(Date.now() - started) / 1000} s\n`,
  );
}
// The load benchmark reads declarations and items only (as the issue says).
mkdirSync(loadDir, { recursive: true });
for (const f of ['declarations.csv', 'items.csv', 'dataset.json']) {
  const target = path.join(loadDir, f);
  if (!existsSync(target)) linkSync(path.join(data, f), target);
}
const bytes = ['declarations.csv', 'items.csv'].reduce(
  (s, f) => s + statSync(path.join(loadDir, f)).size,
  0,
);

/** Runs a script in a fresh Node process; returns its JSON line. */
function child(script, args) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const bare = `
  import { openWarehouse, execute } from ${JSON.stringify(engine)};
  const [db, dir, mem] = process.argv.slice(1);
  const w = await openWarehouse(db, { memoryLimit: mem });
  const t = process.hrtime.bigint();
  await execute(w.connection, "CREATE TABLE declarations AS SELECT * FROM read_csv($1)", [dir + '/declarations.csv']);
  await execute(w.connection, "CREATE TABLE items AS SELECT * FROM read_csv($1)", [dir + '/items.csv']);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  w.close();
  console.log(JSON.stringify({ seconds: s, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }));
`;
const ours = `
  import { openWarehouse, loadDataset } from ${JSON.stringify(engine)};
  const [db, dir, mem] = process.argv.slice(1);
  const w = await openWarehouse(db, { memoryLimit: mem });
  const t = process.hrtime.bigint();
  const summary = await loadDataset(w.connection, dir);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  w.close();
  console.log(JSON.stringify({ seconds: s, peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    read: summary.read, accepted: summary.accepted, rejected: summary.rejected }));
`;

const dbBare = path.join(root, 'bench-bare.duckdb');
const dbOurs = path.join(root, 'bench-load.duckdb');
for (const f of [dbBare, dbOurs]) rmSync(f, { force: true });
const bareResult = child(bare, [dbBare, loadDir, memoryLimit]);
const oursResult = child(ours, [dbOurs, loadDir, memoryLimit]);
for (const f of [dbBare, dbOurs]) rmSync(f, { force: true });

console.log(
  JSON.stringify({
    benchmark: 'load',
    declarations,
    rows_read: oursResult.read,
    rejected: oursResult.rejected,
    input_gb: Math.round((bytes / 1e9) * 100) / 100,
    memory_limit: memoryLimit,
    bare_read_seconds: Math.round(bareResult.seconds * 10) / 10,
    bare_read_peak_rss_mb: Math.round(bareResult.peak_rss_mb),
    load_seconds: Math.round(oursResult.seconds * 10) / 10,
    load_peak_rss_mb: Math.round(oursResult.peak_rss_mb),
    declarations_per_second: Math.round(declarations / oursResult.seconds),
    ratio_to_bare_read: Math.round((oursResult.seconds / bareResult.seconds) * 100) / 100,
    targets: { ratio_at_most: 2.5, peak_rss_mb_under: 3072 },
  }),
);
