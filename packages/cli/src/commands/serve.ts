import type { Command } from 'commander';
import { readAnalysisConfig } from '../analysis-config-file.js';
import { startServer } from '../start-server.js';
import { existingWarehouse } from '../warehouse-file.js';

interface ServeCliOptions {
  port: number;
  host: string;
  db: string;
  state: string;
  config?: string;
  insecureCookies?: boolean;
  quiet?: boolean;
}

/** `probity serve`: the integrity workspace (web app and API) over an analysed warehouse. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('serve the web app and API over an analysed warehouse')
    .description(
      'Start the integrity workspace: the web app and its API on http://HOST:PORT, reading ' +
        'the analysed warehouse and keeping users, cases and the audit trail in the state file ' +
        '(SQLite). On first run an administrator account is created and its password printed once.',
    )
    .option('--port <n>', 'port to listen on', (v) => Number(v), 8080)
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--db <file>', 'warehouse file (DuckDB), loaded and analysed', 'demo/probity.duckdb')
    .option('--state <file>', 'application state (SQLite)', 'demo/probity-state.sqlite')
    .option(
      '--config <file>',
      'the analysis configuration (JSON) the analysis was run with: its pseudonym key',
    )
    .option(
      '--insecure-cookies',
      'send session cookies without Secure (plain HTTP on a non-localhost address)',
    )
    .option('--quiet', 'log only warnings and errors')
    .action(async (opts: ServeCliOptions) => {
      await existingWarehouse(opts.db);
      const analysis = await readAnalysisConfig(opts.config);
      await startServer(
        {
          port: opts.port,
          host: opts.host,
          warehouseFile: opts.db,
          stateFile: opts.state,
          pseudonymKey: analysis.pseudonymKey,
          insecureCookies: opts.insecureCookies === true,
          logLevel: opts.quiet ? 'warn' : 'info',
        },
        process.stdout,
      );
    });
}
