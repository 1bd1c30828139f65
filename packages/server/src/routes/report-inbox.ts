import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  MessagePosted,
  RecipientMessageBody,
  ReportAttachment,
  ReportAttachmentParams,
  ReportDetail,
  ReportExclusionBody,
  ReportIdParams,
  ReportingSettings,
  ReportList,
  ReportOk,
  ReportQuestionnaire,
  ReportReminders,
  ReportQuestionnaireBody,
  ResealBody,
  ReportStatusBody,
  ReportTriageBody,
  ReportTriaged,
} from '../api/reporting.js';
import { readCaseDeadlineSettings } from '../cases/case-settings.js';
import { unauthenticated } from '../errors.js';
import type { FastifyRequest } from 'fastify';
import {
  listReports,
  loadReportFor,
  reportReminders,
  reportAttachment,
  reportDetail,
  setReportStatus,
} from '../reporting/report-inbox.js';
import { deleteReport } from '../reporting/report-retention.js';
import { postMessage } from '../reporting/report-thread.js';
import { excludeFromReport, resealReport, triageReport } from '../reporting/report-triage.js';
import { readQuestionnaire, setQuestionnaire } from '../reporting/questionnaire.js';
import { readReportingConfig, updateReportingConfig } from '../reporting/reporting-config.js';
import type { ReportingConfig } from '../reporting/reporting-config.js';

function settingsOf(c: ReportingConfig): ReportingSettings {
  return {
    proofOfWorkBits: c.proofOfWorkBits,
    submissionsPerHour: c.submissionsPerHour,
    followUpFailuresPerMinute: c.followUpFailuresPerMinute,
    retentionDays: c.retentionDays,
  };
}

function userOf(request: FastifyRequest) {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/**
 * The recipients' inbox (investigators and managers holding a key the report was sealed to):
 * metadata, ciphertext and the key sealed to the reader; messages to the reporter; statuses
 * and the Directive's clocks; triage into a case; exclusions; deletion. The server never sees
 * a word of a report. (Closed reports past their retention period are deleted by the app's
 * hourly housekeeping, in app.ts.)
 */
const reportInbox: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const recipients = app.requireRole(['investigator', 'manager']);
  const managers = app.requireRole(['manager']);

  app.get(
    '/reporting/reports',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: 'Reports sealed to the reader: metadata and clocks, no content',
        response: { 200: ReportList },
      },
    },
    async (request) => ({ items: listReports(db, userOf(request), new Date()) }),
  );

  app.get(
    '/reporting/reminders',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: "The reader's reports whose acknowledgement or feedback is overdue or due soon",
        response: { 200: ReportReminders },
      },
    },
    async (request) => reportReminders(db, userOf(request), new Date()),
  );

  app.get(
    '/reporting/reports/:id',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: 'One report: the key sealed to the reader, ciphertext, thread',
        params: ReportIdParams,
        response: { 200: ReportDetail },
      },
    },
    async (request) => reportDetail(db, userOf(request), request.params.id, new Date()),
  );

  app.get(
    '/reporting/reports/:id/attachments/:position',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: "An attachment's ciphertext",
        params: ReportAttachmentParams,
        response: { 200: ReportAttachment },
      },
    },
    async (request) =>
      reportAttachment(db, userOf(request), request.params.id, request.params.position),
  );

  app.post(
    '/reporting/reports/:id/messages',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary:
          'A message to the reporter (ciphertext); acknowledgement and feedback stamp the clocks',
        params: ReportIdParams,
        body: RecipientMessageBody,
        response: { 201: MessagePosted },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      loadReportFor(db, user, request.params.id);
      const posted = postMessage(
        db,
        {
          reportId: request.params.id,
          author: 'recipient',
          authorId: user.id,
          kind: request.body.kind ?? 'message',
          message: request.body.message,
        },
        new Date(),
      );
      return reply.status(201).send(posted);
    },
  );

  app.post(
    '/reporting/reports/:id/status',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: 'Review, or close with an outcome (which sets the retention period)',
        params: ReportIdParams,
        body: ReportStatusBody,
        response: { 200: ReportOk },
      },
    },
    async (request) => {
      setReportStatus(
        db,
        userOf(request),
        request.params.id,
        request.body.status,
        request.body.outcome,
        new Date(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/reporting/reports/:id/triage',
    {
      preHandler: managers,
      schema: {
        tags: ['reporting'],
        summary: 'Open a case for the report (no content copied; exclusions carried over)',
        params: ReportIdParams,
        body: ReportTriageBody,
        response: { 201: ReportTriaged },
      },
    },
    async (request, reply) => {
      const caseId = await triageReport(
        {
          db,
          warehouse: null,
          pseudonymKey: app.serverConfig.pseudonymKey,
          settings: readCaseDeadlineSettings(db),
          now: new Date(),
        },
        userOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ caseId });
    },
  );

  app.post(
    '/reporting/reports/:id/exclusions',
    {
      preHandler: managers,
      schema: {
        tags: ['reporting'],
        summary: 'Exclude a person from the report and its case (conflict of interest)',
        params: ReportIdParams,
        body: ReportExclusionBody,
        response: { 200: ReportOk },
      },
    },
    async (request) => {
      excludeFromReport(
        db,
        userOf(request),
        request.params.id,
        request.body.userId,
        request.body.reason,
        new Date(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/reporting/reports/:id/keys',
    {
      preHandler: managers,
      schema: {
        tags: ['reporting'],
        summary: 'Seal the report key to a recipient who joined after the report came in',
        params: ReportIdParams,
        body: ResealBody,
        response: { 201: ReportOk },
      },
    },
    async (request, reply) => {
      resealReport(
        db,
        userOf(request),
        request.params.id,
        request.body.recipientId,
        request.body.sealedKey,
      );
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.put(
    '/reporting/questionnaire',
    {
      preHandler: app.requireRole(['admin']),
      schema: {
        tags: ['reporting'],
        summary: "Replace the public form's questions (null: the default ones)",
        body: ReportQuestionnaireBody,
        response: { 200: ReportQuestionnaire },
      },
    },
    async (request) => ({
      questions: setQuestionnaire(db, userOf(request).id, request.body.questions),
    }),
  );

  app.get(
    '/reporting/questionnaire',
    {
      // The questions are public (the report form shows them); recipients need their labels.
      preHandler: app.requireRole(['admin', 'manager', 'investigator']),
      schema: {
        tags: ['reporting'],
        summary: "The public form's questions",
        response: { 200: ReportQuestionnaire },
      },
    },
    async () => ({ questions: readQuestionnaire(db) }),
  );

  app.delete(
    '/reporting/reports/:id',
    {
      preHandler: managers,
      schema: {
        tags: ['reporting'],
        summary: 'Delete the report now, for real (ciphertext, attachments, thread)',
        params: ReportIdParams,
        response: { 200: ReportOk },
      },
    },
    async (request) => {
      const user = userOf(request);
      loadReportFor(db, user, request.params.id);
      deleteReport(db, request.params.id, user.id, 'manual');
      return { ok: true as const };
    },
  );

  app.get(
    '/reporting/settings',
    {
      preHandler: app.requireRole(['admin', 'manager']),
      schema: {
        tags: ['reporting'],
        summary: 'Reporting channel settings: proof-of-work cost, budgets, retention',
        response: { 200: ReportingSettings },
      },
    },
    async () => settingsOf(readReportingConfig(db)),
  );

  app.put(
    '/reporting/settings',
    {
      preHandler: app.requireRole(['admin']),
      schema: {
        tags: ['reporting'],
        summary: 'Change the reporting channel settings',
        body: ReportingSettings,
        response: { 200: ReportingSettings },
      },
    },
    async (request) => settingsOf(updateReportingConfig(db, userOf(request).id, request.body)),
  );
};

export default reportInbox;
