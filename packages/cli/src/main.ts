// Entry point of the `probity` command (run through bin/probity.js): parse, run, exit.
import { buildProgram } from './program.js';
import { reportFailure } from './report-failure.js';

// `probity rejects | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}
