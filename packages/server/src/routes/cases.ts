import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaseCandidates,
  CaseCandidatesQuery,
  CaseChangeResponse,
  CaseCreateBody,
  CaseDetail,
  CaseHistory,
  CaseIdParams,
  CaseList,
  CaseListQuery,
  CaseReminders,
  CaseStatistics,
} from '../api/cases.js';
import { loadCaseFor } from '../cases/case-access.js';
import { readCaseDetail, readCaseHistoryFor } from '../cases/case-detail.js';
import { openCase } from '../cases/case-open.js';
import { caseCandidates } from '../cases/case-people.js';
import { caseReminders, caseStatistics, caseSummary, listCases } from '../cases/case-queries.js';
import { readCaseDeadlineSettings } from '../cases/case-settings.js';
import { caseActorOf } from '../cases/case-actor.js';
import caseChangeRoutes from '../cases/case-change-routes.js';

/**
 * Case routes (docs/cases.md). Admins get 403 on every one of them (they
 * manage users and settings, not investigations); auditors only reach the
 * statistics. A case a person may not know exists is always a 404.
 */
const cases: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const readers = app.requireRole(['analyst', 'investigator', 'manager']);

  app.get(
    '/cases',
    {
      preHandler: readers,
      schema: {
        tags: ['cases'],
        summary: 'Cases the reader may know exist (filters, pagination, reminder flags)',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) =>
      listCases(db, caseActorOf(request), request.query, readCaseDeadlineSettings(db), new Date()),
  );

  app.post(
    '/cases',
    {
      preHandler: readers,
      schema: {
        tags: ['cases'],
        summary: 'Open a case from a flagged unit, a pair, or by hand (evidence frozen now)',
        body: CaseCreateBody,
        response: { 201: CaseChangeResponse },
      },
    },
    async (request, reply) => {
      const actor = caseActorOf(request);
      const settings = readCaseDeadlineSettings(db);
      const now = new Date();
      const id = await openCase(
        {
          db,
          warehouse: app.warehouse?.connection ?? null,
          pseudonymKey: app.serverConfig.pseudonymKey,
          settings,
          now,
        },
        actor,
        request.body,
      );
      const { row, visibility } = loadCaseFor(db, actor, id, 'summary');
      return reply.status(201).send({ case: caseSummary(db, row, settings, now, visibility) });
    },
  );

  app.get(
    '/cases/statistics',
    {
      preHandler: app.requireRole(['manager', 'auditor']),
      schema: {
        tags: ['cases'],
        summary: 'Case counts by state, outcome and source (no contents)',
        response: { 200: CaseStatistics },
      },
    },
    async () => caseStatistics(db, readCaseDeadlineSettings(db), new Date()),
  );

  app.get(
    '/cases/reminders',
    {
      preHandler: app.requireRole(['investigator', 'manager']),
      schema: {
        tags: ['cases'],
        summary: "The reader's overdue and due-soon cases and closures awaiting their decision",
        response: { 200: CaseReminders },
      },
    },
    async (request) =>
      caseReminders(db, caseActorOf(request), readCaseDeadlineSettings(db), new Date()),
  );

  for (const [url, investigatorsOnly, summary] of [
    ['/cases/assignees', true, 'Active investigators a manager may assign or grant a case to'],
    ['/cases/people', false, 'Active staff a manager may exclude from a case'],
  ] as const) {
    app.get(
      url,
      {
        preHandler: app.requireRole(['manager']),
        schema: {
          tags: ['cases'],
          summary,
          querystring: CaseCandidatesQuery,
          response: { 200: CaseCandidates },
        },
      },
      async (request) => ({
        people: caseCandidates(db, caseActorOf(request), {
          investigatorsOnly,
          ...(request.query.caseId === undefined ? {} : { caseId: request.query.caseId }),
        }),
      }),
    );
  }

  app.get(
    '/cases/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['cases'],
        summary: 'A case: summary, notes, frozen evidence, access (what the reader may see)',
        params: CaseIdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) =>
      readCaseDetail(
        db,
        caseActorOf(request),
        request.params.id,
        readCaseDeadlineSettings(db),
        app.serverConfig.pseudonymKey,
        new Date(),
      ),
  );

  app.get(
    '/cases/:id/history',
    {
      preHandler: app.requireRole(['investigator', 'manager']),
      schema: {
        tags: ['cases'],
        summary: "A case's full history",
        params: CaseIdParams,
        response: { 200: CaseHistory },
      },
    },
    async (request) => ({
      entries: readCaseHistoryFor(db, caseActorOf(request), request.params.id),
    }),
  );

  await app.register(caseChangeRoutes);
};
export default cases;
