import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsErrorBody } from '../api/analytics-common.js';
import {
  EvidenceQuery,
  EvidenceResponse,
  FunnelIndexResponse,
  FunnelParams,
  FunnelResponse,
  PairsQuery,
  PairsResponse,
  UnitDetailResponse,
  UnitParams,
  UnitsQuery,
  UnitsResponse,
} from '../api/analytics-integrity.js';
import { dashboardRoles, evidenceRoles } from '../analytics/analytics-roles.js';
import type { AnalyticsService } from '../analytics/analytics-service.js';
import { sendRunAnswer } from '../analytics/cached-reply.js';
import { unitEvidence } from '../analytics/evidence-queries.js';
import { funnel, funnelIndex } from '../analytics/funnel-queries.js';
import { allPairs, listPairs } from '../analytics/pair-queries.js';
import type { UnitIndex } from '../analytics/unit-queries.js';
import { findUnit, listUnits, unitDetail, unitIndex } from '../analytics/unit-queries.js';

const errors = { 404: AnalyticsErrorBody, 409: AnalyticsErrorBody };

const unitsOf = (service: AnalyticsService): Promise<UnitIndex> =>
  service.forRun('units', null, (run, reader) => unitIndex(service, run, reader));

/**
 * Integrity risk: ranked units, unit detail with the declarations behind
 * each flag, funnel plots, officer–declarant pairs. People and firms appear
 * only as pseudonyms.
 */
const integrityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/integrity/units',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Units ranked by integrity risk, with status and explanation; filters, pages',
        querystring: UnitsQuery,
        response: { 200: UnitsResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      return sendRunAnswer(reply, service, 'units', request.query, async (run) =>
        listUnits(run, await unitsOf(service), request.query),
      );
    },
  );

  app.get(
    '/integrity/units/:kind/:unit',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'A unit (by pseudonym, or office code) with every indicator and its pairs',
        params: UnitParams,
        response: { 200: UnitDetailResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const { kind, unit } = request.params;
      const entry = findUnit(await unitsOf(service), kind, unit);
      return sendRunAnswer(reply, service, 'unit', { kind, unit }, (run, reader) =>
        unitDetail(service, run, reader, entry),
      );
    },
  );

  app.get(
    '/integrity/units/:kind/:unit/evidence',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The declarations behind a unit’s flagged and watched indicators, paginated',
        params: UnitParams,
        querystring: EvidenceQuery,
        response: { 200: EvidenceResponse, ...errors },
      },
      preHandler: app.requireRole(evidenceRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const { kind, unit } = request.params;
      const entry = findUnit(await unitsOf(service), kind, unit);
      return sendRunAnswer(
        reply,
        service,
        'evidence',
        { kind, unit, ...request.query },
        (run, reader) => unitEvidence(service, run, reader, entry, request.query),
      );
    },
  );

  app.get(
    '/integrity/funnels',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The funnel plots of the analysis, per unit kind and indicator',
        response: { 200: FunnelIndexResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (_request, reply) => {
      const service = app.analytics;
      return sendRunAnswer(reply, service, 'funnel-index', null, (run, reader) =>
        funnelIndex(service, run, reader),
      );
    },
  );

  app.get(
    '/integrity/funnels/:kind/:indicator',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'One funnel plot: units (pseudonyms) with volume, ratio, q, and control limits',
        params: FunnelParams,
        response: { 200: FunnelResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      const { kind, indicator } = request.params;
      return sendRunAnswer(reply, service, 'funnel', { kind, indicator }, (run, reader) =>
        funnel(service, run, reader, kind, indicator),
      );
    },
  );

  app.get(
    '/integrity/pairs',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Officer–declarant pairs: observed, expected, lift, p and q; filters, pages',
        querystring: PairsQuery,
        response: { 200: PairsResponse, ...errors },
      },
      preHandler: app.requireRole(dashboardRoles),
    },
    async (request, reply) => {
      const service = app.analytics;
      return sendRunAnswer(reply, service, 'pairs', request.query, async (run, reader) =>
        listPairs(run, await allPairs(service, run, reader), request.query),
      );
    },
  );
};
export default integrityRoutes;
