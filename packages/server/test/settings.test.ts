import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { defaultSettings } from '../src/store/settings.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

describe('settings', () => {
  it('shows the defaults to any signed-in person', async () => {
    const analyst = await loginAs(app, 'analyst');
    const response = await app.inject({
      method: 'GET',
      url: '/api/settings',
      headers: analyst.headers,
    });
    expect(response.json()).toEqual(defaultSettings);
  });

  it('lets an admin change some settings and keeps the others', async () => {
    const admin = await loginAs(app, 'admin');
    const response = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin.headers,
      payload: { fdrLevel: 0.1, caseDeadlineDays: 45 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...defaultSettings, fdrLevel: 0.1, caseDeadlineDays: 45 });
    const again = await app.inject({ method: 'GET', url: '/api/settings', headers: admin.headers });
    expect(again.json()).toMatchObject({ fdrLevel: 0.1, caseDeadlineDays: 45 });
  });

  it('refuses values outside their range, and unknown keys are dropped', async () => {
    const admin = await loginAs(app, 'admin');
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin.headers,
      payload: { fdrLevel: 0.9 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    const kept = await app.inject({ method: 'GET', url: '/api/settings', headers: admin.headers });
    expect(kept.json()).toEqual(defaultSettings);
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin.headers,
      payload: { minVolume: 40, colour: 'red' },
    });
    // The rest of the body is applied; only the unknown key is dropped.
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ ...defaultSettings, minVolume: 40 });
    expect(unknown.json()).not.toHaveProperty('colour');
  });

  it('refuses a change from anyone but an admin, before reading the body', async () => {
    const manager = await loginAs(app, 'manager');
    const response = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: manager.headers,
      payload: { fdrLevel: 'not a number' },
    });
    expect(response.statusCode).toBe(403);
  });
});
