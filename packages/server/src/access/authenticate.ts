import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionCookieName } from '../auth/session-cookie.js';
import { sessionLimits } from '../auth/session-limits.js';
import { findSession, touchSession } from '../auth/sessions.js';
import { findUserById } from '../auth/users.js';
import { ServerError, unauthenticated } from '../errors.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * onRequest hook, first of all: read the session cookie into `request.user`
 * and `request.authSession`, then enforce default-deny (every /api route
 * refuses anonymous requests unless its config says `public: true`), the
 * pending password change, and CSRF (state-changing requests in a signed-in
 * session carry `x-csrf-token` equal to the session's token).
 */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const app = request.server;
  const db = app.store.db;
  request.user = null;
  request.authSession = null;
  const token = request.cookies[sessionCookieName];
  let mustChangePassword = false;
  if (token) {
    const session = findSession(db, token, sessionLimits(app.serverConfig));
    if (session) {
      request.authSession = session;
      if (session.stage === 'active') {
        const account = findUserById(db, session.userId);
        if (account && !account.disabled) {
          request.user = {
            id: account.id,
            username: account.username,
            displayName: account.displayName,
            role: account.role,
          };
          mustChangePassword = account.mustChangePassword;
          touchSession(db, session);
        }
      }
    }
  }
  if (!isApiPath(request.url)) return;
  const config = request.routeOptions.config;
  if (!config.public && !request.user) throw unauthenticated();
  if (mustChangePassword && !config.public && !config.allowWithPasswordChangePending) {
    throw new ServerError(
      'PASSWORD_CHANGE_REQUIRED',
      403,
      'Choose a new password before continuing.',
    );
  }
  if (
    stateChanging.has(request.method) &&
    request.user &&
    request.authSession &&
    config.csrf !== false &&
    !sameToken(request.authSession.csrfToken, request.headers['x-csrf-token'])
  ) {
    throw new ServerError('CSRF_TOKEN_INVALID', 403, 'Missing or wrong x-csrf-token header.');
  }
}
