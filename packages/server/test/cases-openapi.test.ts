import { afterEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
afterEach(async () => app.close());

describe('case routes in the OpenAPI document', () => {
  it('lists every case route with its request and response schemas', async () => {
    app = await testApp();
    // Signed in: whether the document itself is public is CORE's decision.
    const { headers } = await loginAs(app, 'manager');
    const r = await app.inject({ method: 'GET', url: '/api/docs/json', headers });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<string, { content?: Record<string, { schema?: object }> }>;
            requestBody?: { content?: Record<string, { schema?: object }> };
          }
        >
      >;
    };
    const caseRoutes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/cases'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(caseRoutes).toEqual(
      [
        'GET /api/cases',
        'POST /api/cases',
        'GET /api/cases/statistics',
        'GET /api/cases/reminders',
        'GET /api/cases/assignees',
        'GET /api/cases/people',
        'GET /api/cases/{id}',
        'GET /api/cases/{id}/history',
        'POST /api/cases/{id}/transition',
        'POST /api/cases/{id}/assign',
        'POST /api/cases/{id}/notes',
        'POST /api/cases/{id}/exclusions',
        'POST /api/cases/{id}/access',
        'POST /api/cases/{id}/close-proposal',
        'POST /api/cases/{id}/close-approval',
        'POST /api/cases/{id}/reopen',
        'POST /api/cases/{id}/reveal',
      ].sort(),
    );
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/cases')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
        if (!success?.[1].content?.['application/json']?.schema)
          missing.push(`${method} ${path} response`);
        if (method === 'post' && !op.requestBody?.content?.['application/json']?.schema)
          missing.push(`${method} ${path} request`);
      }
    }
    expect(missing).toEqual([]);
    const detail = doc.paths['/api/cases/{id}']?.['get']?.responses['200'];
    expect(detail?.content?.['application/json']?.schema).toMatchObject({ type: 'object' });
  });
});
