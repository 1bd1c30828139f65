import { Command } from 'commander';
import { registerDocs } from './commands/docs.js';

/** The `probity` command with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command('probity')
    .description(
      'Probity: integrity analytics for Customs administrations.\n' +
        'Load clearance data, measure performance, detect integrity risks.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  registerDocs(program);
  return program;
}
