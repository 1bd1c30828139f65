import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  FollowUpRequest,
  ProofHeaders,
  FollowUpSession,
  MessagePosted,
  ReportChallenge,
  ReportForm,
  ReportReceived,
  ReporterMessageBody,
  ReporterThread,
  ReportSubmission,
} from '../api/reporting.js';
import { ProofOfWork, proofFromHeader } from '../reporting/proof-of-work.js';
import {
  allowedAttachmentTypes,
  maxAttachmentBytes,
  maxAttachments,
  readQuestionnaire,
} from '../reporting/questionnaire.js';
import { RateBudget } from '../reporting/rate-budget.js';
import { loadReceiptPepper } from '../reporting/receipt-pepper.js';
import { readReportingConfig } from '../reporting/reporting-config.js';
import { reportingError, reportingErrorCodes } from '../reporting/reporting-errors.js';
import { publicRecipients } from '../reporting/recipient-keys.js';
import { pageHandler, reportPagePolicy, withPagePolicy } from './public-pages.js';
import {
  FollowUpSessions,
  findReportByReceipt,
  reporterThread,
  storeReport,
} from '../reporting/report-submit.js';
import { postMessage, reporterMessagesSince } from '../reporting/report-thread.js';

/** Five attachments of 10 MB as base64, plus the report and keys. */
const submissionBodyLimit = 75 * 1_048_576;
/** Messages a returning reporter may send per report and hour. */
const reporterMessagesPerHour = 20;

/**
 * The anonymous reporting channel's public API (docs/reporting-channel.md). These routes log
 * nothing (`logLevel: 'silent'`: no access-log line, so no IP address or user agent), set no
 * cookie, and ignore any staff session (no CSRF: they act with no one's authority). Abuse is
 * held back by proof of work and global budgets, never by who the caller is.
 */
const publicReports: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const config = () => readReportingConfig(db);
  const submissions = new RateBudget(() => config().submissionsPerHour, 3_600_000);
  const followUpFailures = new RateBudget(() => config().followUpFailuresPerMinute, 60_000);
  const sessions = new FollowUpSessions();
  const work = new ProofOfWork();
  const pepper = loadReceiptPepper(app.serverConfig.stateFile);

  /** Spends the request's proof of work, before its body is read; 400 when it is missing or wrong. */
  async function requireProof(request: FastifyRequest, now: Date): Promise<void> {
    const proof = proofFromHeader(request.headers['x-report-proof']);
    if (!proof || !(await work.redeem(db, proof, now))) {
      throw reportingError(
        reportingErrorCodes.proofInvalid,
        400,
        'The anti-abuse check failed or expired; send again.',
      );
    }
  }
  /** The report of the request's follow-up session (`x-report-session`); 401 when not live. */
  function reporterSession(request: FastifyRequest, now: Date): number {
    const token = request.headers['x-report-session'];
    return sessions.reportOf(typeof token === 'string' ? token : undefined, now);
  }
  const anonymous = { public: true, csrf: false } as const;
  const silent = 'silent' as const;

  app.get(
    '/public/report-form',
    {
      config: anonymous,
      logLevel: silent,
      schema: {
        tags: ['public reports'],
        summary: 'Questions, recipients’ public keys, receipt salt and limits of the public form',
        security: [],
        response: { 200: ReportForm },
      },
    },
    async () => {
      const c = config();
      return {
        questions: readQuestionnaire(db),
        recipients: publicRecipients(db),
        receiptSalt: c.receiptSalt,
        limits: {
          maxAttachments,
          maxAttachmentBytes,
          allowedTypes: [...allowedAttachmentTypes],
        },
        proofOfWorkBits: c.proofOfWorkBits,
      };
    },
  );

  app.post(
    '/public/report-challenges',
    {
      config: anonymous,
      logLevel: silent,
      schema: {
        tags: ['public reports'],
        summary: 'A single-use proof-of-work challenge',
        security: [],
        response: { 201: ReportChallenge },
      },
    },
    async (_request, reply) => {
      return reply.status(201).send(work.issue(config().proofOfWorkBits, new Date()));
    },
  );

  app.post(
    '/public/reports',
    {
      config: anonymous,
      logLevel: silent,
      bodyLimit: submissionBodyLimit,
      schema: {
        tags: ['public reports'],
        summary: 'Submit a report encrypted in the browser (ciphertext only)',
        security: [],
        headers: ProofHeaders,
        body: ReportSubmission,
        response: { 201: ReportReceived },
      },
      // Proof and budget before the body (up to 75 MB) is read.
      onRequest: async (request, reply) => {
        const now = new Date();
        await requireProof(request, now);
        if (!submissions.take(now.getTime())) {
          reply.header('retry-after', String(submissions.retryAfterSeconds(now.getTime())));
          throw reportingError(
            reportingErrorCodes.busy,
            429,
            'The channel is receiving many reports right now. Keep your text and try again in a few minutes.',
          );
        }
      },
    },
    async (request, reply) => {
      const stored = storeReport(db, request.body, pepper, new Date());
      return reply.status(201).send({ reference: stored.reference, receivedAt: stored.receivedAt });
    },
  );

  app.post(
    '/public/reports/follow-up',
    {
      config: anonymous,
      logLevel: silent,
      schema: {
        tags: ['public reports'],
        summary: 'A returning reporter enters their receipt (its lookup key)',
        security: [],
        headers: ProofHeaders,
        body: FollowUpRequest,
        response: { 201: FollowUpSession },
      },
      onRequest: async (request, reply) => {
        const now = new Date();
        // A spent budget refuses every attempt, right or wrong, so it reveals nothing.
        if (followUpFailures.exhausted(now.getTime())) {
          reply.header('retry-after', String(followUpFailures.retryAfterSeconds(now.getTime())));
          throw reportingError(
            reportingErrorCodes.followUpThrottled,
            429,
            'Too many wrong receipts were entered in the last minute. Wait a minute and try again.',
          );
        }
        await requireProof(request, now);
      },
    },
    async (request, reply) => {
      const now = new Date();
      const reportId = findReportByReceipt(db, request.body.receiptKey, pepper);
      if (reportId === null) {
        followUpFailures.take(now.getTime());
        throw reportingError(
          reportingErrorCodes.receiptUnknown,
          404,
          'No report matches this receipt. Check the digits.',
        );
      }
      return reply.status(201).send(sessions.open(reportId, now));
    },
  );

  app.get(
    '/public/reports/thread',
    {
      config: anonymous,
      logLevel: silent,
      schema: {
        tags: ['public reports'],
        summary: 'The returning reporter’s report and thread (ciphertext)',
        security: [],
        headers: { type: 'object', properties: { 'x-report-session': { type: 'string' } } },
        response: { 200: ReporterThread },
      },
    },
    async (request) => reporterThread(db, reporterSession(request, new Date())),
  );

  app.post(
    '/public/reports/thread/messages',
    {
      config: anonymous,
      logLevel: silent,
      bodyLimit: submissionBodyLimit,
      schema: {
        tags: ['public reports'],
        summary: 'The returning reporter answers or adds information (ciphertext)',
        security: [],
        body: ReporterMessageBody,
        response: { 201: MessagePosted },
      },
      // A live session and room in the hourly allowance before the body (up to 75 MB) is read.
      onRequest: async (request) => {
        const now = new Date();
        const reportId = reporterSession(request, now);
        // A receipt is no licence to flood a thread: 20 messages an hour per report.
        const since = new Date(now.getTime() - 3_600_000);
        if (reporterMessagesSince(db, reportId, since) >= reporterMessagesPerHour) {
          throw reportingError(
            reportingErrorCodes.busy,
            429,
            'You have sent many messages in the last hour. Please wait before sending more.',
          );
        }
      },
    },
    async (request, reply) => {
      const now = new Date();
      const posted = postMessage(
        db,
        {
          reportId: reporterSession(request, now),
          author: 'reporter',
          authorId: null,
          kind: 'message',
          message: request.body.message,
          attachments: request.body.attachments ?? [],
        },
        now,
      );
      return reply.status(201).send(posted);
    },
  );
};

export default publicReports;

/**
 * The public report page (`/report`, `/report/follow-up`): report.html from the web root, under
 * the report page's policy. Logged nowhere, like the static files it loads (app.ts).
 */
export const reportPages: FastifyPluginAsyncTypebox = async (app) => {
  const onSend = withPagePolicy(reportPagePolicy);
  const page = pageHandler(app.serverConfig.webRoot, 'report.html');
  // `/report/*` too: a mistyped or trailing-slash address must not fall through to the
  // workspace's logged catch-all.
  for (const url of ['/report', '/report/follow-up', '/report/*']) {
    app.get(
      url,
      { config: { public: true }, logLevel: 'silent', schema: { hide: true }, onSend },
      page,
    );
  }
};
