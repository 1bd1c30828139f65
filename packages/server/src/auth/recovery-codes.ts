import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../store/database.js';

// Crockford-style alphabet without look-alikes (0/O, 1/I/L).
const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** Normalise a typed recovery code: upper case, no spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function hashCode(code: string): string {
  // 12 random symbols from 30 carry about 59 bits: a plain SHA-256 suffices (no dictionary to try).
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

/** Replace a user's recovery codes with 10 new ones; returns them (shown once, stored hashed). */
export function replaceRecoveryCodes(db: Db, userId: number, count = 10): string[] {
  const codes = Array.from({ length: count }, () => {
    const symbols = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
  });
  db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)');
  for (const code of codes) insert.run(userId, hashCode(code));
  return codes;
}

/** Use up one recovery code of a user; true if it was valid and unused. */
export function consumeRecoveryCode(db: Db, userId: number, code: string): boolean {
  const result = db
    .prepare(
      `UPDATE recovery_codes SET used_at = ?
       WHERE user_id = ? AND code_hash = ? AND used_at IS NULL`,
    )
    .run(new Date().toISOString(), userId, hashCode(code));
  return result.changes === 1;
}

/** How many unused recovery codes a user has left. */
export function remainingRecoveryCodes(db: Db, userId: number): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL')
      .get(userId) as { n: number }
  ).n;
}
