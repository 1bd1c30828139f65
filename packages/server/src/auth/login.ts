import { appendAudit } from '../audit/audit-trail.js';
import type { ServerConfig } from '../config.js';
import { ServerError } from '../errors.js';
import type { Db } from '../store/database.js';
import { loginBlock, recordLoginFailure, clearLoginFailures } from './login-throttle.js';
import { verifyDummyPassword, verifyPassword } from './password-hash.js';
import { consumeRecoveryCode, replaceRecoveryCodes } from './recovery-codes.js';
import { sessionLimits } from './session-limits.js';
import { createSession, revokeSession } from './sessions.js';
import type { Session } from './sessions.js';
import { confirmTotpEnrolment, startTotpEnrolment, totpRecordOf } from './totp-secrets.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';
import { findUserById, findUserForLogin } from './users.js';

/** Outcome of the password step: a pending session and what the browser must do next. */
export type PasswordStepResult =
  | { status: 'totp_required'; token: string }
  | { status: 'enrolment_required'; token: string; otpauthUri: string; secret: string };

/** Outcome of a completed sign-in: the active session's token and CSRF token. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  userId: number;
}

function invalidCredentials(): ServerError {
  return new ServerError('INVALID_CREDENTIALS', 401, 'Wrong username or password.');
}

function blocked(reason: 'locked' | 'throttled'): ServerError {
  return reason === 'locked'
    ? new ServerError('ACCOUNT_LOCKED', 429, 'Too many failed attempts: try again in 15 minutes.')
    : new ServerError('LOGIN_THROTTLED', 429, 'Too many failed sign-ins: try again in a minute.');
}

function failure(
  db: Db,
  username: string,
  userId: number | null,
  action: 'auth.login_failed' | 'auth.second_factor_failed',
  reason: string,
): void {
  db.transaction(() => {
    const locked = recordLoginFailure(db, username);
    appendAudit(db, {
      actorId: null,
      action,
      targetType: userId === null ? null : 'user',
      targetId: userId === null ? null : String(userId),
      details: { reason },
    });
    if (locked) {
      appendAudit(db, {
        actorId: null,
        action: 'auth.lockout',
        targetType: userId === null ? null : 'user',
        targetId: userId === null ? null : String(userId),
      });
    }
  })();
}

/**
 * Step 1: check username and password. Refuses locked or throttled usernames
 * before looking at the password; an unknown username costs as long as a
 * wrong password and counts towards the same lockout.
 */
export async function passwordStep(
  db: Db,
  config: ServerConfig,
  username: string,
  password: string,
): Promise<PasswordStepResult> {
  const block = loginBlock(db, username);
  if (block) throw blocked(block.reason);
  const user = findUserForLogin(db, username);
  if (!user) {
    await verifyDummyPassword(password);
    failure(db, username, null, 'auth.login_failed', 'unknown_user');
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    failure(db, username, user.id, 'auth.login_failed', 'wrong_password');
    throw invalidCredentials();
  }
  if (user.disabled) {
    failure(db, username, user.id, 'auth.login_failed', 'disabled');
    throw invalidCredentials();
  }
  const limits = sessionLimits(config);
  if (totpRecordOf(db, user.id)?.enrolled) {
    const { token } = createSession(db, user.id, 'totp', limits);
    return { status: 'totp_required', token };
  }
  const secret = newTotpSecret();
  const token = db.transaction(() => {
    startTotpEnrolment(db, user.id, secret);
    return createSession(db, user.id, 'enrolment', limits).token;
  })();
  return {
    status: 'enrolment_required',
    token,
    secret,
    otpauthUri: totpUri(config.totpIssuer, user.username, secret),
  };
}

function activate(
  db: Db,
  config: ServerConfig,
  pending: Session,
  username: string,
  method: string,
): SignedIn {
  revokeSession(db, pending.tokenHash);
  clearLoginFailures(db, username);
  const { token, csrfToken } = createSession(db, pending.userId, 'active', sessionLimits(config));
  appendAudit(db, {
    actorId: pending.userId,
    action: 'auth.login',
    targetType: 'user',
    targetId: String(pending.userId),
    details: { method },
  });
  return { token, csrfToken, userId: pending.userId };
}

function pendingUser(db: Db, pending: Session | null, stage: Session['stage']) {
  if (!pending || pending.stage !== stage) {
    throw new ServerError('NO_PENDING_LOGIN', 401, 'Sign in with your password first.');
  }
  const user = findUserById(db, pending.userId);
  if (!user || user.disabled) throw invalidCredentials();
  const block = loginBlock(db, user.username);
  if (block) throw blocked(block.reason);
  return { user, session: pending };
}

/**
 * Step 2: a TOTP code (single-use: its time step must be newer than the last
 * accepted one) or an unused recovery code completes the sign-in.
 */
export async function secondFactorStep(
  db: Db,
  config: ServerConfig,
  pending: Session | null,
  code: string,
): Promise<SignedIn> {
  const { user, session } = pendingUser(db, pending, 'totp');
  const record = totpRecordOf(db, user.id);
  const trimmed = code.replace(/\s+/g, '');
  const timeStep = record ? await verifyTotp(record.secret, trimmed, record.lastTimeStep) : null;
  const signedIn = db.transaction(() => {
    if (timeStep !== null) {
      // Conditional update: two concurrent uses of one code cannot both win.
      const fresh = db
        .prepare(
          'UPDATE totp_secrets SET last_time_step = ? WHERE user_id = ? AND last_time_step < ?',
        )
        .run(timeStep, user.id, timeStep);
      if (fresh.changes === 1) return activate(db, config, session, user.username, 'totp');
    } else if (!/^\d{6}$/.test(trimmed) && consumeRecoveryCode(db, user.id, trimmed)) {
      return activate(db, config, session, user.username, 'recovery_code');
    }
    return null;
  })();
  if (signedIn) return signedIn;
  failure(db, user.username, user.id, 'auth.second_factor_failed', 'wrong_code');
  throw new ServerError('INVALID_CODE', 401, 'Wrong or already used code.');
}

/**
 * First sign-in: the first valid code from the new authenticator confirms TOTP
 * enrolment; returns the 10 recovery codes, shown this once.
 */
export async function enrolmentStep(
  db: Db,
  config: ServerConfig,
  pending: Session | null,
  code: string,
): Promise<SignedIn & { recoveryCodes: string[] }> {
  const { user, session } = pendingUser(db, pending, 'enrolment');
  const record = totpRecordOf(db, user.id);
  const timeStep = record ? await verifyTotp(record.secret, code.trim(), 0) : null;
  if (timeStep === null) {
    failure(db, user.username, user.id, 'auth.second_factor_failed', 'wrong_enrolment_code');
    throw new ServerError('INVALID_CODE', 401, 'Wrong code: check the time on your device.');
  }
  return db.transaction(() => {
    confirmTotpEnrolment(db, user.id, timeStep);
    const recoveryCodes = replaceRecoveryCodes(db, user.id);
    appendAudit(db, {
      actorId: user.id,
      action: 'auth.totp_enrol',
      targetType: 'user',
      targetId: String(user.id),
    });
    return { ...activate(db, config, session, user.username, 'totp_enrolment'), recoveryCodes };
  })();
}
