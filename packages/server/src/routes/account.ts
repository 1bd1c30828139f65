import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PasswordChangeRequest, RecoveryCodesResponse } from '../api/auth.js';
import { ErrorResponse, OkResponse } from '../api/common.js';
import { appendAudit } from '../audit/audit-trail.js';
import { changeOwnPassword } from '../auth/accounts.js';
import { replaceRecoveryCodes } from '../auth/recovery-codes.js';
import { unauthenticated } from '../errors.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The signed-in person's own account: password change, new recovery codes. */
const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;

  app.post(
    '/account/password',
    {
      config: { allowWithPasswordChangePending: true },
      schema: {
        tags: ['account'],
        summary: 'Change one’s own password; other sessions are revoked',
        body: PasswordChangeRequest,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      const session = request.authSession;
      if (!request.user || !session) throw unauthenticated();
      await changeOwnPassword(
        db,
        request.user,
        session.tokenHash,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/account/recovery-codes',
    {
      schema: {
        tags: ['account'],
        summary: 'Replace one’s recovery codes; the new ones are shown once',
        response: { 200: RecoveryCodesResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      if (!user) throw unauthenticated();
      const recoveryCodes = db.transaction(() => {
        const codes = replaceRecoveryCodes(db, user.id);
        appendAudit(db, {
          actorId: user.id,
          action: 'account.recovery_codes_replace',
          targetType: 'user',
          targetId: String(user.id),
        });
        return codes;
      })();
      return { recoveryCodes };
    },
  );
};
export default accountRoutes;
