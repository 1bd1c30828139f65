import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsErrorBody } from '../api/analytics-common.js';
import { MirrorGapsQuery, MirrorGapsResponse, MirrorResponse } from '../api/analytics-mirror.js';
import { dashboardRoles } from '../analytics/analytics-roles.js';
import { sendRunAnswer } from '../analytics/cached-reply.js';
import { mirrorGaps, mirrorOverview } from '../analytics/mirror-queries.js';

const errors = { 404: AnalyticsErrorBody, 409: AnalyticsErrorBody };

/** Mirror analysis: largest gaps, the tariff–gap relation, declarants' and offices' shares. */
const mirrorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/mirror',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Mirror analysis: largest gaps by partner and HS6, tariff–gap points and slope',
        response: { 200: MirrorResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (_request, reply) => {
      const service = app.analytics;
      return sendRunAnswer(reply, service, 'mirror', null, () =>
        service.forRun('mirror', null, (run, reader) => mirrorOverview(service, run, reader)),
      );
    },
  );

  app.get(
    '/mirror/gaps',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Mirror cells by gap, largest first, by partner and/or HS6, paginated',
        querystring: MirrorGapsQuery,
        response: { 200: MirrorGapsResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) =>
      sendRunAnswer(reply, app.analytics, 'mirror-gaps', request.query, (run, reader) =>
        mirrorGaps(run, reader, request.query),
      ),
  );
};
export default mirrorRoutes;
