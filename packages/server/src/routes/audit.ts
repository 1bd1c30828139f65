import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, AuditVerifyResponse } from '../api/audit.js';
import { ErrorResponse } from '../api/common.js';
import { auditHead, listAudit, verifyAuditChain } from '../audit/audit-trail.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The audit trail, for auditors: read it page by page, check its hash chain. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const auditorOnly = app.requireRole(['auditor']);

  app.get(
    '/audit',
    {
      preHandler: auditorOnly,
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request) => {
      const { beforeId, limit, action } = request.query;
      const entries = listAudit(db, { beforeId, limit, action });
      const last = entries.at(-1);
      return {
        entries,
        nextBeforeId: entries.length === limit && last && last.id > 1 ? last.id : null,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      preHandler: auditorOnly,
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain; names the first broken entry',
        response: { 200: AuditVerifyResponse, ...errors },
      },
    },
    async () => {
      const result = verifyAuditChain(db);
      if (!result.ok) return result;
      const head = auditHead(db);
      return { ...result, headId: head?.id ?? null, headHash: head?.hash ?? null };
    },
  );
};
export default auditRoutes;
