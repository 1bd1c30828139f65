import { openWarehouse, pseudonym, queryRows } from '@probity/engine';
import type { Warehouse } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/access/roles.js';
import type { ProbityApp } from '../src/app.js';
import { analyticsFixture } from './analytics-fixture.js';
import type { AnalyticsFixture } from './analytics-fixture.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let fx: AnalyticsFixture;
let officer: string;
beforeAll(async () => {
  fx = await analyticsFixture(4000);
  const [top] = await queryRows<{ unit_id: string }>(
    fx.warehouse.connection,
    `SELECT unit_id FROM analysis_units WHERE kind = 'officer' ORDER BY rank LIMIT 1`,
  );
  officer = pseudonym('officer', top?.unit_id ?? '', 'probity-demo-pseudonym-key');
}, 120_000);
afterAll(async () => {
  await fx?.cleanup();
});

const dashboards = () => [
  '/api/overview',
  '/api/release-times',
  '/api/release-times/distribution?by=office',
  '/api/integrity/units',
  `/api/integrity/units/officer/${officer}`,
  '/api/integrity/funnels',
  '/api/integrity/funnels/officer/downgrade',
  '/api/integrity/pairs',
  '/api/mirror',
  '/api/mirror/gaps',
  '/api/data/loads',
];
const evidence = () => `/api/integrity/units/officer/${officer}/evidence`;
const rejects = '/api/data/rejects';
const roles: Role[] = ['admin', 'analyst', 'investigator', 'manager', 'auditor'];

/** Expected status of each role on each kind of dashboard route. */
const allowed: Record<'dashboard' | 'evidence' | 'rejects', readonly Role[]> = {
  dashboard: ['analyst', 'manager', 'investigator', 'auditor'],
  evidence: ['analyst', 'manager', 'investigator'],
  rejects: ['analyst', 'manager'],
};

describe('who may read the dashboards', () => {
  let app: ProbityApp;
  beforeAll(async () => {
    app = await testApp({}, { warehouse: fx.warehouse });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses anonymous callers with 401 on every dashboard route', async () => {
    for (const url of [...dashboards(), evidence(), rejects]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('lets analysts, managers, investigators and auditors read, and refuses admins', async () => {
    const cases: [string, readonly Role[]][] = [
      ...dashboards().map((url): [string, readonly Role[]] => [url, allowed.dashboard]),
      [evidence(), allowed.evidence],
      [rejects, allowed.rejects],
    ];
    for (const role of roles) {
      const login = await loginAs(app, role);
      for (const [url, who] of cases) {
        const response = await app.inject({ method: 'GET', url, headers: login.headers });
        expect(response.statusCode, `${role} ${url}`).toBe(who.includes(role) ? 200 : 403);
      }
    }
  });

  it('answers no state-changing method on the dashboard routes', async () => {
    const login = await loginAs(app, 'analyst');
    const response = await app.inject({
      method: 'POST',
      url: '/api/overview',
      headers: login.headers,
    });
    expect([404, 405]).toContain(response.statusCode);
  });
});

describe('when there is nothing to show', () => {
  it('answers WAREHOUSE_MISSING (404) when the server has no warehouse', async () => {
    const app = await testApp();
    try {
      const login = await loginAs(app, 'analyst');
      for (const url of [...dashboards(), evidence(), rejects]) {
        const response = await app.inject({ method: 'GET', url, headers: login.headers });
        expect(response.statusCode, url).toBe(404);
        expect(response.json(), url).toMatchObject({ error: { code: 'WAREHOUSE_MISSING' } });
      }
    } finally {
      await app.close();
    }
  });

  it('answers ANALYSIS_MISSING and DATA_MISSING (409) on an empty warehouse', async () => {
    const empty: Warehouse = await openWarehouse(':memory:');
    const app = await testApp({}, { warehouse: empty });
    try {
      const login = await loginAs(app, 'analyst');
      for (const url of dashboards()) {
        const response = await app.inject({ method: 'GET', url, headers: login.headers });
        const code = url.startsWith('/api/data/') ? 'DATA_MISSING' : 'ANALYSIS_MISSING';
        expect(response.statusCode, url).toBe(409);
        expect(response.json(), url).toMatchObject({ error: { code } });
      }
    } finally {
      await app.close();
      empty.close();
    }
  });

  it('answers PSEUDONYM_KEY_MISMATCH when the analysis used another key', async () => {
    const app = await testApp(
      { pseudonymKey: 'another-key-of-this-site' },
      { warehouse: fx.warehouse },
    );
    try {
      const login = await loginAs(app, 'analyst');
      const response = await app.inject({
        method: 'GET',
        url: '/api/integrity/units',
        headers: login.headers,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: 'PSEUDONYM_KEY_MISMATCH' } });
    } finally {
      await app.close();
    }
  });
});
