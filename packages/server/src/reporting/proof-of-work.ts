import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { Db } from '../store/database.js';

const challengeTtlMs = 10 * 60_000;
const payloadBytes = 25; // 16 random, 8 expiry (ms), 1 difficulty
const macBytes = 16;

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

/**
 * Proof-of-work challenges that cost the server nothing to issue: each carries its expiry and
 * difficulty under an HMAC with a key drawn at start (a restart voids open challenges). Only a
 * solved challenge is written down (to refuse its reuse), so flooding the issuing route fills
 * nothing.
 */
export class ProofOfWork {
  private readonly key = randomBytes(32);

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, macBytes);
  }

  /** A challenge of `difficulty` bits, valid ten minutes. */
  issue(
    difficulty: number,
    now: Date,
  ): { challenge: string; difficulty: number; expiresAt: string } {
    const payload = Buffer.alloc(payloadBytes);
    randomBytes(16).copy(payload);
    const expires = now.getTime() + challengeTtlMs;
    payload.writeBigUInt64BE(BigInt(expires), 16);
    payload.writeUInt8(difficulty, 24);
    const challenge = Buffer.concat([payload, this.mac(payload)]).toString('base64');
    return { challenge, difficulty, expiresAt: new Date(expires).toISOString() };
  }

  /**
   * Checks a solution and spends the challenge: true when the challenge is this server's,
   * unexpired, unused, and BLAKE2b-256(challenge ‖ nonce as 8 bytes little-endian) starts with
   * its number of zero bits.
   */
  async redeem(db: Db, proof: { challenge: string; nonce: number }, now: Date): Promise<boolean> {
    const bytes = Buffer.from(proof.challenge, 'base64');
    if (bytes.length !== payloadBytes + macBytes) return false;
    const payload = bytes.subarray(0, payloadBytes);
    if (!timingSafeEqual(bytes.subarray(payloadBytes), this.mac(payload))) return false;
    const expires = Number(payload.readBigUInt64BE(16));
    if (expires < now.getTime()) return false;
    await sodium.ready;
    const input = Buffer.alloc(bytes.length + 8);
    bytes.copy(input);
    input.writeBigUInt64LE(BigInt(proof.nonce), bytes.length);
    if (leadingZeroBits(sodium.crypto_generichash(32, input, null)) < payload.readUInt8(24)) {
      return false;
    }
    db.prepare('DELETE FROM report_challenges WHERE expires_at < ?').run(now.toISOString());
    const spent = db
      .prepare(
        'INSERT INTO report_challenges (challenge, difficulty, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(proof.challenge, payload.readUInt8(24), new Date(expires).toISOString());
    return spent.changes === 1;
  }
}

/** Parses the `x-report-proof` header: `<challenge>.<nonce>`. */
export function proofFromHeader(
  header: string | string[] | undefined,
): { challenge: string; nonce: number } | null {
  if (typeof header !== 'string') return null;
  const m = /^([A-Za-z0-9+/]+={0,2})\.(\d{1,15})$/.exec(header);
  if (!m?.[1] || !m[2]) return null;
  return { challenge: m[1], nonce: Number(m[2]) };
}
