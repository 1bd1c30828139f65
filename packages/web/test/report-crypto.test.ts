import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import {
  decryptAttachment,
  decryptMessage,
  decryptReportContent,
  encryptMessage,
  encryptReport,
  formatReceipt,
  receiptLookupKey,
  reporterReportKey,
} from '../src/public/shared/report-crypto.js';
import {
  createRecipientKeys,
  keyFingerprint,
  openReportKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  wrapWithPassphrase,
} from '../src/public/shared/recipient-crypto.js';
import { leadingZeroBits, solveChallenge } from '../src/public/shared/proof-of-work.js';
import type { Argon2id } from '../src/public/shared/sodium.js';
import { nobleArgon2id, sodiumReady } from '../src/public/shared/sodium.js';

// The native argon2 gives the same bytes as the browser's pure-JS one (checked below), faster.
const nativeArgon2id: Argon2id = async (password, salt, params, length) =>
  new Uint8Array(
    await argon2.hash(Buffer.from(password), {
      salt: Buffer.from(salt),
      raw: true,
      type: argon2.argon2id,
      timeCost: params.t,
      memoryCost: params.m,
      parallelism: params.p,
      hashLength: length,
    }),
  );

const salt = Buffer.alloc(16, 3).toString('base64');

describe('report crypto', () => {
  it('gives the same argon2id bytes in pure JavaScript as the native library', async () => {
    const pw = new TextEncoder().encode('1234567812345678');
    const s = new Uint8Array(16).fill(7);
    const params = { t: 2, m: 19456, p: 1 };
    expect(Buffer.from(await nobleArgon2id(pw, s, params, 32)).toString('hex')).toBe(
      Buffer.from(await nativeArgon2id(pw, s, params, 32)).toString('hex'),
    );
  });

  it('round-trips a report, its attachments and the thread for a recipient and the reporter', async () => {
    const alice = await createRecipientKeys('alice passphrase long enough', nativeArgon2id);
    const bob = await createRecipientKeys('bob passphrase long enough', nativeArgon2id);
    const file = new Uint8Array([1, 2, 3, 4, 5, 250]);
    const { receipt, submission } = await encryptReport(
      {
        answers: { what: 'An officer asked for 500 EUR to release the goods.' },
        locale: 'en',
        attachments: [{ name: 'invoice.pdf', type: 'application/pdf', data: file }],
      },
      [
        { id: 1, publicKey: alice.record.publicKey },
        { id: 2, publicKey: bob.record.publicKey },
      ],
      salt,
      nativeArgon2id,
    );
    expect(receipt).toMatch(/^\d{20}$/);
    expect(formatReceipt(receipt)).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(JSON.stringify(submission)).not.toContain('500 EUR');

    // Recipient: unlock with the passphrase, open the sealed key, read everything.
    const pair = await unlockWithPassphrase(
      alice.record,
      'alice passphrase long enough',
      nativeArgon2id,
    );
    const sealed = submission.sealedKeys.find((k) => k.recipientId === 1);
    const key = await openReportKey(pair, sealed?.sealedKey ?? '');
    const content = await decryptReportContent(key, submission.content);
    expect(content.answers['what']).toContain('500 EUR');
    expect(content.attachments).toEqual([
      { name: 'invoice.pdf', type: 'application/pdf', size: 6 },
    ]);
    const attachment = submission.attachments[0];
    if (!attachment) throw new Error('attachment missing');
    expect([...(await decryptAttachment(key, 0, attachment))]).toEqual([...file]);

    // A reply travels under the report key; the reporter's receipt unwraps it.
    const reply = await encryptMessage(key, 'recipient', 'Thank you; which office?');
    const lookupKey = await receiptLookupKey(formatReceipt(receipt), salt, nativeArgon2id);
    expect(lookupKey).toBe(submission.receiptKey);
    const reporterKey = await reporterReportKey(
      formatReceipt(receipt),
      submission.reporterKeyWrap,
      nativeArgon2id,
    );
    expect(await decryptMessage(reporterKey, 'recipient', reply)).toBe('Thank you; which office?');
    // The author is bound: a recipient's message cannot be passed off as the reporter's.
    await expect(decryptMessage(reporterKey, 'reporter', reply)).rejects.toThrow();
  });

  it('refuses a wrong passphrase, a wrong receipt and another recipient key', async () => {
    const alice = await createRecipientKeys('alice passphrase long enough', nativeArgon2id);
    const carol = await createRecipientKeys('carol passphrase long enough', nativeArgon2id);
    await expect(
      unlockWithPassphrase(alice.record, 'not the passphrase', nativeArgon2id),
    ).rejects.toThrow();
    const { receipt, submission } = await encryptReport(
      { answers: { what: 'x' }, locale: 'fr', attachments: [] },
      [{ id: 1, publicKey: alice.record.publicKey }],
      salt,
      nativeArgon2id,
    );
    const wrong = receipt.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    expect(await receiptLookupKey(wrong, salt, nativeArgon2id)).not.toBe(submission.receiptKey);
    await expect(
      reporterReportKey(wrong, submission.reporterKeyWrap, nativeArgon2id),
    ).rejects.toThrow();
    await expect(
      openReportKey(carol.keyPair, submission.sealedKeys[0]?.sealedKey ?? ''),
    ).rejects.toThrow();
  });

  it('recovers a private key with the recovery key and rewraps it under a new passphrase', async () => {
    const alice = await createRecipientKeys('forgotten passphrase 1', nativeArgon2id);
    const recovered = await unlockWithRecoveryKey(alice.record, alice.recoveryKey);
    expect(Buffer.from(recovered.privateKey)).toEqual(Buffer.from(alice.keyPair.privateKey));
    const passphraseWrap = await wrapWithPassphrase(
      recovered.privateKey,
      'a new passphrase 2',
      nativeArgon2id,
    );
    const again = await unlockWithPassphrase(
      { ...alice.record, passphraseWrap },
      'a new passphrase 2',
      nativeArgon2id,
    );
    expect(Buffer.from(again.privateKey)).toEqual(Buffer.from(alice.keyPair.privateKey));
    await expect(unlockWithRecoveryKey(alice.record, '0'.repeat(64))).rejects.toThrow();
    expect(await keyFingerprint(alice.record.publicKey)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('solves a proof of work with the asked number of leading zero bits', async () => {
    const sodium = await sodiumReady();
    const challenge = Buffer.alloc(16, 9).toString('base64');
    const nonce = await solveChallenge(challenge, 12);
    const input = Buffer.concat([Buffer.alloc(16, 9), Buffer.alloc(8)]);
    input.writeBigUInt64LE(BigInt(nonce), 16);
    expect(leadingZeroBits(sodium.crypto_generichash(32, input, null))).toBeGreaterThanOrEqual(12);
    expect(leadingZeroBits(new Uint8Array([0, 0x10]))).toBe(11);
  });
});

describe('recipient inbox module', () => {
  it('opens a report and its thread from the API shapes, and seals a reply the reporter reads', async () => {
    const { openReport, sealReply } = await import('../src/public/shared/recipient-inbox.js');
    const alice = await createRecipientKeys('alice passphrase long enough', nativeArgon2id);
    const { receipt, submission } = await encryptReport(
      { answers: { what: 'Rapport' }, locale: 'fr', attachments: [] },
      [{ id: 1, publicKey: alice.record.publicKey }],
      salt,
      nativeArgon2id,
    );
    const reporterKey = await reporterReportKey(
      receipt,
      submission.reporterKeyWrap,
      nativeArgon2id,
    );
    const question = await encryptMessage(reporterKey, 'reporter', 'Avez-vous reçu ?');
    const opened = await openReport(alice.keyPair, {
      sealedKey: submission.sealedKeys[0]?.sealedKey ?? '',
      content: submission.content,
      thread: [
        {
          id: 1,
          author: 'reporter',
          kind: 'message',
          createdAt: '2026-01-01T00:00:00Z',
          ...question,
        },
        {
          id: 2,
          author: 'recipient',
          kind: 'message',
          createdAt: '2026-01-01T00:00:00Z',
          ...question,
        },
      ],
    });
    expect(opened.content.answers['what']).toBe('Rapport');
    expect(opened.thread.map((m) => m.text)).toEqual(['Avez-vous reçu ?', null]);
    const reply = await sealReply(opened, 'Oui.');
    expect(await decryptMessage(reporterKey, 'recipient', reply)).toBe('Oui.');
  });
});

describe('report page catalogues', () => {
  it('has the same keys in English and French, none empty', async () => {
    const en = (await import('../src/public/report/i18n/en.json')).default;
    const fr = (await import('../src/public/report/i18n/fr.json')).default;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(en), ...Object.values(fr)])
      expect(text.trim()).not.toBe('');
  });
});
