// Analysis benchmark (issue 3): load N generated declarations (all tables),
// then analyse them (integrity indicators, pairs, unit values, Time Release
// Study, performance indicators, mirror analysis: everything `probity analyze`
// runs except writing the JSON and HTML files), each in its own process;
// reports wall time per step, peak RSS and the ratio of analysis to load time. Run `npm run build` first:
//   node bench/analyze.mjs [declarations=10000000] [memoryLimit=2GB]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '@probity/engine';

const declarations = Number(process.argv[2] ?? 10_000_000);
const memoryLimit = process.argv[3] ?? '2GB';
const root = fileURLToPath(new URL('./out/', import.meta.url));
const data = path.join(root, `dataset-${declarations}`);
const engine = fileURLToPath(new URL('../packages/engine/dist/index.js', import.meta.url));
if (!existsSync(path.join(data, 'milestones.csv'))) {
  await generateDemo({ dir: data, declarations, seed: 1 });
}

function child(script, args) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const usage = `const u = process.resourceUsage(); const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;`;
const load = `
  import { openWarehouse, loadDataset } from ${JSON.stringify(engine)};
  const [db, dir, mem] = process.argv.slice(1);
  const w = await openWarehouse(db, { memoryLimit: mem });
  const t = process.hrtime.bigint();
  await loadDataset(w.connection, dir);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  w.close(); ${usage}
  console.log(JSON.stringify({ seconds: s, cpu_seconds: cpu, peak_rss_mb: u.maxRSS / 1024 }));
`;
const analyze = `
  import { openWarehouse, analyzeWarehouse, defaultAnalysisConfig, standardExtensions } from ${JSON.stringify(engine)};
  const [db, mem] = process.argv.slice(1);
  const w = await openWarehouse(db, { memoryLimit: mem });
  const t = process.hrtime.bigint();
  const steps = [];
  let current = null;
  let last = t;
  const r = await analyzeWarehouse(w.connection, defaultAnalysisConfig, {
    extensions: standardExtensions(),
    onProgress: (p) => {
      const now = process.hrtime.bigint();
      if (current) steps.push([current, Number(now - last) / 1e9]);
      current = p.step; last = now;
    },
  });
  const end = process.hrtime.bigint();
  if (current) steps.push([current, Number(end - last) / 1e9]);
  const s = Number(end - t) / 1e9;
  w.close(); ${usage}
  console.log(JSON.stringify({ seconds: s, cpu_seconds: cpu, peak_rss_mb: u.maxRSS / 1024, units: r.units.length, steps }));
`;
const db = path.join(root, 'bench-analyze.duckdb');
rmSync(db, { force: true });
const loaded = child(load, [db, data, memoryLimit]);
const analysed = child(analyze, [db, memoryLimit]);
rmSync(db, { force: true });
const r = (x) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    benchmark: 'analyze',
    declarations,
    memory_limit: memoryLimit,
    load_seconds: r(loaded.seconds),
    load_cpu_seconds: r(loaded.cpu_seconds),
    load_peak_rss_mb: Math.round(loaded.peak_rss_mb),
    analyze_seconds: r(analysed.seconds),
    analyze_cpu_seconds: r(analysed.cpu_seconds),
    analyze_peak_rss_mb: Math.round(analysed.peak_rss_mb),
    units: analysed.units,
    ratio_to_load: Math.round((analysed.seconds / loaded.seconds) * 100) / 100,
    steps: analysed.steps.map(([s, sec]) => [s, r(sec)]),
    targets: { ratio_at_most: 1.5, peak_rss_mb_under: 4096 },
  }),
);
