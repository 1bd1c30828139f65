import type { Command } from 'commander';
import type { LoadSummary } from '@probity/engine';
import { loadDataset, openWarehouse } from '@probity/engine';
import { progressBar } from '../progress-bar.js';
import { formatCount, table } from '../text-table.js';

/** Prints a load's reconciliation for a person. */
export function printLoadSummary(summary: LoadSummary, out: NodeJS.WritableStream): void {
  const rows = Object.entries(summary.tables)
    .filter(([, t]) => t.file !== null)
    .map(([name, t]) => [
      name,
      t.file ?? '',
      formatCount(t.read),
      formatCount(t.accepted),
      formatCount(t.rejected),
      (t.sha256 ?? '').slice(0, 12),
    ]);
  rows.push([
    'total',
    '',
    formatCount(summary.read),
    formatCount(summary.accepted),
    formatCount(summary.rejected),
    '',
  ]);
  out.write(`Loaded ${summary.dataset.info.name ?? summary.dataset.location}\n`);
  out.write(
    table(['table', 'file', 'read', 'accepted', 'rejected', 'sha256'], rows, [2, 3, 4]) + '\n',
  );
  const absent = Object.entries(summary.tables)
    .filter(([, t]) => t.file === null)
    .map(([n]) => n);
  if (absent.length > 0) out.write(`Not in this dataset: ${absent.join(', ')}\n`);
  for (const [t, cols] of Object.entries(summary.extraColumns)) {
    out.write(`Extra columns kept in ${t}: ${cols.join(', ')}\n`);
  }
  if (summary.ignoredFiles.length > 0) {
    out.write(`Files ignored (not contract tables): ${summary.ignoredFiles.join(', ')}\n`);
  }
  if (summary.rejected > 0) {
    out.write(`${formatCount(summary.rejected)} rows rejected: see \`probity rejects\`\n`);
  }
}

/** The load summary in the documented machine-readable shape. */
export function loadSummaryJson(summary: LoadSummary): unknown {
  return {
    load_id: summary.loadId,
    dataset: summary.dataset,
    started_at: summary.startedAt,
    finished_at: summary.finishedAt,
    tables: Object.fromEntries(
      Object.entries(summary.tables)
        .filter(([, t]) => t.file !== null)
        .map(([name, t]) => [
          name,
          {
            read: t.read,
            accepted: t.accepted,
            rejected: t.rejected,
            file: t.file,
            format: t.format,
            bytes: t.bytes,
            sha256: t.sha256,
          },
        ]),
    ),
    read: summary.read,
    accepted: summary.accepted,
    rejected: summary.rejected,
    extra_columns: summary.extraColumns,
    ignored_files: summary.ignoredFiles,
  };
}

/** `probity load DATASET`. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .summary('load a dataset into the warehouse, checking every row')
    .description(
      'Load a dataset (a folder or .zip of CSV and/or Parquet files per the data contract, ' +
        'docs/data-contract.md) into the warehouse, replacing what it held, in one transaction. ' +
        'Bad rows go to the rejects table with file, line, column and reason (see `probity rejects`); ' +
        'every table is reconciled: read = accepted + rejected.',
    )
    .argument('<dataset>', 'dataset folder or .zip')
    .option('--db <file>', 'warehouse file (DuckDB)', 'probity.duckdb')
    .option('--json', 'print a machine-readable summary on standard output')
    .option('--memory-limit <size>', 'DuckDB memory limit, e.g. 2GB')
    .action(async (dataset: string, opts: { db: string; json?: boolean; memoryLimit?: string }) => {
      const warehouse = await openWarehouse(
        opts.db,
        opts.memoryLimit ? { memoryLimit: opts.memoryLimit } : {},
      );
      const bar = progressBar(process.stderr);
      try {
        const summary = await loadDataset(warehouse.connection, dataset, {
          onProgress: (p) =>
            bar.update((p.step - 1 + (p.fraction ?? 0)) / p.steps, `${p.stage} ${p.table}`.trim()),
        });
        bar.done();
        if (opts.json) process.stdout.write(JSON.stringify(loadSummaryJson(summary)) + '\n');
        else printLoadSummary(summary, process.stdout);
      } finally {
        bar.done();
        warehouse.close();
      }
    });
}
