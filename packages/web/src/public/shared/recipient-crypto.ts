// Recipients' keys (docs/reporting-channel.md): an X25519 key pair made in the recipient's
// browser; the private key leaves it only wrapped, under a passphrase (argon2id) and under a
// recovery key shown once. The server holds no way to unwrap it. Plain TS, no DOM.
import type { Argon2id, Argon2idParams } from './sodium.js';
import { argon2idParams, fromBase64, nobleArgon2id, sodiumReady, toBase64 } from './sodium.js';
import type { Sealed } from './report-crypto.js';

/** The private key wrapped under a passphrase: argon2id salt and cost, nonce, ciphertext. */
export interface PassphraseWrap extends Sealed {
  readonly salt: string;
  readonly params: Argon2idParams;
}

/** What the server stores for a recipient (`PUT /api/reporting/keys/me`). */
export interface RecipientKeyRecord {
  readonly publicKey: string;
  readonly passphraseWrap: PassphraseWrap;
  readonly recoveryWrap: Sealed;
}

/** An unlocked key pair, kept in the recipient's browser memory only. */
export interface RecipientKeyPair {
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}

const passphraseLabel = new TextEncoder().encode('probity-recipient-v1:passphrase');
const recoveryLabel = new TextEncoder().encode('probity-recipient-v1:recovery');

function wrapWith(
  sodium: Awaited<ReturnType<typeof sodiumReady>>,
  key: Uint8Array,
  secret: Uint8Array,
  label: Uint8Array,
): Sealed {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    secret,
    label,
    null,
    nonce,
    key,
  );
  return { nonce: toBase64(sodium, nonce), ciphertext: toBase64(sodium, ciphertext) };
}

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2idParams,
  argon2id: Argon2id,
): Promise<Uint8Array> {
  return argon2id(new TextEncoder().encode(passphrase.normalize('NFKC')), salt, params, 32);
}

/** Wraps a private key under a passphrase (new salt each time). */
export async function wrapWithPassphrase(
  privateKey: Uint8Array,
  passphrase: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<PassphraseWrap> {
  const sodium = await sodiumReady();
  const salt = sodium.randombytes_buf(16);
  const key = await passphraseKey(passphrase, salt, argon2idParams, argon2id);
  const sealed = wrapWith(sodium, key, privateKey, passphraseLabel);
  sodium.memzero(key);
  return { ...sealed, salt: toBase64(sodium, salt), params: argon2idParams };
}

function recoveryWrapKey(
  sodium: Awaited<ReturnType<typeof sodiumReady>>,
  recoveryKey: string,
): Uint8Array {
  const hex = recoveryKey.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('A recovery key is 64 hexadecimal digits.');
  return sodium.crypto_kdf_derive_from_key(32, 1, 'recovery', sodium.from_hex(hex));
}

/**
 * A new key pair for a recipient, its private key wrapped under the passphrase and under a
 * new recovery key. Show `recoveryKey` once, then forget it: the server never receives it.
 */
export async function createRecipientKeys(
  passphrase: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<{ record: RecipientKeyRecord; recoveryKey: string; keyPair: RecipientKeyPair }> {
  const sodium = await sodiumReady();
  const pair = sodium.crypto_box_keypair();
  const recoveryBytes = sodium.randombytes_buf(32);
  const recoveryKey = sodium.to_hex(recoveryBytes).replace(/(.{8})(?=.)/g, '$1-');
  const record: RecipientKeyRecord = {
    publicKey: toBase64(sodium, pair.publicKey),
    passphraseWrap: await wrapWithPassphrase(pair.privateKey, passphrase, argon2id),
    recoveryWrap: wrapWith(
      sodium,
      recoveryWrapKey(sodium, recoveryKey),
      pair.privateKey,
      recoveryLabel,
    ),
  };
  return {
    record,
    recoveryKey,
    keyPair: { publicKey: pair.publicKey, privateKey: pair.privateKey },
  };
}

/** Unlocks the key pair with the passphrase; throws when the passphrase is wrong. */
export async function unlockWithPassphrase(
  record: RecipientKeyRecord,
  passphrase: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<RecipientKeyPair> {
  const sodium = await sodiumReady();
  const wrap = record.passphraseWrap;
  const key = await passphraseKey(passphrase, fromBase64(sodium, wrap.salt), wrap.params, argon2id);
  const privateKey = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    fromBase64(sodium, wrap.ciphertext),
    passphraseLabel,
    fromBase64(sodium, wrap.nonce),
    key,
  );
  return { publicKey: fromBase64(sodium, record.publicKey), privateKey };
}

/**
 * Unlocks the key pair with the recovery key (forgotten passphrase); then wrap it under a
 * new passphrase with {@link wrapWithPassphrase} and store the new record.
 */
export async function unlockWithRecoveryKey(
  record: RecipientKeyRecord,
  recoveryKey: string,
): Promise<RecipientKeyPair> {
  const sodium = await sodiumReady();
  const privateKey = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    fromBase64(sodium, record.recoveryWrap.ciphertext),
    recoveryLabel,
    fromBase64(sodium, record.recoveryWrap.nonce),
    recoveryWrapKey(sodium, recoveryKey),
  );
  return { publicKey: fromBase64(sodium, record.publicKey), privateKey };
}

/** Opens the report key sealed to this recipient (`sealedKey` from the inbox API). */
export async function openReportKey(
  pair: RecipientKeyPair,
  sealedKey: string,
): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  return sodium.crypto_box_seal_open(
    fromBase64(sodium, sealedKey),
    pair.publicKey,
    pair.privateKey,
  );
}

/** A short fingerprint of a public key (BLAKE2b, 16 bytes, hex in groups of four). */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const sodium = await sodiumReady();
  const hash = sodium.crypto_generichash(16, fromBase64(sodium, publicKey), null);
  return sodium.to_hex(hash).replace(/(.{4})(?=.)/g, '$1 ');
}
