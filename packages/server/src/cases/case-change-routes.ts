import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaseAccessBody,
  CaseAssignBody,
  CaseChangeResponse,
  CaseCloseApprovalBody,
  CaseCloseProposalBody,
  CaseExclusionBody,
  CaseIdParams,
  CaseNoteBody,
  CaseReopenBody,
  CaseTransitionBody,
} from '../api/cases.js';
import { loadCaseFor } from './case-access.js';
import { caseActorOf } from './case-actor.js';
import { caseBadRequest, caseErrorCodes } from './case-errors.js';
import {
  excludeFromCase,
  grantCaseAccess,
  liftCaseExclusion,
  revokeCaseAccess,
} from './case-grants.js';
import { caseSummary } from './case-queries.js';
import { readCaseDeadlineSettings } from './case-settings.js';
import type { CaseActor, Db } from './case-types.js';
import {
  addCaseNote,
  assignCase,
  decideClosure,
  proposeClosure,
  reopenCase,
  transitionCase,
} from './case-workflow.js';

/** The case as it now is, for the acting person (summary level suffices after a change). */
function changed(db: Db, actor: CaseActor, caseId: number, now: Date) {
  const { row, visibility } = loadCaseFor(db, actor, caseId, 'summary');
  return { case: caseSummary(db, row, readCaseDeadlineSettings(db), now, visibility) };
}

/**
 * The state-changing case routes (registered by routes/cases.ts). Each
 * change and its history and audit entries are written in one transaction.
 */
const caseChangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const leads = app.requireRole(['investigator', 'manager']);
  const managers = app.requireRole(['manager']);
  const schema = <B>(summary: string, body: B) => ({
    tags: ['cases'],
    summary,
    params: CaseIdParams,
    body,
    response: { 200: CaseChangeResponse },
  });

  app.post(
    '/cases/:id/transition',
    {
      preHandler: leads,
      schema: schema('Move a case received → triage → investigation', CaseTransitionBody),
    },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      transitionCase(
        db,
        actor,
        request.params.id,
        request.body.to,
        request.body.reason ?? null,
        now,
      );
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/assign',
    {
      preHandler: managers,
      schema: schema('Assign the investigator (and the case deadline)', CaseAssignBody),
    },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      const { investigatorId, deadline } = request.body;
      assignCase(
        db,
        actor,
        request.params.id,
        {
          investigatorId,
          ...(deadline === undefined
            ? {}
            : { deadline: deadline === null ? null : new Date(deadline).toISOString() }),
        },
        now,
      );
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/notes',
    { preHandler: leads, schema: schema('Add a note', CaseNoteBody) },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      addCaseNote(db, actor, request.params.id, request.body.text, now);
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/exclusions',
    {
      preHandler: managers,
      schema: schema('Exclude a person for conflict of interest (or lift it)', CaseExclusionBody),
    },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      const { userId, reason, lift } = request.body;
      if (lift) liftCaseExclusion(db, actor, request.params.id, userId, now);
      else if (!reason) {
        throw caseBadRequest(caseErrorCodes.badRequest, 'An exclusion needs a reason.');
      } else excludeFromCase(db, actor, request.params.id, userId, reason, now);
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/access',
    { preHandler: managers, schema: schema('Grant or revoke need-to-know access', CaseAccessBody) },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      const { userId, grant } = request.body;
      if (grant === false) revokeCaseAccess(db, actor, request.params.id, userId, now);
      else grantCaseAccess(db, actor, request.params.id, userId, now);
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/close-proposal',
    {
      preHandler: leads,
      schema: schema('Propose closure with an outcome (to review)', CaseCloseProposalBody),
    },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      proposeClosure(db, actor, request.params.id, request.body.outcome, request.body.reasons, now);
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/close-approval',
    {
      preHandler: managers,
      schema: schema(
        'Approve or reject a closure (a manager other than the proposer)',
        CaseCloseApprovalBody,
      ),
    },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      const { approve, comment } = request.body;
      decideClosure(db, actor, request.params.id, approve, comment ?? null, now);
      return changed(db, actor, request.params.id, now);
    },
  );

  app.post(
    '/cases/:id/reopen',
    { preHandler: managers, schema: schema('Reopen a closed case, with a reason', CaseReopenBody) },
    async (request) => {
      const actor = caseActorOf(request);
      const now = new Date();
      reopenCase(db, actor, request.params.id, request.body.reason, now);
      return changed(db, actor, request.params.id, now);
    },
  );
};
export default caseChangeRoutes;
