import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsErrorBody } from '../api/analytics-common.js';
import { OverviewResponse } from '../api/analytics-overview.js';
import { dashboardRoles } from '../analytics/analytics-roles.js';
import { sendRunAnswer } from '../analytics/cached-reply.js';
import { overview } from '../analytics/overview-queries.js';

/** `GET /api/overview`: the run, PMM-style indicators with trends, the clearance overview. */
const overviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Analysis run, PMM-style indicators by period and office, clearance overview',
        response: { 200: OverviewResponse, 404: AnalyticsErrorBody, 409: AnalyticsErrorBody },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (_request, reply) => {
      const service = app.analytics;
      return sendRunAnswer(reply, service, 'overview', null, () =>
        service.forRun('overview', null, overview),
      );
    },
  );
};
export default overviewRoutes;
