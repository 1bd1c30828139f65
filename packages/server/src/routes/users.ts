import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, IdParams } from '../api/common.js';
import {
  CreateUserRequest,
  RevokedResponse,
  TemporaryPasswordResponse,
  UpdateUserRequest,
  UserList,
  UserResponse,
} from '../api/users.js';
import { appendAudit } from '../audit/audit-trail.js';
import { assertAdminRemains, createAccount, resetPassword } from '../auth/accounts.js';
import { revokeUserSessions } from '../auth/sessions.js';
import { resetTotp } from '../auth/totp-secrets.js';
import { findUserById, listUsers, updateUser } from '../auth/users.js';
import type { UserAccount } from '../auth/users.js';
import { notFound, unauthenticated } from '../errors.js';
import type { Db } from '../store/database.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

function existing(db: Db, id: number): UserAccount {
  const user = findUserById(db, id);
  if (!user) throw notFound('No such user.');
  return user;
}

/** User administration (admin only): list, create, change role, disable, revoke sessions, reset TOTP or password. */
const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const adminOnly = app.requireRole(['admin']);
  const actor = (user: { id: number } | null) => {
    if (!user) throw unauthenticated();
    return user.id;
  };

  app.get(
    '/users',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Every user account',
        response: { 200: UserList, ...errors },
      },
    },
    async () => ({ users: listUsers(db) }),
  );

  app.post(
    '/users',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Create a user; the temporary password is shown once',
        body: CreateUserRequest,
        response: { 200: TemporaryPasswordResponse, ...errors },
      },
    },
    async (request) => createAccount(db, actor(request.user), request.body),
  );

  app.patch(
    '/users/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Change a user’s role, display name or disabled state',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserResponse, ...errors },
      },
    },
    async (request) => {
      const actorId = actor(request.user);
      const { id } = request.params;
      const { role, displayName, disabled } = request.body;
      db.transaction(() => {
        const user = existing(db, id);
        assertAdminRemains(db, user, { role, disabled });
        updateUser(db, id, { role, displayName, disabled });
        // A disabled account loses its sessions at once; a role change applies at the next request anyway.
        const revoked = disabled === true ? revokeUserSessions(db, id) : 0;
        appendAudit(db, {
          actorId,
          action: 'user.update',
          targetType: 'user',
          targetId: String(id),
          details: {
            ...(role !== undefined && role !== user.role
              ? { role: { from: user.role, to: role } }
              : {}),
            ...(disabled !== undefined && disabled !== user.disabled ? { disabled } : {}),
            ...(displayName !== undefined ? { displayNameChanged: true } : {}),
            ...(revoked > 0 ? { sessionsRevoked: revoked } : {}),
          },
        });
      })();
      return { user: existing(db, id) };
    },
  );

  app.post(
    '/users/:id/revoke-sessions',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'End every session of a user',
        params: IdParams,
        response: { 200: RevokedResponse, ...errors },
      },
    },
    async (request) => {
      const actorId = actor(request.user);
      const { id } = request.params;
      const revoked = db.transaction(() => {
        existing(db, id);
        const count = revokeUserSessions(db, id);
        appendAudit(db, {
          actorId,
          action: 'user.sessions_revoke',
          targetType: 'user',
          targetId: String(id),
          details: { sessionsRevoked: count },
        });
        return count;
      })();
      return { revoked };
    },
  );

  app.post(
    '/users/:id/reset-totp',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary:
          'Forget a user’s authenticator and recovery codes; they enrol again at next sign-in',
        params: IdParams,
        response: { 200: UserResponse, ...errors },
      },
    },
    async (request) => {
      const actorId = actor(request.user);
      const { id } = request.params;
      db.transaction(() => {
        existing(db, id);
        resetTotp(db, id);
        revokeUserSessions(db, id);
        appendAudit(db, {
          actorId,
          action: 'user.totp_reset',
          targetType: 'user',
          targetId: String(id),
        });
      })();
      return { user: existing(db, id) };
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Give a user a new temporary password, shown once; their sessions end',
        params: IdParams,
        response: { 200: TemporaryPasswordResponse, ...errors },
      },
    },
    async (request) => {
      const temporaryPassword = await resetPassword(db, actor(request.user), request.params.id);
      return { user: existing(db, request.params.id), temporaryPassword };
    },
  );
};
export default usersRoutes;
