import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerAudit } from './commands/audit.js';
import { registerDemo } from './commands/demo.js';
import { registerDocs } from './commands/docs.js';
import { registerGenerate } from './commands/generate.js';
import { registerLoad } from './commands/load.js';
import { registerModel } from './commands/model.js';
import { registerRejects } from './commands/rejects.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';

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
  registerDemo(program);
  registerLoad(program);
  registerStatus(program);
  registerRejects(program);
  registerAnalyze(program);
  registerServe(program);
  registerAudit(program);
  registerGenerate(program);
  registerModel(program);
  registerDocs(program);
  return program;
}
