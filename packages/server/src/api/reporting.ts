/**
 * Request and response schemas of the anonymous reporting channel
 * (docs/reporting-channel.md). Everything a report says travels as ciphertext
 * (base64) made in a browser; the server sees sizes, times and statuses only.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

const base64 = '^[A-Za-z0-9+/]*={0,2}$';
/** Base64 text of at most `maxBytes` decoded bytes. */
const Base64 = (maxBytes: number) =>
  Type.String({ pattern: base64, maxLength: Math.ceil(maxBytes / 3) * 4 });

/** A nonce and an XChaCha20-Poly1305 ciphertext (base64). */
export const SealedPayload = Type.Object({
  nonce: Type.String({ pattern: base64, minLength: 32, maxLength: 32 }),
  ciphertext: Base64(1_048_576),
});
/** A nonce and a ciphertext. */
export type SealedPayload = Static<typeof SealedPayload>;

/** The reporter's copy of the report key: nonce, ciphertext and this report's argon2id salt. */
export const ReporterKeyWrap = Type.Object({
  nonce: Type.String({ pattern: base64, minLength: 32, maxLength: 32 }),
  ciphertext: Type.String({ pattern: base64, maxLength: 128 }),
  salt: Type.String({ pattern: base64, minLength: 24, maxLength: 24 }),
});
/** The reporter's copy of the report key. */
export type ReporterKeyWrap = Static<typeof ReporterKeyWrap>;

/** An attachment's ciphertext: up to 10 MB of file plus the 16-byte tag. */
export const SealedAttachment = Type.Object({
  nonce: Type.String({ pattern: base64, minLength: 32, maxLength: 32 }),
  ciphertext: Base64(10 * 1_048_576 + 16),
});
/** An attachment's ciphertext. */
export type SealedAttachment = Static<typeof SealedAttachment>;

/** A question of the public form (labels in English and French). */
export const ReportQuestion = Type.Object({
  id: Type.String({ maxLength: 32 }),
  kind: Type.Enum(['text', 'textarea', 'date', 'office', 'amount']),
  required: Type.Boolean(),
  label: Type.Object({
    en: Type.String({ minLength: 1, maxLength: 200 }),
    fr: Type.String({ minLength: 1, maxLength: 200 }),
  }),
  help: Type.Object({
    en: Type.String({ maxLength: 1000 }),
    fr: Type.String({ maxLength: 1000 }),
  }),
});
/** A question of the public form. */
export type ReportQuestion = Static<typeof ReportQuestion>;

/** What the public form needs: questions, recipients' keys, salt, limits, proof-of-work cost. */
export const ReportForm = Type.Object({
  questions: Type.Array(ReportQuestion),
  recipients: Type.Array(
    Type.Object({ id: Type.Integer(), label: Type.String(), publicKey: Type.String() }),
  ),
  receiptSalt: Type.String(),
  limits: Type.Object({
    maxAttachments: Type.Integer(),
    maxAttachmentBytes: Type.Integer(),
    allowedTypes: Type.Array(Type.String()),
  }),
  proofOfWorkBits: Type.Integer(),
});
/** What the public form needs. */
export type ReportForm = Static<typeof ReportForm>;

/** A proof-of-work challenge (single use, short-lived). */
export const ReportChallenge = Type.Object({
  challenge: Type.String(),
  difficulty: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
});
/** A proof-of-work challenge. */
export type ReportChallenge = Static<typeof ReportChallenge>;

/**
 * A solved challenge travels in the `x-report-proof` header (`<challenge>.<nonce>`), checked
 * before the body is read: an unsolved request costs the server no parsing.
 */
export const ProofHeaders = Type.Object({
  'x-report-proof': Type.String({ pattern: '^[A-Za-z0-9+/]+={0,2}\\.[0-9]{1,15}$', maxLength: 80 }),
});

const ReceiptKey = Type.String({ pattern: base64, minLength: 44, maxLength: 44 });

/** `POST /api/public/reports`: a report encrypted in the browser. */
export const ReportSubmission = Type.Object({
  receiptKey: ReceiptKey,
  reporterKeyWrap: ReporterKeyWrap,
  content: SealedPayload,
  sealedKeys: Type.Array(
    Type.Object({
      recipientId: Type.Integer({ minimum: 1 }),
      sealedKey: Type.String({ pattern: base64, maxLength: 128 }),
    }),
    { minItems: 1, maxItems: 100 },
  ),
  attachments: Type.Array(SealedAttachment, { maxItems: 5 }),
});
/** A report encrypted in the browser. */
export type ReportSubmission = Static<typeof ReportSubmission>;

/** The answer to a submission: nothing the reporter did not already have but a reference. */
export const ReportReceived = Type.Object({
  reference: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
});
/** The answer to a submission. */
export type ReportReceived = Static<typeof ReportReceived>;

/** `POST /api/public/reports/follow-up`: a returning reporter's receipt key. */
export const FollowUpRequest = Type.Object({ receiptKey: ReceiptKey });
/** A returning reporter's receipt key. */
export type FollowUpRequest = Static<typeof FollowUpRequest>;

/** A follow-up session token, held in the page's memory (no cookie). */
export const FollowUpSession = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
/** A follow-up session token. */
export type FollowUpSession = Static<typeof FollowUpSession>;

/** One message of a report's thread (ciphertext). */
export const ReportMessage = Type.Object({
  id: Type.Integer(),
  author: Type.Enum(['reporter', 'recipient']),
  kind: Type.Enum(['message', 'acknowledgement', 'feedback']),
  createdAt: Type.String({ format: 'date-time' }),
  nonce: Type.String(),
  ciphertext: Type.String(),
});
/** One message of a report's thread. */
export type ReportMessage = Static<typeof ReportMessage>;

/** What a returning reporter reads: status, their wrapped key, their report, the thread. */
export const ReporterThread = Type.Object({
  reference: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  status: Type.Enum(['new', 'acknowledged', 'in_review', 'closed']),
  reporterKeyWrap: ReporterKeyWrap,
  content: SealedPayload,
  /** Files stored so far: a new file goes at this position. */
  attachmentCount: Type.Integer(),
  messages: Type.Array(ReportMessage),
});
/** What a returning reporter reads. */
export type ReporterThread = Static<typeof ReporterThread>;

/** A message (ciphertext) posted to a report's thread by the reporter, with files or not. */
export const ReporterMessageBody = Type.Object({
  message: SealedPayload,
  attachments: Type.Optional(
    Type.Array(
      Type.Object({
        position: Type.Integer({ minimum: 0, maximum: 9 }),
        nonce: Type.String({ pattern: base64, minLength: 32, maxLength: 32 }),
        ciphertext: Base64(10 * 1_048_576 + 16),
      }),
      { maxItems: 5 },
    ),
  ),
});
/** A message posted by the reporter. */
export type ReporterMessageBody = Static<typeof ReporterMessageBody>;

/** A message (ciphertext) posted by a recipient; `kind` also moves the Directive's clocks. */
export const RecipientMessageBody = Type.Object({
  message: SealedPayload,
  kind: Type.Optional(Type.Enum(['message', 'acknowledgement', 'feedback'])),
});
/** A message posted by a recipient. */
export type RecipientMessageBody = Static<typeof RecipientMessageBody>;

/** The id of a posted message. */
export const MessagePosted = Type.Object({
  id: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
/** The id of a posted message. */
export type MessagePosted = Static<typeof MessagePosted>;

/** A recipient's passphrase-wrapped private key. */
export const PassphraseWrapSchema = Type.Object({
  salt: Type.String({ pattern: base64, maxLength: 64 }),
  params: Type.Object({
    t: Type.Integer({ minimum: 2, maximum: 10 }),
    m: Type.Integer({ minimum: 19456, maximum: 1_048_576 }),
    p: Type.Integer({ minimum: 1, maximum: 4 }),
  }),
  nonce: Type.String({ pattern: base64, maxLength: 64 }),
  ciphertext: Type.String({ pattern: base64, maxLength: 128 }),
});

/** `PUT /api/reporting/keys/me`: the recipient's public key and wrapped private key. */
export const RecipientKeyBody = Type.Object({
  publicKey: Type.String({ pattern: base64, minLength: 44, maxLength: 44 }),
  passphraseWrap: PassphraseWrapSchema,
  recoveryWrap: Type.Object({
    nonce: Type.String({ pattern: base64, maxLength: 64 }),
    ciphertext: Type.String({ pattern: base64, maxLength: 128 }),
  }),
});
/** The recipient's public key and wrapped private key. */
export type RecipientKeyBody = Static<typeof RecipientKeyBody>;

/** The signed-in recipient's key record, or null before they create one. */
export const MyRecipientKey = Type.Object({
  key: Nullable(
    Type.Object({
      ...RecipientKeyBody.properties,
      status: Type.Enum(['pending', 'active', 'revoked']),
      registeredAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
/** The signed-in recipient's key record. */
export type MyRecipientKey = Static<typeof MyRecipientKey>;

/** A recipient as managers see them. */
export const RecipientSummary = Type.Object({
  userId: Type.Integer(),
  displayName: Type.String(),
  role: Type.String(),
  publicKey: Type.String(),
  status: Type.Enum(['pending', 'active', 'revoked']),
  registeredAt: Type.String({ format: 'date-time' }),
});
/** The recipients list. */
export const RecipientList = Type.Object({ items: Type.Array(RecipientSummary) });
/** The recipients list. */
export type RecipientList = Static<typeof RecipientList>;

/** `POST /api/reporting/recipients/:userId/status`. */
export const RecipientStatusBody = Type.Object({ status: Type.Enum(['active', 'revoked']) });
/** A recipient's new status. */
export type RecipientStatusBody = Static<typeof RecipientStatusBody>;

/** Why a report was closed; each outcome has its retention period. */
export const ReportOutcome = Type.Enum(['unfounded', 'out_of_scope', 'resolved', 'case_opened']);
/** Why a report was closed. */
export type ReportOutcome = Static<typeof ReportOutcome>;

/** A report in the inbox: metadata and the Directive's clocks, no content. */
export const ReportSummary = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  status: Type.Enum(['new', 'acknowledged', 'in_review', 'closed']),
  acknowledgedAt: Nullable(Type.String({ format: 'date-time' })),
  acknowledgementDueAt: Type.String({ format: 'date-time' }),
  acknowledgementOverdue: Type.Boolean(),
  feedbackAt: Nullable(Type.String({ format: 'date-time' })),
  feedbackDueAt: Type.String({ format: 'date-time' }),
  feedbackOverdue: Type.Boolean(),
  attachments: Type.Integer(),
  messages: Type.Integer(),
  lastReporterMessageAt: Nullable(Type.String({ format: 'date-time' })),
  caseId: Nullable(Type.Integer()),
  outcome: Nullable(ReportOutcome),
  deleteAfter: Nullable(Type.String({ format: 'date-time' })),
});
/** A report in the inbox. */
export type ReportSummary = Static<typeof ReportSummary>;

/** The inbox. */
export const ReportList = Type.Object({ items: Type.Array(ReportSummary) });
/** The inbox. */
export type ReportList = Static<typeof ReportList>;

const ReminderItem = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  dueAt: Type.String({ format: 'date-time' }),
});

/** The reader's reports whose Directive clocks are overdue or close to due. */
export const ReportReminders = Type.Object({
  acknowledgement: Type.Object({
    overdue: Type.Array(ReminderItem),
    dueSoon: Type.Array(ReminderItem),
  }),
  feedback: Type.Object({ overdue: Type.Array(ReminderItem), dueSoon: Type.Array(ReminderItem) }),
});
/** The reader's reports whose Directive clocks are overdue or close to due. */
export type ReportReminders = Static<typeof ReportReminders>;

/** One report for a recipient: metadata, the key sealed to them, the ciphertexts. */
export const ReportDetail = Type.Object({
  ...ReportSummary.properties,
  sealedKey: Type.String(),
  content: SealedPayload,
  attachmentSizes: Type.Array(Type.Integer()),
  thread: Type.Array(ReportMessage),
});
/** One report for a recipient. */
export type ReportDetail = Static<typeof ReportDetail>;

/** An attachment's ciphertext. */
export const ReportAttachment = Type.Object({ nonce: Type.String(), ciphertext: Type.String() });
/** An attachment's ciphertext. */
export type ReportAttachment = Static<typeof ReportAttachment>;

/** `:id` of a report route. */
export const ReportIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** `:id/attachments/:position`. */
export const ReportAttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  position: Type.Integer({ minimum: 0, maximum: 9 }),
});
/** `:userId` of a recipient route. */
export const RecipientParams = Type.Object({ userId: Type.Integer({ minimum: 1 }) });

/** `POST /api/reporting/reports/:id/status`: review or close (with an outcome). */
export const ReportStatusBody = Type.Object({
  status: Type.Enum(['in_review', 'closed']),
  outcome: Type.Optional(ReportOutcome),
});
/** Review or close a report. */
export type ReportStatusBody = Static<typeof ReportStatusBody>;

/** `POST /api/reporting/reports/:id/triage`: open a case for the report (no content copied). */
export const ReportTriageBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  priority: Type.Optional(Type.Enum(['low', 'normal', 'high', 'urgent'])),
});
/** Open a case for the report. */
export type ReportTriageBody = Static<typeof ReportTriageBody>;

/** The case a triage opened. */
export const ReportTriaged = Type.Object({ caseId: Type.Integer() });
/** The case a triage opened. */
export type ReportTriaged = Static<typeof ReportTriaged>;

/** `POST /api/reporting/reports/:id/exclusions`: conflict of interest. */
export const ReportExclusionBody = Type.Object({
  userId: Type.Integer({ minimum: 1 }),
  reason: Type.String({ minLength: 3, maxLength: 2000 }),
});
/** Exclude a person from a report. */
export type ReportExclusionBody = Static<typeof ReportExclusionBody>;

/** Reporting channel settings (admins). */
export const ReportingSettings = Type.Object({
  proofOfWorkBits: Type.Integer({ minimum: 0, maximum: 28 }),
  submissionsPerHour: Type.Integer({ minimum: 1, maximum: 100_000 }),
  followUpFailuresPerMinute: Type.Integer({ minimum: 1, maximum: 10_000 }),
  retentionDays: Type.Object({
    unfounded: Type.Integer({ minimum: 1, maximum: 36_500 }),
    out_of_scope: Type.Integer({ minimum: 1, maximum: 36_500 }),
    resolved: Type.Integer({ minimum: 1, maximum: 36_500 }),
    case_opened: Type.Integer({ minimum: 1, maximum: 36_500 }),
  }),
});
/** Reporting channel settings. */
export type ReportingSettings = Static<typeof ReportingSettings>;

/** `PUT /api/reporting/questionnaire`: the form's questions, or null for the default ones. */
export const ReportQuestionnaireBody = Type.Object({
  questions: Nullable(Type.Array(ReportQuestion, { minItems: 1, maxItems: 30 })),
});
/** The form's questions, or null for the default ones. */
export type ReportQuestionnaireBody = Static<typeof ReportQuestionnaireBody>;

/** The form's questions. */
export const ReportQuestionnaire = Type.Object({ questions: Type.Array(ReportQuestion) });
/** The form's questions. */
export type ReportQuestionnaire = Static<typeof ReportQuestionnaire>;

/** `POST /api/reporting/reports/:id/keys`: the report key sealed to another recipient. */
export const ResealBody = Type.Object({
  recipientId: Type.Integer({ minimum: 1 }),
  sealedKey: Type.String({ pattern: base64, maxLength: 128 }),
});
/** The report key sealed to another recipient. */
export type ResealBody = Static<typeof ResealBody>;

/** Plain acknowledgement of a change. */
export const ReportOk = Type.Object({ ok: Type.Literal(true) });
