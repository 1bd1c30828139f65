import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type { TransparencyResponse } from '../src/api/transparency.js';
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

const texts = {
  intro: {
    en: 'Clearance is free. Our standard: green lane released within 4 hours.',
    fr: 'Le dédouanement est gratuit. Notre norme : circuit vert en moins de 4 heures.',
  },
  notice: {
    en: 'Integrity helpline: 0800 000 000.',
    fr: 'Ligne intégrité : 0800 000 000.',
  },
};

describe('the transparency page’s published texts', () => {
  it('are the bundled ones until a manager or an admin sets them, then public', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/public/transparency' });
    expect(before.json<TransparencyResponse>().texts).toEqual({ intro: null, notice: null });
    const manager = await loginAs(app, 'manager');
    const set = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: manager.headers,
      payload: texts,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ texts });
    const after = await app.inject({ method: 'GET', url: '/api/public/transparency' });
    expect(after.json<TransparencyResponse>().texts).toEqual(texts);
    const admin = await loginAs(app, 'admin');
    const reset = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: admin.headers,
      payload: { intro: null, notice: texts.notice },
    });
    expect(reset.json()).toMatchObject({ texts: { intro: null, notice: texts.notice } });
  });

  it('puts the change on the audit trail by part, without the text', async () => {
    const manager = await loginAs(app, 'manager');
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: manager.headers,
      payload: { intro: null, notice: texts.notice },
    });
    expect(changed.statusCode).toBe(200);
    const entries = app.store.db
      .prepare(`SELECT actor_id, details FROM audit_log WHERE action = 'transparency.texts_change'`)
      .all() as { actor_id: number; details: string }[];
    expect(entries).toEqual([{ actor_id: manager.userId, details: '{"changed":["notice"]}' }]);
  });

  it('refuses an empty text, and other roles', async () => {
    const manager = await loginAs(app, 'manager');
    const empty = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: manager.headers,
      payload: { intro: { en: '', fr: 'x' }, notice: null },
    });
    expect(empty.statusCode).toBe(400);
    const analyst = await loginAs(app, 'analyst');
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: analyst.headers,
      payload: texts,
    });
    expect(refused.statusCode).toBe(403);
    // Neither the empty text nor the analyst's texts were kept.
    const published = await app.inject({ method: 'GET', url: '/api/public/transparency' });
    expect(published.json<TransparencyResponse>().texts).toEqual({ intro: null, notice: null });
  });

  it('leaves the workspace settings as they were', async () => {
    const manager = await loginAs(app, 'manager');
    const set = await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: manager.headers,
      payload: texts,
    });
    expect(set.json()).toMatchObject({ texts });
    const settings = await app.inject({
      method: 'GET',
      url: '/api/settings',
      headers: manager.headers,
    });
    expect(settings.json()).toEqual(defaultSettings);
  });
});
