import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsErrorBody } from '../api/analytics-common.js';
import {
  ReleaseDistributionQuery,
  ReleaseDistributionResponse,
  ReleaseTimesQuery,
  ReleaseTimesResponse,
} from '../api/analytics-release-times.js';
import { dashboardRoles } from '../analytics/analytics-roles.js';
import { sendRunAnswer } from '../analytics/cached-reply.js';
import { releaseDistribution, releaseTimesOfRun } from '../analytics/release-time-queries.js';

const errors = { 404: AnalyticsErrorBody, 409: AnalyticsErrorBody };

/** Time Release Study: segment statistics, and duration histograms per group. */
const releaseTimesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/release-times',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Release time segments: n, mean, median, 90th percentile by breakdown',
        querystring: ReleaseTimesQuery,
        response: { 200: ReleaseTimesResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const { segment, breakdown } = request.query;
      return sendRunAnswer(reply, service, 'release-times', { segment, breakdown }, async () => {
        const all = await service.forRun('release-times', null, releaseTimesOfRun);
        return {
          ...all,
          stats: all.stats.filter(
            (s) => (!segment || s.segment === segment) && (!breakdown || s.breakdown === breakdown),
          ),
        };
      });
    },
  );

  app.get(
    '/release-times/distribution',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Histogram of one segment’s durations per channel, office or transport mode',
        querystring: ReleaseDistributionQuery,
        response: { 200: ReleaseDistributionResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const segment = request.query.segment ?? 'lodgement_release';
      const by = request.query.by ?? 'channel';
      return sendRunAnswer(
        reply,
        service,
        'release-distribution',
        { segment, by },
        async (run, reader) => {
          const { maxHours } = await service.forRun('release-times', null, releaseTimesOfRun);
          return releaseDistribution(service, run, reader, segment, by, maxHours);
        },
      );
    },
  );
};
export default releaseTimesRoutes;
