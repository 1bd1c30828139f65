import type { Command } from 'commander';
import { auditHead, openStore, verifyAuditChain } from '@probity/server';

/** `probity audit verify`: checks the hash chain of the audit trail. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').summary('check the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'Recompute the hash chain of the audit trail in the state file and name the first ' +
        'entry that does not match (an entry changed, removed or reordered). Exit code 1 when broken.',
    )
    .option('--state <file>', 'application state (SQLite)', 'demo/probity-state.sqlite')
    .action((opts: { state: string }) => {
      const store = openStore(opts.state);
      try {
        const result = verifyAuditChain(store.db);
        if (result.ok) {
          process.stdout.write(`Audit trail intact: ${result.entries} entries, chain verified.\n`);
          const head = auditHead(store.db);
          if (head) {
            // Removing the newest entries leaves a valid shorter chain: only a head kept elsewhere shows it.
            process.stdout.write(
              `Head: entry ${head.id}, hash ${head.hash}\n` +
                'Keep this head outside the server (e.g. in the audit file of each review) to detect removal of the newest entries.\n',
            );
          }
        } else {
          process.stdout.write(
            `Audit trail BROKEN at entry ${result.firstBrokenId}: ${result.reason}\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        store.close();
      }
    });
}
