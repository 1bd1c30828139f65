import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
afterEach(async () => {
  await app.close();
});

describe('buildApp', () => {
  it('answers the public health check without a session', async () => {
    app = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('refuses anonymous requests to unknown API paths with 401, not 404', async () => {
    app = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Authentication required.' },
    });
  });

  it('answers 404 with an error body to a signed-in caller on an unknown API path', async () => {
    app = await testApp();
    const analyst = await loginAs(app, 'analyst');
    const response = await app.inject({
      method: 'GET',
      url: '/api/no-such-route',
      headers: analyst.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('sets security headers on every response', async () => {
    app = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('logging', () => {
  it('redacts passwords, cookies and CSRF tokens from the log', async () => {
    const lines: string[] = [];
    app = await testApp(
      { logLevel: 'info' },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    const analyst = await loginAs(app, 'analyst');
    app.log.info(
      {
        req: { headers: analyst.headers },
        body: { password: 'hunter2-secret-pass', code: '123456' },
      },
      'a handler logging more than it should',
    );
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: analyst.cookie },
      payload: { username: 'analyst', password: 'hunter2-secret-pass' },
    });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).not.toContain('hunter2-secret-pass');
    expect(log).not.toContain(analyst.csrfToken);
    expect(log).not.toContain(analyst.cookie.split('=')[1]);
    expect(log).not.toContain('123456');
    expect(log).toContain('[redacted]');
  });
});

describe('request bodies', () => {
  it('refuses a text/plain body, the kind a cross-site form can send', async () => {
    app = await testApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"username":"a","password":"b"}',
    });
    expect(response.statusCode).toBe(415);
  });
});

describe('configuration', () => {
  it('names a warehouse file it cannot open', async () => {
    // A file that exists but is no DuckDB database (a missing one would be created).
    await expect(
      testApp({ warehouseFile: path.resolve('package.json') }, { warehouse: undefined }),
    ).rejects.toMatchObject({ code: 'WAREHOUSE_OPEN_FAILED' });
    app = await testApp();
  });
});
