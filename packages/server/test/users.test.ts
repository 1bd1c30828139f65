import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { ensureFirstAdmin } from '../src/auth/accounts.js';
import { sessionCookieFrom } from './helpers/cookies.js';
import { loginAs, testPassword } from './helpers/login-as.js';
import type { TestLogin } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
let admin: TestLogin;
beforeEach(async () => {
  app = await testApp();
  admin = await loginAs(app, 'admin');
});
afterEach(async () => {
  await app.close();
});

function asAdmin(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
}

async function signIn(username: string, password: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  return { login, cookie: login.statusCode === 200 ? sessionCookieFrom(login) : '' };
}

describe('user administration', () => {
  it('creates a user whose temporary password works once and must then be changed', async () => {
    const created = await asAdmin('POST', '/api/users', {
      username: 'ines',
      displayName: 'Inès',
      role: 'investigator',
    });
    expect(created.statusCode).toBe(200);
    const { user, temporaryPassword } = created.json<{
      user: { id: number };
      temporaryPassword: string;
    }>();
    expect(temporaryPassword).toHaveLength(20);
    expect(Object.keys(created.json().user)).not.toContain('passwordHash');

    const { login, cookie } = await signIn('ines', temporaryPassword);
    const { secret } = login.json<{ secret: string }>();
    const enrolled = await app.inject({
      method: 'POST',
      url: '/api/auth/enrol',
      headers: { cookie },
      payload: { code: await generate({ secret }) },
    });
    const session = {
      cookie: sessionCookieFrom(enrolled),
      'x-csrf-token': enrolled.json().csrfToken as string,
    };
    expect(enrolled.json()).toMatchObject({ user: { id: user.id, mustChangePassword: true } });
    const blocked = await app.inject({ method: 'GET', url: '/api/settings', headers: session });
    expect(blocked.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const changed = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: session,
      payload: { currentPassword: temporaryPassword, newPassword: 'river stone lantern quietly' },
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/settings', headers: session })).statusCode,
    ).toBe(200);
    const actions = app.store.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toEqual([
      'user.create',
      'auth.totp_enrol',
      'auth.login',
      'account.password_change',
    ]);
  });

  it('refuses a username already taken, whatever its case', async () => {
    await asAdmin('POST', '/api/users', { username: 'paul', displayName: 'Paul', role: 'analyst' });
    const again = await asAdmin('POST', '/api/users', {
      username: 'PAUL',
      displayName: 'Paul 2',
      role: 'analyst',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'USERNAME_TAKEN' } });
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const analyst = await loginAs(app, 'analyst');
    // The same username and password sign in before, so the refusal after is the disabling's.
    expect((await signIn(analyst.username, testPassword)).login.statusCode).toBe(200);
    const disabled = await asAdmin('PATCH', `/api/users/${analyst.userId}`, { disabled: true });
    expect(disabled.json()).toMatchObject({ user: { disabled: true } });
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: analyst.headers,
    });
    expect(session.statusCode).toBe(401);
    const { login } = await signIn(analyst.username, testPassword);
    expect(login.statusCode).toBe(401);
  });

  it('changes a role with immediate effect', async () => {
    const analyst = await loginAs(app, 'analyst');
    await asAdmin('PATCH', `/api/users/${analyst.userId}`, { role: 'auditor' });
    const audit = await app.inject({ method: 'GET', url: '/api/audit', headers: analyst.headers });
    expect(audit.statusCode).toBe(200);
    const entry = app.store.db
      .prepare("SELECT details FROM audit_log WHERE action = 'user.update'")
      .pluck()
      .get();
    expect(entry).toBe('{"role":{"from":"analyst","to":"auditor"}}');
  });

  it('revokes every session of a user on request', async () => {
    const first = await loginAs(app, 'manager');
    const second = await loginAs(app, 'manager');
    const revoked = await asAdmin('POST', `/api/users/${first.userId}/revoke-sessions`);
    expect(revoked.json()).toEqual({ revoked: 2 });
    for (const login of [first, second]) {
      const session = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: login.headers,
      });
      expect(session.statusCode).toBe(401);
    }
  });

  it('makes a user enrol TOTP again after a reset', async () => {
    const created = await asAdmin('POST', '/api/users', {
      username: 'tom',
      displayName: 'Tom',
      role: 'analyst',
    });
    const { user, temporaryPassword } = created.json<{
      user: { id: number };
      temporaryPassword: string;
    }>();
    const first = await signIn('tom', temporaryPassword);
    const { secret } = first.login.json<{ secret: string }>();
    await app.inject({
      method: 'POST',
      url: '/api/auth/enrol',
      headers: { cookie: first.cookie },
      payload: { code: await generate({ secret }) },
    });
    expect((await signIn('tom', temporaryPassword)).login.json()).toEqual({
      status: 'totp_required',
    });
    expect((await asAdmin('POST', `/api/users/${user.id}/reset-totp`)).json()).toMatchObject({
      user: { totpEnrolled: false },
    });
    expect((await signIn('tom', temporaryPassword)).login.json()).toMatchObject({
      status: 'enrolment_required',
    });
  });

  it('keeps at least one enabled admin', async () => {
    const demoted = await asAdmin('PATCH', `/api/users/${admin.userId}`, { role: 'analyst' });
    expect(demoted.statusCode).toBe(409);
    expect(demoted.json()).toMatchObject({ error: { code: 'LAST_ADMIN' } });
  });

  it('returns 404 for an unknown user', async () => {
    const response = await asAdmin('PATCH', '/api/users/4242', { disabled: true });
    expect(response.statusCode).toBe(404);
  });
});

describe('first run', () => {
  it('creates an admin with a random password once, whose password signs in to TOTP enrolment', async () => {
    const fresh = await testApp();
    const first = await ensureFirstAdmin(fresh.store);
    expect(first?.username).toBe('admin');
    expect(await ensureFirstAdmin(fresh.store)).toBeNull();
    const login = await fresh.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: first?.password },
    });
    expect(login.json()).toMatchObject({ status: 'enrolment_required' });
    await fresh.close();
  });
});
