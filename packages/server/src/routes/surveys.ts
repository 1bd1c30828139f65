import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../api/common.js';
import {
  InvitationCodes,
  InvitationRequest,
  QuestionnaireList,
  SurveyComparison,
  SurveyComparisonQuery,
  SurveyExport,
  SurveyExportQuery,
  SurveyResults,
  SurveyRound,
  SurveyRoundCreate,
  SurveyRoundList,
  SurveyRoundParams,
} from '../api/surveys.js';
import { appendAudit } from '../audit/audit-trail.js';
import { unauthenticated } from '../errors.js';
import { bundledQuestionnaires } from '../surveys/bundled-questionnaires.js';
import { surveyManagers, surveyReaders } from '../surveys/survey-roles.js';
import { compareRounds } from '../surveys/survey-comparison.js';
import { exportCsv, exportJson } from '../surveys/survey-export.js';
import { surveyResults } from '../surveys/survey-results.js';
import {
  closeRound,
  createRound,
  issueInvitations,
  listRounds,
  roundById,
  toSurveyRound,
} from '../surveys/survey-rounds.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/**
 * Perception survey rounds in the workspace (docs/surveys.md): managers
 * create and close rounds and issue invitation codes; managers, analysts and
 * auditors read results once a round is closed, compare rounds and export
 * the aggregates (on the audit trail). Admins and investigators have no
 * access.
 */
const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const withLink = (role: string | undefined) => ({ withLink: role === 'manager' });

  app.get(
    '/surveys/questionnaires',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'The bundled questionnaires (ten Arusha factors, two audiences)',
        response: { 200: QuestionnaireList, ...errors },
      },
    },
    async () => ({ questionnaires: [...bundledQuestionnaires] }),
  );

  app.get(
    '/surveys/rounds',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'Survey rounds, newest first',
        response: { 200: SurveyRoundList, ...errors },
      },
    },
    async (request) => {
      const now = new Date();
      return {
        rounds: listRounds(db).map((r) => toSurveyRound(db, r, now, withLink(request.user?.role))),
      };
    },
  );

  app.post(
    '/surveys/rounds',
    {
      preHandler: app.requireRole(surveyManagers),
      schema: {
        tags: ['surveys'],
        summary: 'Create a survey round with its distribution link (manager)',
        body: SurveyRoundCreate,
        response: { 201: SurveyRound, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.user) throw unauthenticated();
      const now = new Date();
      const row = createRound(db, request.user.id, request.body, now);
      return reply.status(201).send(toSurveyRound(db, row, now, { withLink: true }));
    },
  );

  app.get(
    '/surveys/rounds/:id',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'One survey round',
        params: SurveyRoundParams,
        response: { 200: SurveyRound, ...errors },
      },
    },
    async (request) =>
      toSurveyRound(db, roundById(db, request.params.id), new Date(), withLink(request.user?.role)),
  );

  app.post(
    '/surveys/rounds/:id/close',
    {
      preHandler: app.requireRole(surveyManagers),
      schema: {
        tags: ['surveys'],
        summary: 'Close a round before its closing day (manager)',
        params: SurveyRoundParams,
        response: { 200: SurveyRound, ...errors },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const now = new Date();
      const row = closeRound(db, request.user.id, request.params.id, now);
      return toSurveyRound(db, row, now, { withLink: true });
    },
  );

  app.post(
    '/surveys/rounds/:id/invitations',
    {
      preHandler: app.requireRole(surveyManagers),
      schema: {
        tags: ['surveys'],
        summary: 'Issue single-use invitation codes, shown once (manager)',
        params: SurveyRoundParams,
        body: InvitationRequest,
        response: { 201: InvitationCodes, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.user) throw unauthenticated();
      const issued = issueInvitations(
        db,
        request.user.id,
        request.params.id,
        request.body.count,
        new Date(),
      );
      return reply.status(201).send(issued);
    },
  );

  app.get(
    '/surveys/rounds/:id/results',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'Results of a closed round by factor and group; small groups suppressed',
        params: SurveyRoundParams,
        response: { 200: SurveyResults, ...errors },
      },
    },
    async (request) =>
      surveyResults(db, roundById(db, request.params.id), new Date(), withLink(request.user?.role)),
  );

  app.get(
    '/surveys/rounds/:id/export',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'Aggregate results of a closed round as CSV or JSON (on the audit trail)',
        params: SurveyRoundParams,
        querystring: SurveyExportQuery,
        // JSON: the aggregates; CSV: the same as text.
        response: { 200: Type.Union([SurveyExport, Type.String()]), ...errors },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw unauthenticated();
      const format = request.query.format ?? 'json';
      const round = roundById(db, request.params.id);
      const results = surveyResults(db, round, new Date(), { withLink: false });
      db.transaction(() =>
        appendAudit(db, {
          actorId: user.id,
          action: 'export',
          targetType: 'survey_round',
          targetId: String(round.id),
          details: { what: 'survey_results', format },
        }),
      )();
      const name = `survey-round-${round.id}-results.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') {
        // The CSV bypasses the JSON schema: it is built from the schema-shaped results.
        return reply
          .type('text/csv; charset=utf-8')
          .serializer((p) => String(p))
          .send(exportCsv(results));
      }
      return exportJson(results);
    },
  );

  app.get(
    '/surveys/comparison',
    {
      preHandler: app.requireRole(surveyReaders),
      schema: {
        tags: ['surveys'],
        summary: 'Two closed rounds of one audience compared by factor, with 95% intervals',
        querystring: SurveyComparisonQuery,
        response: { 200: SurveyComparison, ...errors },
      },
    },
    async (request) =>
      compareRounds(
        db,
        roundById(db, request.query.earlier),
        roundById(db, request.query.later),
        new Date(),
        withLink(request.user?.role),
      ),
  );
};
export default surveyRoutes;
