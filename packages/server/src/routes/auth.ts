import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CodeRequest,
  EnrolResponse,
  LoginRequest,
  LoginResponse,
  SessionResponse,
} from '../api/auth.js';
import { ErrorResponse, OkResponse } from '../api/common.js';
import { appendAudit } from '../audit/audit-trail.js';
import { enrolmentStep, passwordStep, secondFactorStep } from '../auth/login.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { revokeSession } from '../auth/sessions.js';
import { findUserById } from '../auth/users.js';
import type { Db } from '../store/database.js';
import { unauthenticated } from '../errors.js';

function sessionBody(db: Db, userId: number, csrfToken: string) {
  const user = findUserById(db, userId);
  if (!user) throw unauthenticated();
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
  };
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse };

/** Sign-in (password, then TOTP or first enrolment), session, sign-out. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const config = app.serverConfig;

  app.post(
    '/auth/login',
    {
      config: { public: true, csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Check username and password; the answer says which second step follows',
        security: [],
        body: LoginRequest,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await passwordStep(db, config, request.body.username, request.body.password);
      setSessionCookie(reply, config, result.token);
      return result.status === 'totp_required'
        ? { status: result.status }
        : { status: result.status, otpauthUri: result.otpauthUri, secret: result.secret };
    },
  );

  app.post(
    '/auth/totp',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Complete sign-in with a TOTP code or a recovery code',
        security: [],
        body: CodeRequest,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const done = await secondFactorStep(db, config, request.authSession, request.body.code);
      setSessionCookie(reply, config, done.token);
      return sessionBody(db, done.userId, done.csrfToken);
    },
  );

  app.post(
    '/auth/enrol',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code; returns the recovery codes once',
        security: [],
        body: CodeRequest,
        response: { 200: EnrolResponse, ...errors },
      },
    },
    async (request, reply) => {
      const done = await enrolmentStep(db, config, request.authSession, request.body.code);
      setSessionCookie(reply, config, done.token);
      return { ...sessionBody(db, done.userId, done.csrfToken), recoveryCodes: done.recoveryCodes };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { allowWithPasswordChangePending: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person and the CSRF token of the session',
        response: { 200: SessionResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const session = request.authSession;
      if (!request.user || !session) throw unauthenticated();
      return sessionBody(db, request.user.id, session.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { allowWithPasswordChangePending: true },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 200: OkResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const session = request.authSession;
      const user = request.user;
      if (!session || !user) throw unauthenticated();
      db.transaction(() => {
        revokeSession(db, session.tokenHash);
        appendAudit(db, {
          actorId: user.id,
          action: 'auth.logout',
          targetType: 'user',
          targetId: String(user.id),
        });
      })();
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );
};
export default authRoutes;
