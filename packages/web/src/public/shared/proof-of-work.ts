// Hashcash over BLAKE2b (libsodium's crypto_generichash): find a nonce such that
// BLAKE2b-256(challenge ‖ nonce) starts with `difficulty` zero bits. The server checks it with
// the same function (packages/server/src/reporting/proof-of-work.ts). Plain TS, no DOM.
import { fromBase64, sodiumReady } from './sodium.js';

/** Number of leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
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
 * Finds a nonce for the challenge (about 2^difficulty hashes; yields to the caller every
 * 20,000 tries so a page stays responsive).
 */
export async function solveChallenge(challenge: string, difficulty: number): Promise<number> {
  const sodium = await sodiumReady();
  const prefix = fromBase64(sodium, challenge);
  const input = new Uint8Array(prefix.length + 8);
  input.set(prefix);
  const view = new DataView(input.buffer);
  // The nonce is appended as 8 bytes, little-endian; the server reads it the same way.
  for (let nonce = 0; ; nonce += 1) {
    view.setBigUint64(prefix.length, BigInt(nonce), true);
    if (leadingZeroBits(sodium.crypto_generichash(32, input, null)) >= difficulty) return nonce;
    if (nonce % 20_000 === 19_999) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
