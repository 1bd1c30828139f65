import type { Command } from 'commander';
import { listRejects, openWarehouse } from '@probity/engine';
import { existingWarehouse } from '../warehouse-file.js';

/** `probity rejects`. */
export function registerRejects(program: Command): void {
  program
    .command('rejects')
    .description('list the rows the last load rejected: file, line, column, reason and the row')
    .option('--db <file>', 'warehouse file (DuckDB)', 'probity.duckdb')
    .option('--table <name>', 'only this table')
    .option('--limit <n>', 'at most this many rows', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON on standard output')
    .action(async (opts: { db: string; table?: string; limit?: number; json?: boolean }) => {
      await existingWarehouse(opts.db);
      const warehouse = await openWarehouse(opts.db, { readOnly: true });
      try {
        const rows = await listRejects(warehouse.connection, {
          ...(opts.table ? { table: opts.table } : {}),
          ...(opts.limit ? { limit: opts.limit } : {}),
        });
        if (opts.json) {
          process.stdout.write(JSON.stringify({ rejects: rows }) + '\n');
          return;
        }
        if (rows.length === 0) {
          process.stdout.write('No rows were rejected by the last load.\n');
          return;
        }
        for (const r of rows) {
          const raw =
            r.rawLine ??
            Object.entries(r.values ?? {})
              .map(([k, v]) => `${k}=${v === null ? '' : JSON.stringify(v)}`)
              .join(' ');
          process.stdout.write(
            `${r.file}:${r.line}: ${r.column ?? '(row)'}: ${r.reason}\n    ${raw}\n`,
          );
        }
      } finally {
        warehouse.close();
      }
    });
}
