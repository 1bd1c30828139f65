import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { verifyAuditChain } from '../src/audit/audit-trail.js';
import { hashPassword } from '../src/auth/password-hash.js';
import { insertUser } from '../src/auth/users.js';
import { sessionCookieFrom } from './helpers/cookies.js';
import { testPassword } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

let app: ProbityApp;
beforeEach(async () => {
  app = await testApp();
  insertUser(app.store.db, {
    username: 'ana',
    displayName: 'Ana Analyst',
    role: 'analyst',
    passwordHash: await hashPassword(testPassword),
    mustChangePassword: false,
  });
});
afterEach(async () => {
  await app.close();
});

function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: payload as object, headers });
}

async function enrol(): Promise<{
  secret: string;
  cookie: string;
  csrfToken: string;
  recoveryCodes: string[];
}> {
  const login = await post('/api/auth/login', { username: 'ana', password: testPassword });
  expect(login.statusCode).toBe(200);
  const body = login.json<{ status: string; secret: string; otpauthUri: string }>();
  expect(body.status).toBe('enrolment_required');
  expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  const code = await generate({ secret: body.secret });
  const done = await post('/api/auth/enrol', { code }, { cookie: sessionCookieFrom(login) });
  expect(done.statusCode).toBe(200);
  const session = done.json<{ csrfToken: string; recoveryCodes: string[] }>();
  return { secret: body.secret, cookie: sessionCookieFrom(done), ...session };
}

async function passwordStep(password = testPassword) {
  return post('/api/auth/login', { username: 'ana', password });
}

describe('sign-in', () => {
  it('enrols TOTP at first sign-in and returns ten recovery codes once', async () => {
    const { cookie, recoveryCodes } = await enrol();
    expect(recoveryCodes).toHaveLength(10);
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { username: 'ana', role: 'analyst' } });
  });

  it('sets an httpOnly SameSite=Strict cookie limited to /api', async () => {
    const login = await passwordStep();
    const cookie = login.cookies.find((c) => c.name === 'probity_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
  });

  it('asks for a TOTP code after the password once enrolled, and accepts each code only once', async () => {
    const { secret } = await enrol();
    const login = await passwordStep();
    expect(login.json()).toEqual({ status: 'totp_required' });
    const pending = sessionCookieFrom(login);
    // The enrolment code's time step is used up: the same code is refused.
    const reused = await post(
      '/api/auth/totp',
      { code: await generate({ secret }) },
      { cookie: pending },
    );
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ error: { code: 'INVALID_CODE' } });
    // The next time step (within the allowed drift) is accepted once.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await post('/api/auth/totp', { code: next }, { cookie: pending });
    expect(ok.statusCode).toBe(200);
    const again = await passwordStep();
    const replay = await post(
      '/api/auth/totp',
      { code: next },
      { cookie: sessionCookieFrom(again) },
    );
    expect(replay.statusCode).toBe(401);
  });

  it('does not sign in with a pending session: the password alone opens nothing', async () => {
    await enrol();
    const login = await passwordStep();
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: sessionCookieFrom(login) },
    });
    expect(session.statusCode).toBe(401);
  });

  it('accepts a recovery code once instead of a TOTP code', async () => {
    const { recoveryCodes } = await enrol();
    const code = recoveryCodes[0] ?? '';
    const first = await passwordStep();
    expect(
      (await post('/api/auth/totp', { code }, { cookie: sessionCookieFrom(first) })).statusCode,
    ).toBe(200);
    const second = await passwordStep();
    expect(
      (await post('/api/auth/totp', { code }, { cookie: sessionCookieFrom(second) })).statusCode,
    ).toBe(401);
  });

  it('refuses a wrong password with the same answer as an unknown username', async () => {
    const wrong = await passwordStep('not the right password');
    const unknown = await post('/api/auth/login', { username: 'nobody', password: testPassword });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks a username for 15 minutes after 5 failures, even with the right password after', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await passwordStep('wrong password ' + i)).statusCode).toBe(401);
    const locked = await passwordStep();
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    const actions = app.store.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions).toContain('auth.lockout');
    expect(verifyAuditChain(app.store.db)).toEqual({ ok: true, entries: 6 });
  });

  it('locks unknown usernames too, so a lock does not reveal that an account exists', async () => {
    for (let i = 0; i < 5; i += 1)
      await post('/api/auth/login', { username: 'ghost', password: 'x' });
    const locked = await post('/api/auth/login', { username: 'ghost', password: 'x' });
    expect(locked.json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
  });

  it('counts wrong TOTP codes towards the lockout', async () => {
    await enrol();
    for (let i = 0; i < 5; i += 1) {
      const login = await passwordStep();
      if (login.statusCode === 429) break;
      await post('/api/auth/totp', { code: '000000' }, { cookie: sessionCookieFrom(login) });
    }
    expect((await passwordStep()).statusCode).toBe(429);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token, accepts it with', async () => {
    const { cookie, csrfToken } = await enrol();
    const refused = await post('/api/auth/logout', {}, { cookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const wrong = await post('/api/auth/logout', {}, { cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    const ok = await post('/api/auth/logout', {}, { cookie, 'x-csrf-token': csrfToken });
    expect(ok.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('revokes the other sessions when the password changes, keeps the current one', async () => {
    const { secret, cookie, csrfToken } = await enrol();
    const login = await passwordStep();
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const other = sessionCookieFrom(
      await post('/api/auth/totp', { code }, { cookie: sessionCookieFrom(login) }),
    );
    const get = (c: string) =>
      app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c } });
    // The other session is signed in before the change, so its refusal after is the change's doing.
    expect((await get(other)).statusCode).toBe(200);
    const change = await post(
      '/api/account/password',
      { currentPassword: testPassword, newPassword: 'a long unusual passphrase of mine' },
      { cookie, 'x-csrf-token': csrfToken },
    );
    expect(change.statusCode).toBe(200);
    expect((await get(cookie)).statusCode).toBe(200);
    expect((await get(other)).statusCode).toBe(401);
  });

  it('refuses a common password with a stable code', async () => {
    const { cookie, csrfToken } = await enrol();
    const change = await post(
      '/api/account/password',
      { currentPassword: testPassword, newPassword: 'Password1234!' },
      { cookie, 'x-csrf-token': csrfToken },
    );
    expect(change.statusCode).toBe(400);
    expect(change.json()).toMatchObject({ error: { code: 'PASSWORD_COMMON' } });
  });
});
