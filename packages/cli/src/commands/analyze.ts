import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AnalysisExtension, AnalysisResult } from '@probity/engine';
import { analysisJson, analyzeWarehouse, openWarehouse } from '@probity/engine';
import { readAnalysisConfig } from '../analysis-config-file.js';
import { analysisExtensions } from '../analysis-extensions.js';
import { renderReport } from '../render-report.js';
import { formatCount, table } from '../text-table.js';
import { existingWarehouse } from '../warehouse-file.js';

interface AnalyzeCliOptions {
  db: string;
  period?: 'month' | 'quarter' | 'year';
  json?: string;
  html?: string;
  revealIds?: boolean;
  config?: string;
  memoryLimit?: string;
}

/** Prints what a manager needs first: how many units of each kind are flagged, and the top ones. */
export function printAnalysisSummary(
  doc: ReturnType<typeof analysisJson>,
  result: AnalysisResult,
  out: NodeJS.WritableStream,
): void {
  const units = doc['units'] as {
    kind: string;
    id: string;
    office: string;
    status: string;
    rank: number;
    score: number | null;
    flags: { status: string; indicator: string; explanation: string; q: number | null }[];
  }[];
  const kinds = ['officer', 'declarant', 'trader', 'office'];
  const statuses = ['flagged', 'watch', 'clear', 'insufficient_data'];
  out.write(
    `Analysed ${formatCount(result.dataset.declarations)} declarations of ${result.dataset.name ?? 'the dataset'} ` +
      `(peers by ${result.config.period}, FDR ${result.config.fdrLevel}, minimum volume ${result.config.minVolume}).\n\n`,
  );
  out.write(
    table(
      ['unit', ...statuses],
      kinds.map((k) => [
        k,
        ...statuses.map((s) =>
          formatCount(units.filter((u) => u.kind === k && u.status === s).length),
        ),
      ]),
      [1, 2, 3, 4],
    ) + '\n\n',
  );
  const flagged = units.filter((u) => u.kind === 'officer' && u.status === 'flagged').slice(0, 10);
  if (flagged.length > 0) {
    out.write('Officers flagged (a reason to look, never a finding):\n');
    for (const u of flagged) {
      out.write(`  ${u.rank}. ${u.id} (${u.office}), score ${(u.score ?? 0).toFixed(1)}\n`);
      for (const f of u.flags.filter((x) => x.status === 'flagged')) {
        out.write(`       ${f.indicator}: ${f.explanation} (q = ${(f.q ?? 1).toExponential(1)})\n`);
      }
    }
    out.write('\n');
  }
  const pairs = (
    doc['pairs'] as {
      officer: string;
      declarant: string;
      office: string;
      observed: number;
      expected: number;
      q: number;
    }[]
  )
    .filter((p) => p.q < result.config.fdrLevel)
    .slice(0, 10);
  if (pairs.length > 0) {
    out.write(
      'Officer–declarant pairs meeting far more often than independent assignment predicts:\n',
    );
    out.write(
      table(
        ['officer', 'declarant', 'office', 'observed', 'expected', 'q'],
        pairs.map((p) => [
          p.officer,
          p.declarant,
          p.office,
          formatCount(p.observed),
          p.expected.toFixed(1),
          p.q.toExponential(1),
        ]),
        [3, 4, 5],
      ) + '\n',
    );
  }
}

/** `probity analyze`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .summary('measure performance and detect integrity risks')
    .description(
      'Measure performance (PMM-style indicators, Time Release Study) and detect integrity risks ' +
        '(case-mix adjusted indicators on officers, declarants, traders and offices; ' +
        'officer–declarant pairs; unit values; mirror analysis) in the loaded warehouse. Results are ' +
        'stored in the warehouse, and written as JSON and a self-contained HTML report on request. ' +
        'A flag is a reason to look, never a finding.',
    )
    .option('--db <file>', 'warehouse file (DuckDB)', 'probity.duckdb')
    .option('--period <period>', 'peer period: month, quarter or year (default quarter)')
    .option('--json <file>', 'write the results as JSON')
    .option('--html <file>', 'write a self-contained HTML report (English and French)')
    .option('--reveal-ids', 'show real officer, declarant and trader ids instead of pseudonyms')
    .option('--config <file>', 'analysis configuration (JSON); see docs/indicators.md')
    .option(
      '--memory-limit <size>',
      'DuckDB memory limit, e.g. 3GB (default: DuckDB’s, 80% of RAM)',
    )
    .action(async (opts: AnalyzeCliOptions) => {
      if (opts.period && !['month', 'quarter', 'year'].includes(opts.period)) {
        throw Object.assign(
          new Error(`--period must be month, quarter or year, not ${opts.period}`),
          {
            code: 'PROBITY_BAD_CONFIG',
          },
        );
      }
      const config = await readAnalysisConfig(
        opts.config,
        opts.period ? { period: opts.period } : {},
      );
      await existingWarehouse(opts.db);
      const warehouse = await openWarehouse(
        opts.db,
        opts.memoryLimit ? { memoryLimit: opts.memoryLimit } : {},
      );
      try {
        const extensions: AnalysisExtension[] = analysisExtensions();
        const result = await analyzeWarehouse(warehouse.connection, config, {
          extensions,
          onProgress: (p) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${p.step.padEnd(40)}`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(40)}\r`);
        const doc = analysisJson(result, opts.revealIds === true);
        if (opts.json) {
          await writeFile(opts.json, JSON.stringify(doc, null, 1));
        }
        if (opts.html) {
          await writeFile(opts.html, renderReport(doc));
        }
        printAnalysisSummary(doc, result, process.stdout);
        if (opts.json) process.stdout.write(`JSON written to ${opts.json}\n`);
        if (opts.html) process.stdout.write(`HTML report written to ${opts.html}\n`);
        if (!opts.revealIds) {
          process.stdout.write(
            'Officers, declarants and traders are shown under pseudonyms (--reveal-ids shows real ids).\n',
          );
        }
      } finally {
        warehouse.close();
      }
    });
}
