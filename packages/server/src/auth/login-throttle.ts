import type { Db } from '../store/database.js';

/** Failed attempts on one username (existing or not) within the window that lock it. */
export const maxFailuresPerUsername = 5;
/** Window counting failures, and length of the lock, in milliseconds (15 minutes). */
export const lockoutMs = 15 * 60_000;
/** Failed attempts across all usernames per minute above which sign-in pauses (credential stuffing). */
export const maxFailuresPerMinute = 200;

/**
 * Why sign-in is refused before the password is even checked: the username is
 * locked, or too many sign-ins are failing overall. Keyed on the username, not
 * the IP address, so spreading an attack over many addresses does not help.
 */
export function loginBlock(
  db: Db,
  username: string,
  now = Date.now(),
): { reason: 'locked' | 'throttled'; until: number } | null {
  const lock = db
    .prepare('SELECT locked_until FROM account_locks WHERE username = ?')
    .get(username) as { locked_until: number } | undefined;
  if (lock && lock.locked_until > now) return { reason: 'locked', until: lock.locked_until };
  const recent = (
    db.prepare('SELECT count(*) AS n FROM login_failures WHERE at > ?').get(now - 60_000) as {
      n: number;
    }
  ).n;
  if (recent >= maxFailuresPerMinute) return { reason: 'throttled', until: now + 60_000 };
  return null;
}

/** Record a failed attempt; returns true if this failure locked the username. */
export function recordLoginFailure(db: Db, username: string, now = Date.now()): boolean {
  db.prepare('INSERT INTO login_failures (username, at) VALUES (?, ?)').run(username, now);
  const failures = (
    db
      .prepare('SELECT count(*) AS n FROM login_failures WHERE username = ? AND at > ?')
      .get(username, now - lockoutMs) as { n: number }
  ).n;
  if (failures < maxFailuresPerUsername) return false;
  db.prepare(
    `INSERT INTO account_locks (username, locked_until) VALUES (?, ?)
     ON CONFLICT (username) DO UPDATE SET locked_until = excluded.locked_until`,
  ).run(username, now + lockoutMs);
  return true;
}

/** Forget the failures and lock of a username (after a full sign-in, or an admin password reset). */
export function clearLoginFailures(db: Db, username: string): void {
  db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
  db.prepare('DELETE FROM account_locks WHERE username = ?').run(username);
}

/** Delete failure records older than a day (housekeeping). */
export function purgeLoginFailures(db: Db, now = Date.now()): number {
  return db.prepare('DELETE FROM login_failures WHERE at < ?').run(now - 86_400_000).changes;
}
