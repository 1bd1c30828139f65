import type { Db } from '../store/database.js';

/** A user's TOTP secret and where their enrolment stands. */
export interface TotpRecord {
  secret: string;
  enrolled: boolean;
  lastTimeStep: number;
}

/** The TOTP record of a user, or null when none was started. */
export function totpRecordOf(db: Db, userId: number): TotpRecord | null {
  const row = db
    .prepare('SELECT secret, enrolled_at, last_time_step FROM totp_secrets WHERE user_id = ?')
    .get(userId) as
    { secret: string; enrolled_at: string | null; last_time_step: number } | undefined;
  return row
    ? { secret: row.secret, enrolled: row.enrolled_at !== null, lastTimeStep: row.last_time_step }
    : null;
}

/** Start (or restart) enrolment with a new secret; not usable until confirmed. */
export function startTotpEnrolment(db: Db, userId: number, secret: string): void {
  db.prepare(
    `INSERT INTO totp_secrets (user_id, secret, enrolled_at, last_time_step) VALUES (?, ?, NULL, 0)
     ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, enrolled_at = NULL, last_time_step = 0`,
  ).run(userId, secret);
}

/** Mark enrolment confirmed, remembering the time step of the confirming code. */
export function confirmTotpEnrolment(db: Db, userId: number, timeStep: number): void {
  db.prepare('UPDATE totp_secrets SET enrolled_at = ?, last_time_step = ? WHERE user_id = ?').run(
    new Date().toISOString(),
    timeStep,
    userId,
  );
}

/** Remember the last accepted time step so the same code cannot be used twice. */
export function recordTotpTimeStep(db: Db, userId: number, timeStep: number): void {
  db.prepare(
    'UPDATE totp_secrets SET last_time_step = max(last_time_step, ?) WHERE user_id = ?',
  ).run(timeStep, userId);
}

/** Forget a user's TOTP secret and recovery codes (admin reset: the user enrols again). */
export function resetTotp(db: Db, userId: number): void {
  db.prepare('DELETE FROM totp_secrets WHERE user_id = ?').run(userId);
  db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
}
