// Runs every benchmark in sequence and prints one JSON line per benchmark;
// the lines are also saved to bench/out/results.jsonl. Heavy: generates and
// loads 10 million declarations. `npm run bench -- --quick` uses 1 million.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const big = quick ? '1000000' : '10000000';
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
mkdirSync(here('./out/'), { recursive: true });
const runs = [
  ['generate.mjs', ['1000000']],
  ['load.mjs', [big]],
  ['analyze.mjs', [big]],
  ['model-scale.mjs', quick ? ['--quick'] : []],
  ['model-kcs.mjs', []],
  ['model-csv-score.mjs', []],
  ['model-warehouse.mjs', []],
  ['api-latency.mjs', ['1000000']],
  ['report-submissions.mjs', []],
];
for (const [script, args] of runs) {
  if (!existsSync(here(`./${script}`))) continue;
  process.stderr.write(`bench: ${script} ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [here(`./${script}`), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  for (const line of lines) {
    process.stdout.write(line + '\n');
    appendFileSync(
      here('./out/results.jsonl'),
      JSON.stringify({ at: new Date().toISOString(), ...JSON.parse(line) }) + '\n',
    );
  }
  if (run.status !== 0) process.stderr.write(`bench: ${script} failed with status ${run.status}\n`);
}
