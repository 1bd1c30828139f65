// Entry point of the `probity` command (run through bin/probity.js): parse, run, exit.
import { buildProgram } from './program.js';
import { reportFailure } from './report-failure.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}
