import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
let webRoot: string;

beforeAll(async () => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'probity-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>Probity</title><div id="root"></div>',
  );
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("app");');
  app = await testApp({ webRoot });
});
afterAll(async () => {
  await app.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('web app and API docs', () => {
  it('serves the web app at / with security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("style-src 'self';");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves built assets', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
  });

  it('answers index.html for client-side routes (SPA fallback)', async () => {
    const response = await app.inject({ method: 'GET', url: '/cases/12/history' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<div id="root">');
  });

  it('never answers index.html under /api', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(anonymous.statusCode).toBe(401);
    const analyst = await loginAs(app, 'analyst');
    const signedIn = await app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: analyst.headers,
    });
    expect(signedIn.statusCode).toBe(404);
    expect(signedIn.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('serves the OpenAPI document and its UI to signed-in people only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    const auditor = await loginAs(app, 'auditor');
    const json = await app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: auditor.headers,
    });
    expect(json.statusCode).toBe(200);
    const document = json.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/users',
        '/api/audit/verify',
        '/api/settings',
      ]),
    );
    expect(document.paths['/api/auth/login']?.['post']).toMatchObject({ security: [] });
    const ui = await app.inject({ method: 'GET', url: '/api/docs', headers: auditor.headers });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    // Swagger UI alone gets inline styles.
    expect(ui.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('documents a success response schema for every API route (what stops fields leaking)', async () => {
    const auditor = await loginAs(app, 'auditor');
    const json = await app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: auditor.headers,
    });
    const paths = json.json<{
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    }>().paths;
    const undocumented: string[] = [];
    for (const [route, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).find(([status]) =>
          status.startsWith('2'),
        );
        if (!success?.[1].content) undocumented.push(`${method.toUpperCase()} ${route}`);
      }
    }
    const documented = Object.values(paths).reduce(
      (n, operations) => n + Object.keys(operations).length,
      0,
    );
    const apiRoutes = app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(undocumented).toEqual([]);
    expect(documented).toBe(apiRoutes.length);
  });
});
