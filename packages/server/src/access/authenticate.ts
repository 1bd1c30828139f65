import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionCookieName } from '../auth/session-cookie.js';
import { sessionLimits } from '../auth/session-limits.js';
import { findSession, touchSession } from '../auth/sessions.js';
import { findUserById } from '../auth/users.js';
import { ServerError, unauthenticated } from '../errors.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApiPattern(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Whether default-deny applies: the route that matched is under /api, or the
 * decoded, lower-cased path is. Never the raw URL alone: the router decodes
 * `/%61pi/settings` to the route `/api/settings`, and a check on the raw text
 * would let it through. The path check covers 404s and the web app's catch-all
 * route, so anonymous probing of /api gets 401, not 404.
 */
function isApiRequest(request: FastifyRequest): boolean {
  const pattern = request.routeOptions.url;
  if (pattern !== undefined && isApiPattern(pattern)) return true;
  const path = request.url.split('?', 1)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed escapes: judge the raw path.
  }
  return isApiPattern(decoded.toLowerCase().replace(/\/{2,}/g, '/'));
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
  if (!isApiRequest(request)) return;
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
