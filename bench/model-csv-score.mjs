// End-to-end CSV scoring: `probity model score --csv` on N rows (the KCS Q1 2021 declarations
// repeated), with a model trained by `probity model train` on the KCS 2020 declarations. Measures
// what a user waits for: reading the CSV, the feature pipeline, the trees, writing `id,score`.
//
//   npm run build && node bench/model-csv-score.mjs [rows=1000000]
//
// Each command runs in its own process under /usr/bin/time; prints one JSON document with wall and
// CPU seconds, peak RSS, and rows per second (wall and per CPU second).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rows = Number(process.argv[2] ?? 1_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '../../shared/data/kcs-import-declarations');
const outDir = path.join(here, 'out', 'model-csv-score');
mkdirSync(outDir, { recursive: true });
const cli = path.resolve(here, '../packages/cli/dist/main.js');
const modelFile = path.join(outDir, 'kcs-model.json');
const csvFile = path.join(outDir, `kcs-${rows}.csv`);

/** Runs a command under /usr/bin/time; returns wall and CPU seconds and peak RSS. */
function timed(args) {
  const report = path.join(outDir, 'time.txt');
  execFileSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, process.execPath, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [wall, user, system, rssKb] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  return { wallSeconds: wall, cpuSeconds: user + system, peakRssMiB: Math.round(rssKb / 1024) };
}

const train = path.join(dataDir, 'df_syn_train_eng.csv');
const valid = path.join(dataDir, 'df_syn_valid_eng.csv');
const result = { rows, loadAverageAtStart: os.loadavg() };
if (!existsSync(modelFile)) {
  result.train = timed([
    cli,
    ...['model', 'train', '--csv', train, '--valid', valid, '--label', 'Fraud'],
    ...['--time', 'Date', '--id', 'Declaration ID', '--exclude', 'Critical Fraud'],
    ...['--out', modelFile],
  ]);
}
if (!existsSync(csvFile)) {
  const [header, ...body] = readFileSync(valid, 'utf8').trimEnd().split('\n');
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(body[i % body.length]);
  writeFileSync(csvFile, lines.join('\n') + '\n');
}
const score = timed([
  cli,
  ...['model', 'score', '--model', modelFile, '--csv', csvFile, '--id', 'Declaration ID'],
  ...['--out', path.join(outDir, 'scores.csv')],
]);
result.score = {
  ...score,
  rowsPerSecondWall: Math.round(rows / score.wallSeconds),
  rowsPerCpuSecond: Math.round(rows / score.cpuSeconds),
};
result.trees = JSON.parse(readFileSync(modelFile, 'utf8')).model.trees.length;
result.loadAverageAtEnd = os.loadavg();
// One line: bench/run.mjs reads one JSON document per line.
process.stdout.write(JSON.stringify(result) + '\n');
