import type { Command } from 'commander';
import { openWarehouse, warehouseStatus } from '@probity/engine';
import { formatCount, table } from '../text-table.js';
import { existingWarehouse } from '../warehouse-file.js';

/** `probity status`. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('say what the warehouse holds: the dataset, rows per table, the last load')
    .option('--db <file>', 'warehouse file (DuckDB)', 'probity.duckdb')
    .option('--json', 'print machine-readable status on standard output')
    .action(async (opts: { db: string; json?: boolean }) => {
      await existingWarehouse(opts.db);
      const warehouse = await openWarehouse(opts.db, { readOnly: true });
      try {
        const status = await warehouseStatus(warehouse.connection);
        if (opts.json) {
          const last = status.lastLoad;
          process.stdout.write(
            JSON.stringify({
              tables: status.tables,
              loads: status.loads,
              last_load: last && {
                load_id: last.loadId,
                dataset: last.datasetName,
                location: last.location,
                started_at: last.startedAt,
                finished_at: last.finishedAt,
                read: last.read,
                accepted: last.accepted,
                rejected: last.rejected,
                tables: last.tables,
                extra_columns: last.extraColumns,
                ignored_files: last.ignoredFiles,
              },
            }) + '\n',
          );
          return;
        }
        const last = status.lastLoad;
        if (!last) {
          process.stdout.write(`${opts.db}: no dataset loaded yet (use \`probity load\`)\n`);
          return;
        }
        process.stdout.write(
          `Warehouse ${opts.db}\nDataset ${last.datasetName ?? '(unnamed)'} from ${last.location}\n` +
            `Last load ${last.finishedAt} (${status.loads} load${status.loads === 1 ? '' : 's'} in history)\n\n`,
        );
        const rows = Object.entries(status.tables).map(([name, t]) => {
          const r = last.tables[name];
          return [
            name,
            formatCount(t.rows),
            r?.file ?? '-',
            r ? formatCount(r.read) : '-',
            r ? formatCount(r.rejected) : '-',
          ];
        });
        process.stdout.write(
          table(['table', 'rows', 'file', 'read', 'rejected'], rows, [1, 3, 4]) + '\n',
        );
      } finally {
        warehouse.close();
      }
    });
}
