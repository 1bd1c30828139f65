import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The secret key of the receipts' lookup hashes, kept in a file beside the state file
 * (`<state>.receipt-pepper`, mode 600), not in the database: a copied database alone cannot
 * test receipt guesses offline. Created on first use; an in-memory state gets an in-memory key.
 * Losing the file stops returning reporters from following up (recipients lose nothing).
 */
export function loadReceiptPepper(stateFile: string): Buffer {
  if (stateFile === ':memory:') return randomBytes(32);
  const file = `${stateFile}.receipt-pepper`;
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const pepper = readFileSync(file);
  if (pepper.length !== 32) throw new Error(`${file} is not a 32-byte key.`);
  return pepper;
}
