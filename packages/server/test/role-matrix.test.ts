import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/access/roles.js';
import type { ProbityApp, RouteEntry } from '../src/app.js';
import { sessionCookieName } from '../src/auth/session-cookie.js';
import { sessionLimits } from '../src/auth/session-limits.js';
import { createSession } from '../src/auth/sessions.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';
import { allRoles, routeExpectations } from './role-matrix-expectations.js';
import type { RouteExpectation } from './role-matrix-expectations.js';

let app: ProbityApp;
const userIds = new Map<Role, number>();

beforeAll(async () => {
  app = await testApp();
  for (const role of allRoles) userIds.set(role, (await loginAs(app, role)).userId);
});
afterAll(async () => {
  await app.close();
});

const key = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

function apiRoutes(): RouteEntry[] {
  return app.routeCatalog.filter((route) => route.url === '/api' || route.url.startsWith('/api/'));
}

/** A fresh session per call: some routes (logout, password change) end sessions. */
function headersFor(role: Role | null): Record<string, string> {
  if (role === null) return {};
  const userId = userIds.get(role);
  if (userId === undefined) throw new Error(`no user for ${role}`);
  const { token, csrfToken } = createSession(
    app.store.db,
    userId,
    'active',
    sessionLimits(app.serverConfig),
  );
  return { cookie: `${sessionCookieName}=${token}`, 'x-csrf-token': csrfToken };
}

async function call(method: string, url: string, expectation: RouteExpectation, role: Role | null) {
  const target =
    expectation.url ?? url.replace(/:[A-Za-z]+/g, '999999').replace(/\*$/, 'index.css');
  const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
  const response = await app.inject({
    method: method as 'GET',
    url: target,
    headers: headersFor(role),
    ...(hasBody ? { payload: (expectation.body ?? {}) as object } : {}),
  });
  const code = (() => {
    try {
      return (response.json() as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  })();
  const refusedAnonymous = response.statusCode === 401 && code === 'UNAUTHENTICATED';
  return {
    status: response.statusCode,
    code,
    refusedAnonymous,
    refusedRole: response.statusCode === 403,
  };
}

function allows(expectation: RouteExpectation, role: Role): boolean {
  const access = expectation.access;
  return access === 'public' || access === 'signed-in' || access.includes(role);
}

describe('role matrix', () => {
  it('has an expectation for every registered API route, and a route for every expectation', () => {
    const registered = apiRoutes().map(key).sort();
    const missing = registered.filter((route) => !(route in routeExpectations));
    const stale = Object.keys(routeExpectations).filter((route) => !registered.includes(route));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('refuses anonymous callers on every route except the public ones', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes()) {
      const expectation = routeExpectations[key(route)];
      if (!expectation) continue;
      const result = await call(route.method, route.url, expectation, null);
      const isPublic = expectation.access === 'public';
      if (isPublic === result.refusedAnonymous || result.status >= 500)
        wrong.push(`${key(route)} → ${result.status} ${result.code ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  for (const role of allRoles) {
    it(`lets ${role} call exactly the routes the table allows`, async () => {
      const wrong: string[] = [];
      for (const route of apiRoutes()) {
        const expectation = routeExpectations[key(route)];
        if (!expectation) continue;
        const result = await call(route.method, route.url, expectation, role);
        const refused = result.refusedAnonymous || result.refusedRole;
        // An allowed call may fail validation or find nothing (400/404/409) but never crash.
        if (refused === allows(expectation, role) || result.status >= 500) {
          wrong.push(`${key(route)} → ${result.status} ${result.code ?? ''}`);
        }
        // The HEAD twin Fastify adds to each GET route gets the same check.
        if (route.method === 'GET') {
          const head = await call('HEAD', route.url, expectation, role);
          if ((head.status === 403) !== result.refusedRole)
            wrong.push(`HEAD ${route.url} → ${head.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('refuses anonymous callers on every route reached through an encoded or odd path', async () => {
    const leaks: string[] = [];
    for (const route of apiRoutes()) {
      const expectation = routeExpectations[key(route)];
      if (!expectation || expectation.access === 'public') continue;
      const path =
        expectation.url ?? route.url.replace(/:[A-Za-z]+/g, '999999').replace(/\*$/, 'index.css');
      for (const variant of [
        path.replace('/api', '/%61pi'),
        path.replace('/api/', '/api/./'),
        `${path}/`,
      ]) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: variant,
          payload: route.method === 'GET' ? undefined : {},
        });
        if (response.statusCode < 400 || response.statusCode >= 500)
          leaks.push(`${route.method} ${variant} → ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('marks public in the code exactly the routes the table calls public', () => {
    const publicInCode = apiRoutes()
      .filter((route) => route.public)
      .map(key)
      .sort();
    const publicInTable = Object.entries(routeExpectations)
      .filter(([, expectation]) => expectation.access === 'public')
      .map(([route]) => route)
      .sort();
    expect(publicInCode).toEqual(publicInTable);
  });
});
