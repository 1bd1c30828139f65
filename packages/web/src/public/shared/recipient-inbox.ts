// What the workspace's inbox screens call with the API's answers (GET /api/reporting/reports/:id
// and its attachments): open the report key with the recipient's unlocked key pair, decrypt the
// report and its thread, encrypt replies. Plain TS, no DOM; the key pair stays in memory.
import type { ReportAttachment, ReportDetail, ReportMessage } from '@probity/server';
import type { RecipientKeyPair } from './recipient-crypto.js';
import { openReportKey } from './recipient-crypto.js';
import { fromBase64, sodiumReady, toBase64 } from './sodium.js';
import type { MessageAttachment, ReportContent, Sealed } from './report-crypto.js';
import {
  decryptAttachment,
  decryptReportContent,
  encryptMessage,
  openMessage,
} from './report-crypto.js';

/** A decrypted message of the thread (`text` null when it cannot be decrypted). */
export interface OpenedMessage {
  readonly id: number;
  readonly author: ReportMessage['author'];
  readonly kind: ReportMessage['kind'];
  readonly createdAt: string;
  readonly text: string | null;
  /** Files the reporter added with this message (fetch them by position). */
  readonly attachments: MessageAttachment[];
}

/** A report opened in the recipient's browser. */
export interface OpenedReport {
  readonly reportKey: Uint8Array;
  readonly content: ReportContent;
  readonly thread: OpenedMessage[];
}

/** Opens a report the API returned: its key, content and thread. */
export async function openReport(
  pair: RecipientKeyPair,
  detail: Pick<ReportDetail, 'sealedKey' | 'content' | 'thread'>,
): Promise<OpenedReport> {
  const reportKey = await openReportKey(pair, detail.sealedKey);
  const content = await decryptReportContent(reportKey, detail.content);
  const thread = await Promise.all(
    detail.thread.map(async (m) => ({
      id: m.id,
      author: m.author,
      kind: m.kind,
      createdAt: m.createdAt,
      ...(await openMessage(reportKey, m.author, m).catch(() => ({
        text: null,
        attachments: [],
      }))),
    })),
  );
  return { reportKey, content, thread };
}

/**
 * Decrypts attachment `position` (its name and type are in `content.attachments`, or, for a
 * file added later, in the `attachments` of the message that brought it).
 */
export function openAttachment(
  opened: OpenedReport,
  position: number,
  attachment: ReportAttachment,
): Promise<Uint8Array> {
  return decryptAttachment(opened.reportKey, position, attachment);
}

/** Encrypts a reply for `POST /api/reporting/reports/:id/messages` (`{ message, kind }`). */
export function sealReply(opened: OpenedReport, text: string): Promise<Sealed> {
  return encryptMessage(opened.reportKey, 'recipient', text);
}

/**
 * Seals an opened report's key to another recipient's public key (base64), for
 * `POST /api/reporting/reports/:id/keys` (`{ recipientId, sealedKey }`).
 */
export async function sealKeyFor(opened: OpenedReport, publicKey: string): Promise<string> {
  const sodium = await sodiumReady();
  return toBase64(sodium, sodium.crypto_box_seal(opened.reportKey, fromBase64(sodium, publicKey)));
}
