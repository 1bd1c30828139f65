// End-to-end encryption of anonymous reports (docs/threat-model.md). The reporter's browser
// encrypts; the server stores ciphertext; recipients decrypt in their browser. Plain TS, no DOM.
import type { Argon2id, Sodium } from './sodium.js';
import { argon2idParams, fromBase64, nobleArgon2id, sodiumReady, toBase64 } from './sodium.js';

/** A nonce and an XChaCha20-Poly1305 ciphertext, both base64. */
export interface Sealed {
  readonly nonce: string;
  readonly ciphertext: string;
}

/** A file the reporter attaches (its name and type travel inside the encrypted report). */
export interface DraftAttachment {
  readonly name: string;
  readonly type: string;
  readonly data: Uint8Array;
}

/** What the reporter wrote: answers by question id, the page's locale, attachments. */
export interface ReportDraft {
  readonly answers: Readonly<Record<string, string>>;
  readonly locale: string;
  readonly attachments: readonly DraftAttachment[];
}

/** The decrypted report: answers, locale, and the attachments' names, types and sizes. */
export interface ReportContent {
  readonly version: 1;
  readonly answers: Record<string, string>;
  readonly locale: string;
  readonly attachments: { name: string; type: string; size: number }[];
}

/** A recipient as the public form lists them: id and X25519 public key (base64). */
export interface RecipientKey {
  readonly id: number;
  readonly publicKey: string;
}

/** What the browser sends to `POST /api/public/reports` (besides the proof of work). */
export interface EncryptedSubmission {
  /** Lookup secret derived from the receipt; the server stores only its SHA-256. */
  readonly receiptKey: string;
  /** The report key wrapped under a key derived from the receipt (the reporter's copy). */
  readonly reporterKeyWrap: Sealed;
  readonly content: Sealed;
  readonly sealedKeys: { recipientId: number; sealedKey: string }[];
  readonly attachments: Sealed[];
}

/** Who wrote a message of a report's thread. */
export type MessageAuthor = 'reporter' | 'recipient';

const receiptDigits = 16;
const kdfContext = 'receipt_'; // crypto_kdf contexts are 8 bytes.
const lookupSubkey = 1;
const wrapSubkey = 2;

function aad(label: string): Uint8Array {
  return new TextEncoder().encode(`probity-report-v1:${label}`);
}

function seal(sodium: Sodium, key: Uint8Array, plaintext: Uint8Array, label: string): Sealed {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    aad(label),
    null,
    nonce,
    key,
  );
  return { nonce: toBase64(sodium, nonce), ciphertext: toBase64(sodium, ciphertext) };
}

function open(sodium: Sodium, key: Uint8Array, sealed: Sealed, label: string): Uint8Array {
  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    fromBase64(sodium, sealed.ciphertext),
    aad(label),
    fromBase64(sodium, sealed.nonce),
    key,
  );
}

/** A new receipt: 16 random decimal digits (53 bits), from libsodium's unbiased generator. */
export function newReceipt(sodium: Sodium): string {
  let digits = '';
  for (let i = 0; i < receiptDigits; i += 1) digits += String(sodium.randombytes_uniform(10));
  return digits;
}

/** The receipt as shown: groups of four digits. */
export function formatReceipt(receipt: string): string {
  return normaliseReceipt(receipt).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The receipt's digits only (spaces and dashes typed by the reporter dropped). */
export function normaliseReceipt(receipt: string): string {
  return receipt.replace(/[\s-]/g, '');
}

/**
 * The two keys a receipt gives, both from one argon2id over the receipt with the
 * installation's public salt: the lookup key (sent to the server, which stores only its
 * SHA-256) and the wrap key (never leaves the browser; it unwraps the reporter's copy of the
 * report key). The server never sees the receipt itself.
 */
export async function receiptKeys(
  receipt: string,
  installationSalt: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<{ lookupKey: string; wrapKey: Uint8Array }> {
  const sodium = await sodiumReady();
  const master = await argon2id(
    new TextEncoder().encode(normaliseReceipt(receipt)),
    fromBase64(sodium, installationSalt),
    argon2idParams,
    32,
  );
  const lookup = sodium.crypto_kdf_derive_from_key(32, lookupSubkey, kdfContext, master);
  const wrapKey = sodium.crypto_kdf_derive_from_key(32, wrapSubkey, kdfContext, master);
  sodium.memzero(master);
  return { lookupKey: toBase64(sodium, lookup), wrapKey };
}

/**
 * Encrypts a report for the chosen recipients: a fresh report key encrypts the report and
 * each attachment (XChaCha20-Poly1305), is sealed (crypto_box_seal) to each recipient's
 * public key, and is wrapped under the receipt's wrap key for the reporter.
 */
export async function encryptReport(
  draft: ReportDraft,
  recipients: readonly RecipientKey[],
  installationSalt: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<{ receipt: string; submission: EncryptedSubmission }> {
  const sodium = await sodiumReady();
  const receipt = newReceipt(sodium);
  const { lookupKey, wrapKey } = await receiptKeys(receipt, installationSalt, argon2id);
  const reportKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const content: ReportContent = {
    version: 1,
    answers: { ...draft.answers },
    locale: draft.locale,
    attachments: draft.attachments.map((a) => ({
      name: a.name,
      type: a.type,
      size: a.data.length,
    })),
  };
  const submission: EncryptedSubmission = {
    receiptKey: lookupKey,
    reporterKeyWrap: seal(sodium, wrapKey, reportKey, 'reporter-key'),
    content: seal(sodium, reportKey, new TextEncoder().encode(JSON.stringify(content)), 'content'),
    sealedKeys: recipients.map((r) => ({
      recipientId: r.id,
      sealedKey: toBase64(
        sodium,
        sodium.crypto_box_seal(reportKey, fromBase64(sodium, r.publicKey)),
      ),
    })),
    attachments: draft.attachments.map((a, i) =>
      seal(sodium, reportKey, a.data, `attachment:${i}`),
    ),
  };
  sodium.memzero(wrapKey);
  return { receipt, submission };
}

/** The reporter's copy of the report key, unwrapped with the receipt's wrap key. */
export async function reporterReportKey(
  wrapKey: Uint8Array,
  reporterKeyWrap: Sealed,
): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  return open(sodium, wrapKey, reporterKeyWrap, 'reporter-key');
}

/** Decrypts the report itself. */
export async function decryptReportContent(
  reportKey: Uint8Array,
  content: Sealed,
): Promise<ReportContent> {
  const sodium = await sodiumReady();
  const text = new TextDecoder().decode(open(sodium, reportKey, content, 'content'));
  return JSON.parse(text) as ReportContent;
}

/** Decrypts attachment number `index` (0-based, in the report's order). */
export async function decryptAttachment(
  reportKey: Uint8Array,
  index: number,
  sealed: Sealed,
): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  return open(sodium, reportKey, sealed, `attachment:${index}`);
}

/**
 * Encrypts a message of the thread under the report key. The author is bound in the
 * associated data: the server cannot pass a recipient's message off as the reporter's.
 */
export async function encryptMessage(
  reportKey: Uint8Array,
  author: MessageAuthor,
  text: string,
): Promise<Sealed> {
  const sodium = await sodiumReady();
  return seal(sodium, reportKey, new TextEncoder().encode(text), `message:${author}`);
}

/** Decrypts a message of the thread written by `author`. */
export async function decryptMessage(
  reportKey: Uint8Array,
  author: MessageAuthor,
  sealed: Sealed,
): Promise<string> {
  const sodium = await sodiumReady();
  return new TextDecoder().decode(open(sodium, reportKey, sealed, `message:${author}`));
}
