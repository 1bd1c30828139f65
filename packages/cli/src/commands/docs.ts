import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { renderContractDoc, renderIndicatorCatalogueDoc } from '@probity/engine';

/** The documents generated from code, by path relative to the repository root. */
function generatedDocs(): Record<string, string> {
  return {
    'docs/data-contract.md': renderContractDoc(),
    'docs/performance-indicators.md': renderIndicatorCatalogueDoc(),
  };
}

/** `probity docs`: writes or checks the documents generated from code. */
export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('write (--write) or check (--check) the documents generated from code')
    .option('--write', 'write the generated documents')
    .option('--check', 'fail when a generated document differs from the code')
    .option('--root <dir>', 'repository root', '.')
    .action(async (opts: { write?: boolean; check?: boolean; root: string }) => {
      const stale: string[] = [];
      for (const [file, text] of Object.entries(generatedDocs())) {
        const target = path.join(opts.root, file);
        if (opts.write) {
          await writeFile(target, text);
          process.stdout.write(`wrote ${file}\n`);
        } else {
          const current = await readFile(target, 'utf8').catch(() => '');
          if (current !== text) stale.push(file);
        }
      }
      if (!opts.write) {
        if (stale.length > 0) {
          process.stderr.write(
            `probity: ${stale.join(', ')} out of date with the code; run \`npm run docs\`\n`,
          );
          process.exitCode = 1;
        } else {
          process.stdout.write('generated documents are up to date\n');
        }
      }
    });
}
