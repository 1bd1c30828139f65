import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsErrorBody } from '../api/analytics-common.js';
import { LoadsResponse, RejectsQuery, RejectsResponse } from '../api/analytics-data.js';
import { dashboardRoles, rejectedRowRoles } from '../analytics/analytics-roles.js';
import { sendDataAnswer } from '../analytics/cached-reply.js';
import { latestLoadId, loads, rejects } from '../analytics/data-queries.js';

const errors = { 404: AnalyticsErrorBody, 409: AnalyticsErrorBody };

/** The data behind the dashboards: loads, per-file reconciliation, rejected rows. */
const dataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/data/loads',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Loads with per-file reconciliation (read = accepted + rejected, sha256)',
        response: { 200: LoadsResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (_request, reply) => {
      const service = app.analytics;
      const reader = service.requireReader();
      const version = await service.version('load', () => latestLoadId(reader));
      return sendDataAnswer(reply, service, version, 'loads', null, () => loads(reader));
    },
  );

  app.get(
    '/data/rejects',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Rejected rows of a load with reasons (personal values pseudonymised), paginated',
        querystring: RejectsQuery,
        response: { 200: RejectsResponse, ...errors },
      },
      preHandler: app.requireRole(rejectedRowRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const reader = service.requireReader();
      const version = await service.version('load', () => latestLoadId(reader));
      const loadId = request.query.loadId ?? version;
      return sendDataAnswer(reply, service, version, 'rejects', { ...request.query, loadId }, () =>
        rejects(reader, loadId, request.query, (kind, id) => service.pseudonymOf(kind, id)),
      );
    },
  );
};
export default dataRoutes;
