import { createHash } from 'node:crypto';

/** A short fingerprint of the pseudonym key, to tell which key a result used without revealing it. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
