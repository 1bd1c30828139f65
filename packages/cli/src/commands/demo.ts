import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  analysisJson,
  analyzeWarehouse,
  clearanceOverview,
  defaultAnalysisConfig,
  generateDemo,
  loadDataset,
  openWarehouse,
  tableExists,
} from '@probity/engine';
import { analysisExtensions } from '../analysis-extensions.js';
import { startServer } from '../start-server.js';
import { progressBar } from '../progress-bar.js';
import { renderReport } from '../render-report.js';
import { formatCount, table } from '../text-table.js';
import { printAnalysisSummary } from './analyze.js';
import { printLoadSummary } from './load.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `probity demo`: the main job on embedded defaults (what `npm start` runs). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('the main job: demo administration → load → analyse → report (npm start)')
    .description(
      'The main job on embedded defaults: generate the demo administration (if absent), ' +
        'load it, print an overview, analyse it and write the HTML report and the JSON results.',
    )
    .option('--dir <dir>', 'where the demo dataset is (or is generated)', 'demo/dataset')
    .option('--db <file>', 'warehouse file (DuckDB)', 'demo/probity.duckdb')
    .option('--out <dir>', 'where the report is written', 'demo')
    .option('--declarations <n>', 'declarations to generate when absent', (v) => Number(v), 100_000)
    .option('--serve', 'then serve the web app and API (what `npm start` does)')
    .option('--port <n>', 'port for --serve', (v) => Number(v), 8080)
    .option('--state <file>', 'application state for --serve (SQLite)', 'demo/probity-state.sqlite')
    .option('--refresh', 'reload and re-analyse even when the warehouse already holds an analysis')
    .action(async (opts: DemoCliOptions) => {
      const out = process.stdout;
      if (!existsSync(path.join(opts.dir, 'declarations.csv'))) {
        out.write(`Generating the demo administration in ${opts.dir} ...\n`);
        await generateDemo({
          dir: opts.dir,
          declarations: opts.declarations,
          seed: 1,
          truthFile: path.join(path.dirname(path.resolve(opts.dir)), 'demo-truth.json'),
        });
      }
      if (!opts.refresh && (await alreadyAnalysed(opts.db))) {
        out.write(
          `Using the analysed warehouse ${opts.db} (--refresh loads and analyses the dataset again).\n`,
        );
      } else {
        await loadAndAnalyse(opts, out);
      }
      if (opts.serve) {
        await startServer(
          {
            port: opts.port,
            host: '127.0.0.1',
            warehouseFile: opts.db,
            stateFile: opts.state,
            pseudonymKey: defaultAnalysisConfig.pseudonymKey,
            insecureCookies: false,
            logLevel: 'warn',
          },
          out,
        );
      }
    });
}

interface DemoCliOptions {
  dir: string;
  db: string;
  out: string;
  declarations: number;
  serve?: boolean;
  port: number;
  state: string;
  refresh?: boolean;
}

/** Whether the warehouse file exists and holds the results of an analysis. */
async function alreadyAnalysed(file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    return await tableExists(warehouse.connection, 'analysis_runs');
  } finally {
    warehouse.close();
  }
}

/** Load the demo dataset, print the overview, analyse it and write the report. */
async function loadAndAnalyse(opts: DemoCliOptions, out: NodeJS.WritableStream): Promise<void> {
  const warehouse = await openWarehouse(opts.db);
  try {
    const bar = progressBar(process.stderr);
    const summary = await loadDataset(warehouse.connection, opts.dir, {
      onProgress: (p) =>
        bar.update((p.step - 1 + (p.fraction ?? 0)) / p.steps, `${p.stage} ${p.table}`.trim()),
    });
    bar.done();
    printLoadSummary(summary, out);
    const overview = await clearanceOverview(warehouse.connection);
    out.write('\nDeclarations by office and final channel:\n');
    out.write(
      table(
        ['office', 'declarations', 'green', 'yellow', 'red', 'blue', 'inspected', 'hit rate'],
        overview.map((o) => [
          o.office,
          formatCount(o.declarations),
          formatCount(o.channels.green),
          formatCount(o.channels.yellow),
          formatCount(o.channels.red),
          formatCount(o.channels.blue),
          pct(o.inspectionRate),
          pct(o.findingRate),
        ]),
        [1, 2, 3, 4, 5, 6, 7],
      ) + '\n\n',
    );
    const result = await analyzeWarehouse(warehouse.connection, defaultAnalysisConfig, {
      extensions: analysisExtensions(),
    });
    const doc = analysisJson(result, false);
    printAnalysisSummary(doc, result, out);
    await mkdir(opts.out, { recursive: true });
    const html = path.join(opts.out, 'report.html');
    const json = path.join(opts.out, 'analysis.json');
    await writeFile(html, renderReport(doc));
    await writeFile(json, JSON.stringify(doc, null, 1));
    out.write(`\nReport: ${path.resolve(html)}\nJSON:   ${path.resolve(json)}\n`);
    out.write(
      'The demo uses the default pseudonym key: set your own ("pseudonymKey" in a --config file) for real data.\n',
    );
  } finally {
    warehouse.close();
  }
}
