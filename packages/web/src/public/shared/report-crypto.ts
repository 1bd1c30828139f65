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

/** The reporter's copy of the report key: wrapped under argon2id(receipt, this report's salt). */
export interface ReporterKeyWrap extends Sealed {
  readonly salt: string;
}

/** What the browser sends to `POST /api/public/reports` (besides the proof of work). */
export interface EncryptedSubmission {
  /** Lookup secret derived from the receipt; the server stores only its SHA-256. */
  readonly receiptKey: string;
  /** The report key wrapped under a key derived from the receipt (the reporter's copy). */
  readonly reporterKeyWrap: ReporterKeyWrap;
  readonly content: Sealed;
  readonly sealedKeys: { recipientId: number; sealedKey: string }[];
  readonly attachments: Sealed[];
}

/** Who wrote a message of a report's thread. */
export type MessageAuthor = 'reporter' | 'recipient';

const receiptDigits = 20;
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

/** A new receipt: 20 random decimal digits (66 bits), from libsodium's unbiased generator. */
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

async function argon2Key(
  receipt: string,
  salt: Uint8Array,
  subkey: number,
  argon2id: Argon2id,
): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  const master = await argon2id(
    new TextEncoder().encode(normaliseReceipt(receipt)),
    salt,
    argon2idParams,
    32,
  );
  const key = sodium.crypto_kdf_derive_from_key(32, subkey, kdfContext, master);
  sodium.memzero(master);
  return key;
}

/**
 * The receipt's lookup key: argon2id over the receipt with the installation's public salt
 * (so the server can find the report without knowing which it is). The server stores only a
 * keyed hash of it and never sees the receipt itself.
 */
export async function receiptLookupKey(
  receipt: string,
  installationSalt: string,
  argon2id: Argon2id = nobleArgon2id,
): Promise<string> {
  const sodium = await sodiumReady();
  const key = await argon2Key(
    receipt,
    fromBase64(sodium, installationSalt),
    lookupSubkey,
    argon2id,
  );
  return toBase64(sodium, key);
}

/**
 * The key that wraps the reporter's copy of the report key: argon2id over the receipt with a
 * salt of this report's own, so that a guess tested offline against a copied database costs
 * one argon2id per report, not one for all of them. It never leaves the browser.
 */
async function receiptWrapKey(
  receipt: string,
  reportSalt: Uint8Array,
  argon2id: Argon2id,
): Promise<Uint8Array> {
  return argon2Key(receipt, reportSalt, wrapSubkey, argon2id);
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
  const lookupKey = await receiptLookupKey(receipt, installationSalt, argon2id);
  const reportSalt = sodium.randombytes_buf(16);
  const wrapKey = await receiptWrapKey(receipt, reportSalt, argon2id);
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
    reporterKeyWrap: {
      ...seal(sodium, wrapKey, reportKey, 'reporter-key'),
      salt: toBase64(sodium, reportSalt),
    },
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

/** The reporter's copy of the report key, unwrapped with the receipt; throws on a wrong one. */
export async function reporterReportKey(
  receipt: string,
  reporterKeyWrap: ReporterKeyWrap,
  argon2id: Argon2id = nobleArgon2id,
): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  const wrapKey = await receiptWrapKey(receipt, fromBase64(sodium, reporterKeyWrap.salt), argon2id);
  const key = open(sodium, wrapKey, reporterKeyWrap, 'reporter-key');
  sodium.memzero(wrapKey);
  return key;
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

/** A file added to the thread: where it is stored and what it is (inside the message). */
export interface MessageAttachment {
  readonly position: number;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** A decrypted message: its text and the files it brought. */
export interface MessageContent {
  readonly text: string;
  readonly attachments: MessageAttachment[];
}

/**
 * Encrypts a returning reporter's message with files: each file at the next free attachment
 * position (`firstPosition`, the report's attachment count, onward), and the message itself
 * naming them, so their names and types stay inside the ciphertext.
 */
export async function encryptReporterMessage(
  reportKey: Uint8Array,
  text: string,
  files: readonly DraftAttachment[],
  firstPosition: number,
): Promise<{ message: Sealed; attachments: (Sealed & { position: number })[] }> {
  const sodium = await sodiumReady();
  const attachments = files.map((f, i) => ({
    position: firstPosition + i,
    ...seal(sodium, reportKey, f.data, `attachment:${firstPosition + i}`),
  }));
  const body =
    files.length === 0
      ? text
      : JSON.stringify({
          v: 1,
          text,
          attachments: files.map((f, i) => ({
            position: firstPosition + i,
            name: f.name,
            type: f.type,
            size: f.data.length,
          })),
        });
  return { message: await encryptMessage(reportKey, 'reporter', body), attachments };
}

/** Decrypts a message of the thread into its text and the files it names. */
export async function openMessage(
  reportKey: Uint8Array,
  author: MessageAuthor,
  sealed: Sealed,
): Promise<MessageContent> {
  const plain = await decryptMessage(reportKey, author, sealed);
  if (author === 'reporter' && plain.startsWith('{"v":1,')) {
    try {
      const parsed = JSON.parse(plain) as { text: string; attachments: MessageAttachment[] };
      return { text: parsed.text, attachments: parsed.attachments };
    } catch {
      // Not an envelope after all: the text as written.
    }
  }
  return { text: plain, attachments: [] };
}
