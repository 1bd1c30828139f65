import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { generateDemo } from '@probity/engine';

function wholeNumber(name: string, min: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value.replace(/_/g, ''));
    if (!/^[0-9_]+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be a whole number >= ${min}`);
    }
    return n;
  };
}

/** `probity generate DIR`: writes the synthetic demo administration. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .summary('write a synthetic demo administration with planted problems')
    .description(
      'Write a synthetic demo administration into DIR: a year of declarations, items, ' +
        'milestones, officers, offices, partner exports and exchange rates in the data ' +
        'contract, with integrity problems planted on a few officers and brokers and honest ' +
        'traps around them. The same seed gives byte-identical files. The hidden truth (who ' +
        'is corrupt, by which scheme) is written only with --truth, to a file outside DIR.',
    )
    .argument('<dir>', 'folder to write the dataset into (created when missing)')
    .option(
      '--declarations <n>',
      'number of declarations to generate',
      wholeNumber('--declarations', 1),
      100_000,
    )
    .option('--seed <s>', 'random seed (whole number)', wholeNumber('--seed', 0), 1)
    .option('--truth <file>', 'write the hidden truth as JSON to this file (must be outside DIR)')
    .action(async (dir: string, opts: { declarations: number; seed: number; truth?: string }) => {
      const started = Date.now();
      const summary = await generateDemo({
        dir,
        declarations: opts.declarations,
        seed: opts.seed,
        ...(opts.truth ? { truthFile: opts.truth } : {}),
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `Wrote the demo administration (seed ${summary.seed}) to ${dir} in ${seconds} s:\n`,
      );
      for (const [table, rows] of Object.entries(summary.rows)) {
        process.stdout.write(`  ${`${table}.csv`.padEnd(22)} ${rows.toLocaleString('en')} rows\n`);
      }
      if (opts.truth) process.stdout.write(`Truth written to ${opts.truth}\n`);
    });
}
