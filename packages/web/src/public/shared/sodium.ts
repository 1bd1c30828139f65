// libsodium (libsodium-wrappers) and argon2id (@noble/hashes), loaded once. Plain TS without DOM
// access, so the same code runs in the reporter's browser, the recipients' browser and Node tests.
import sodiumModule from 'libsodium-wrappers';
import { argon2idAsync } from '@noble/hashes/argon2.js';

/** The libsodium API once its WebAssembly is ready. */
export type Sodium = typeof sodiumModule;

/** libsodium, ready to use. */
export async function sodiumReady(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}

/** Argon2id cost: `m` in KiB, `t` passes, `p` lanes. */
export interface Argon2idParams {
  readonly t: number;
  readonly m: number;
  readonly p: number;
}

/**
 * OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane), as the server's password hashes.
 * Fixed in the code the browser runs, not sent by the server, so a server cannot weaken it.
 */
export const argon2idParams: Argon2idParams = Object.freeze({ t: 2, m: 19456, p: 1 });

/**
 * An argon2id implementation: `@noble/hashes` by default (pure JS, also in the browser, since
 * libsodium-wrappers' standard build has no crypto_pwhash); Node callers may pass the native
 * `argon2` package, which gives the same bytes faster.
 */
export type Argon2id = (
  password: Uint8Array,
  salt: Uint8Array,
  params: Argon2idParams,
  length: number,
) => Promise<Uint8Array>;

/** argon2id in pure JavaScript (@noble/hashes). */
export const nobleArgon2id: Argon2id = (password, salt, params, length) =>
  argon2idAsync(password, salt, { t: params.t, m: params.m, p: params.p, dkLen: length });

/** Base64 (standard alphabet, padded): what the API carries. */
export function toBase64(sodium: Sodium, bytes: Uint8Array): string {
  return sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
}

/** Bytes of a standard base64 string. */
export function fromBase64(sodium: Sodium, text: string): Uint8Array {
  return sodium.from_base64(text, sodium.base64_variants.ORIGINAL);
}
