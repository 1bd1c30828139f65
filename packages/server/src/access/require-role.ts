import type { FastifyRequest, RouteOptions, preHandlerAsyncHookHandler } from 'fastify';
import { forbidden, unauthenticated } from '../errors.js';
import type { Role } from './roles.js';

const allowedRoles = Symbol('probity.allowedRoles');

type RoleCheck = preHandlerAsyncHookHandler & { [allowedRoles]: readonly Role[] };

/** A hook refusing anonymous callers (401) and callers without one of `allowed` (403). */
export function requireRole(allowed: readonly Role[]): preHandlerAsyncHookHandler {
  const roles = Object.freeze([...allowed]);
  const check = async function requireRoleHook(request: FastifyRequest) {
    if (!request.user) throw unauthenticated();
    if (!roles.includes(request.user.role)) throw forbidden();
  } as unknown as RoleCheck;
  check[allowedRoles] = roles;
  return check;
}

function isRoleCheck(hook: unknown): hook is RoleCheck {
  return typeof hook === 'function' && allowedRoles in hook;
}

/**
 * onRoute hook: move `requireRole` checks from `preHandler` to `onRequest`, so
 * the role is checked before the body is parsed and validated (a refused
 * caller gets 403, not a 400 describing the schema). Returns the roles found.
 */
export function hoistRoleChecks(route: RouteOptions): readonly Role[] | null {
  const handlers = route.preHandler;
  const list = Array.isArray(handlers) ? handlers : handlers ? [handlers] : [];
  const checks = list.filter(isRoleCheck);
  if (checks.length === 0) return null;
  route.preHandler = list.filter((hook) => !isRoleCheck(hook));
  const onRequest = Array.isArray(route.onRequest)
    ? route.onRequest
    : route.onRequest
      ? [route.onRequest]
      : [];
  route.onRequest = [...onRequest, ...(checks as unknown as typeof onRequest)];
  return checks.flatMap((check) => check[allowedRoles]);
}
