import { createHmac } from 'node:crypto';
import type { UnitKind } from '../indicators/index.js';

const prefixes: Record<UnitKind, string> = {
  officer: 'OFR',
  declarant: 'DCL',
  trader: 'TRD',
  office: 'OFC',
};

/** Crockford base-32 (no I, L, O, U): easy to read aloud and to type. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A pseudonym for a person or firm: a keyed hash (HMAC-SHA-256) of its kind
 * and id, shown as e.g. `OFR-7K2Q9M4D`. The same key always gives the same
 * pseudonym; without the key it cannot be turned back into the id. Offices
 * are not people: their codes are shown as they are.
 */
export function pseudonym(kind: UnitKind, id: string, key: string): string {
  if (kind === 'office') return id;
  const digest = createHmac('sha256', key).update(`${kind}\u0000${id}`).digest();
  let out = '';
  // 40 bits as 8 base-32 characters: collisions are negligible below ~10^5 units of a kind.
  let bits = 0;
  let value = 0;
  for (const byte of digest.subarray(0, 5)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `${prefixes[kind]}-${out}`;
}

/** A function mapping ids to what a reader sees: pseudonyms, or the ids when revealed. */
export function unitLabeller(key: string, reveal: boolean): (kind: UnitKind, id: string) => string {
  return reveal ? (_kind, id) => id : (kind, id) => pseudonym(kind, id, key);
}
