import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseIdParams, RevealBody, RevealResponse } from '../api/cases.js';
import { caseActorOf } from '../cases/case-actor.js';
import { revealCaseSubject } from '../cases/case-reveal.js';

/**
 * POST /api/cases/:id/reveal: the real id(s) behind a case subject's
 * pseudonym(s), for the assigned investigator or a manager with access, with
 * a written justification; recorded in the case and on the audit trail.
 */
const reveal: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/cases/:id/reveal',
    {
      preHandler: app.requireRole(['investigator', 'manager']),
      schema: {
        tags: ['cases'],
        summary: "Reveal the real id(s) of a case's subject, with a justification",
        params: CaseIdParams,
        body: RevealBody,
        response: { 200: RevealResponse },
      },
    },
    async (request) => {
      return revealCaseSubject(
        app.store.db,
        caseActorOf(request),
        request.params.id,
        request.body.justification,
        new Date(),
      );
    },
  );
};
export default reveal;
