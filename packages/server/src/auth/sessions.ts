import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/database.js';

/** Where a session stands: waiting for a TOTP code, waiting for TOTP enrolment, or signed in. */
export type SessionStage = 'totp' | 'enrolment' | 'active';

/** A live session row (the token itself is never stored, only its SHA-256). */
export interface Session {
  tokenHash: string;
  userId: number;
  stage: SessionStage;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

/** Lifetimes of sessions, in milliseconds. */
export interface SessionLimits {
  /** An active session ends after this long without a request. */
  idleMs: number;
  /** An active session ends this long after it began. */
  absoluteMs: number;
  /** A pending sign-in (password accepted, code awaited) ends after this long. */
  pendingMs: number;
}

/** SHA-256 (hex) of a session token: what the database stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Create a session; returns the token for the cookie and the session's CSRF token. */
export function createSession(
  db: Db,
  userId: number,
  stage: SessionStage,
  limits: SessionLimits,
  now = Date.now(),
): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const lifetime = stage === 'active' ? limits.absoluteMs : limits.pendingMs;
  db.prepare(
    `INSERT INTO sessions (token_hash, user_id, stage, csrf_token, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(hashToken(token), userId, stage, csrfToken, now, now, now + lifetime);
  return { token, csrfToken };
}

interface SessionRow {
  token_hash: string;
  user_id: number;
  stage: SessionStage;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/**
 * The live session of a token, or null if unknown, revoked, past its absolute
 * expiry or (for active sessions) idle for too long.
 */
export function findSession(
  db: Db,
  token: string,
  limits: SessionLimits,
  now = Date.now(),
): Session | null {
  const row = db
    .prepare(
      `SELECT s.* FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.revoked_at IS NULL AND u.disabled = 0`,
    )
    .get(hashToken(token)) as SessionRow | undefined;
  if (!row || row.expires_at <= now) return null;
  if (row.stage === 'active' && now - row.last_seen_at > limits.idleMs) return null;
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    stage: row.stage,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** Record activity on a session (resets the idle timer); writes at most once a minute. */
export function touchSession(db: Db, session: Session, now = Date.now()): void {
  if (now - session.lastSeenAt < 60_000) return;
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(
    now,
    session.tokenHash,
  );
}

/** Revoke one session. */
export function revokeSession(db: Db, tokenHash: string, now = Date.now()): void {
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
    now,
    tokenHash,
  );
}

/** Revoke every session of a user, except `keepTokenHash` when given; returns how many. */
export function revokeUserSessions(
  db: Db,
  userId: number,
  keepTokenHash: string | null = null,
  now = Date.now(),
): number {
  return db
    .prepare(
      `UPDATE sessions SET revoked_at = ?
       WHERE user_id = ? AND revoked_at IS NULL AND token_hash IS NOT ?`,
    )
    .run(now, userId, keepTokenHash).changes;
}

/** Delete sessions that ended more than a day ago (housekeeping). */
export function purgeSessions(db: Db, now = Date.now()): number {
  const dayAgo = now - 86_400_000;
  return db
    .prepare(
      'DELETE FROM sessions WHERE expires_at < ? OR (revoked_at IS NOT NULL AND revoked_at < ?)',
    )
    .run(dayAgo, dayAgo).changes;
}
