import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { Db } from '../store/database.js';

const challengeTtlMs = 10 * 60_000;

/** Leading zero bits of a hash (as the browser's solver counts them). */
function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Issues a single-use challenge of `difficulty` bits, valid ten minutes. */
export function issueChallenge(
  db: Db,
  difficulty: number,
  now: Date,
): { challenge: string; difficulty: number; expiresAt: string } {
  const challenge = randomBytes(16).toString('base64');
  const expiresAt = new Date(now.getTime() + challengeTtlMs).toISOString();
  db.prepare('DELETE FROM report_challenges WHERE expires_at < ?').run(now.toISOString());
  db.prepare(
    'INSERT INTO report_challenges (challenge, difficulty, expires_at) VALUES (?, ?, ?)',
  ).run(challenge, difficulty, expiresAt);
  return { challenge, difficulty, expiresAt };
}

/**
 * Checks a solution and spends the challenge (whatever the outcome: a wrong nonce costs a
 * new challenge). True when the challenge was issued, unexpired and the hash of challenge ‖
 * nonce (8 bytes little-endian) has the challenge's number of leading zero bits.
 */
export async function redeemChallenge(
  db: Db,
  proof: { challenge: string; nonce: number },
  now: Date,
): Promise<boolean> {
  const row = db
    .prepare('DELETE FROM report_challenges WHERE challenge = ? RETURNING difficulty, expires_at')
    .get(proof.challenge) as { difficulty: number; expires_at: string } | undefined;
  if (!row || row.expires_at < now.toISOString()) return false;
  await sodium.ready;
  const input = Buffer.alloc(24);
  Buffer.from(proof.challenge, 'base64').copy(input, 0, 0, 16);
  input.writeBigUInt64LE(BigInt(proof.nonce), 16);
  return leadingZeroBits(sodium.crypto_generichash(32, input, null)) >= row.difficulty;
}
