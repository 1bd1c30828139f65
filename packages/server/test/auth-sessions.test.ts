import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loginBlock,
  maxFailuresPerMinute,
  recordLoginFailure,
} from '../src/auth/login-throttle.js';
import { createSession, findSession, hashToken, revokeSession } from '../src/auth/sessions.js';
import type { SessionLimits } from '../src/auth/sessions.js';
import { insertUser, updateUser } from '../src/auth/users.js';
import { openStore } from '../src/store/database.js';
import type { Store } from '../src/store/database.js';

const limits: SessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  pendingMs: 5 * 60_000,
};
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
let store: Store;
let userId: number;

beforeEach(() => {
  store = openStore(':memory:');
  userId = insertUser(store.db, {
    username: 'sam',
    displayName: 'Sam',
    role: 'manager',
    passwordHash: 'not-used',
    mustChangePassword: false,
  });
});
afterEach(() => store.close());

describe('sessions', () => {
  it('stores only the SHA-256 of the token', () => {
    const { token } = createSession(store.db, userId, 'active', limits, t0);
    const stored = store.db.prepare('SELECT token_hash FROM sessions').pluck().all();
    expect(stored).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('ends an active session after the idle time without requests', () => {
    const { token } = createSession(store.db, userId, 'active', limits, t0);
    expect(findSession(store.db, token, limits, t0 + limits.idleMs - 1)).not.toBeNull();
    expect(findSession(store.db, token, limits, t0 + limits.idleMs + 1)).toBeNull();
  });

  it('ends an active session at its absolute expiry, however active', () => {
    const { token } = createSession(store.db, userId, 'active', limits, t0);
    // Activity every 10 minutes keeps the idle timer fresh.
    for (let t = t0; t < t0 + limits.absoluteMs; t += 10 * 60_000) {
      store.db.prepare('UPDATE sessions SET last_seen_at = ?').run(t);
    }
    expect(findSession(store.db, token, limits, t0 + limits.absoluteMs - 60_000)).not.toBeNull();
    expect(findSession(store.db, token, limits, t0 + limits.absoluteMs)).toBeNull();
  });

  it('gives a pending sign-in five minutes', () => {
    const { token } = createSession(store.db, userId, 'totp', limits, t0);
    expect(findSession(store.db, token, limits, t0 + 4 * 60_000)?.stage).toBe('totp');
    expect(findSession(store.db, token, limits, t0 + 5 * 60_000)).toBeNull();
  });

  it('refuses revoked sessions and the sessions of a disabled account', () => {
    const first = createSession(store.db, userId, 'active', limits, t0);
    const second = createSession(store.db, userId, 'active', limits, t0);
    revokeSession(store.db, hashToken(first.token), t0);
    expect(findSession(store.db, first.token, limits, t0 + 1)).toBeNull();
    expect(findSession(store.db, second.token, limits, t0 + 1)).not.toBeNull();
    updateUser(store.db, userId, { disabled: true });
    expect(findSession(store.db, second.token, limits, t0 + 1)).toBeNull();
  });
});

describe('login throttle', () => {
  it('locks a username at the fifth failure within 15 minutes, for 15 minutes', () => {
    for (let i = 0; i < 4; i += 1)
      expect(recordLoginFailure(store.db, 'sam', t0 + i * 60_000)).toBe(false);
    expect(recordLoginFailure(store.db, 'SAM', t0 + 4 * 60_000)).toBe(true);
    expect(loginBlock(store.db, 'sam', t0 + 5 * 60_000)).toMatchObject({ reason: 'locked' });
    expect(loginBlock(store.db, 'sam', t0 + 19 * 60_000 + 1)).toBeNull();
  });

  it('does not lock for failures spread beyond the window', () => {
    for (let i = 0; i < 10; i += 1) {
      expect(recordLoginFailure(store.db, 'sam', t0 + i * 4 * 60_000)).toBe(false);
    }
  });

  it('pauses every sign-in when failures across all usernames exceed the per-minute ceiling', () => {
    for (let i = 0; i < maxFailuresPerMinute; i += 1) recordLoginFailure(store.db, `user${i}`, t0);
    expect(loginBlock(store.db, 'someone-else', t0 + 1000)).toMatchObject({ reason: 'throttled' });
    expect(loginBlock(store.db, 'someone-else', t0 + 61_000)).toBeNull();
  });
});
