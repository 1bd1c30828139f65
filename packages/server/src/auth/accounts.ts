import { randomBytes } from 'node:crypto';
import type { Role } from '../access/roles.js';
import { appendAudit } from '../audit/audit-trail.js';
import { conflict, notFound, ServerError } from '../errors.js';
import type { Db, Store } from '../store/database.js';
import { clearLoginFailures, loginBlock, recordLoginFailure } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { checkPasswordPolicy } from './password-policy.js';
import { revokeUserSessions } from './sessions.js';
import {
  countEnabledWithRole,
  countUsers,
  findUserById,
  insertUser,
  passwordHashOf,
  updateUser,
} from './users.js';
import type { UserAccount } from './users.js';

/** A random password of 20 symbols from a 56-symbol alphabet (~116 bits), for first and temporary logins. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every symbol equally likely.
    if (byte < 224) out += alphabet[byte % 56];
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : randomPassword();
}

/**
 * Create an account with a random temporary password (returned once; the
 * person must change it at first sign-in and enrol TOTP). Audited.
 */
export async function createAccount(
  db: Db,
  actorId: number,
  input: { username: string; displayName: string; role: Role },
): Promise<{ user: UserAccount; temporaryPassword: string }> {
  const temporaryPassword = randomPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const id = db.transaction(() => {
    if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username)) {
      throw conflict('USERNAME_TAKEN', 'This username is already in use.');
    }
    const userId = insertUser(db, { ...input, passwordHash, mustChangePassword: true });
    appendAudit(db, {
      actorId,
      action: 'user.create',
      targetType: 'user',
      targetId: String(userId),
      details: { role: input.role },
    });
    return userId;
  })();
  const user = findUserById(db, id);
  if (!user) throw notFound();
  return { user, temporaryPassword };
}

/** Change one's own password: checks the current one and the policy, revokes the other sessions. */
export async function changeOwnPassword(
  db: Db,
  user: { id: number; username: string },
  currentTokenHash: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  // Guessing the current password from a stolen session counts towards the same lockout as sign-in.
  const block = loginBlock(db, user.username);
  if (block)
    throw new ServerError('ACCOUNT_LOCKED', 429, 'Too many failed attempts: try again later.');
  const hash = passwordHashOf(db, user.id);
  if (!hash || !(await verifyPassword(hash, currentPassword))) {
    db.transaction(() => {
      const locked = recordLoginFailure(db, user.username);
      appendAudit(db, {
        actorId: user.id,
        action: 'account.password_change_failed',
        targetType: 'user',
        targetId: String(user.id),
        details: { locked },
      });
    })();
    throw new ServerError('INVALID_CREDENTIALS', 401, 'The current password is wrong.');
  }
  checkPasswordPolicy(newPassword, { username: user.username });
  if (await verifyPassword(hash, newPassword)) {
    throw new ServerError(
      'PASSWORD_UNCHANGED',
      400,
      'Choose a password different from the current one.',
    );
  }
  const newHash = await hashPassword(newPassword);
  db.transaction(() => {
    updateUser(db, user.id, { passwordHash: newHash, mustChangePassword: false });
    const revoked = revokeUserSessions(db, user.id, currentTokenHash);
    appendAudit(db, {
      actorId: user.id,
      action: 'account.password_change',
      targetType: 'user',
      targetId: String(user.id),
      details: { sessionsRevoked: revoked },
    });
  })();
}

/** Give a user a new temporary password (admin), revoking their sessions and lifting any lock. */
export async function resetPassword(db: Db, actorId: number, userId: number): Promise<string> {
  const user = findUserById(db, userId);
  if (!user) throw notFound('No such user.');
  const temporaryPassword = randomPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  db.transaction(() => {
    updateUser(db, userId, { passwordHash, mustChangePassword: true });
    revokeUserSessions(db, userId);
    clearLoginFailures(db, user.username);
    appendAudit(db, {
      actorId,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: String(userId),
    });
  })();
  return temporaryPassword;
}

/** Refuse a change that would leave no enabled admin. */
export function assertAdminRemains(
  db: Db,
  user: UserAccount,
  change: { role?: Role; disabled?: boolean },
): void {
  const losesAdmin =
    user.role === 'admin' &&
    !user.disabled &&
    ((change.role && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && countEnabledWithRole(db, 'admin') <= 1) {
    throw conflict('LAST_ADMIN', 'At least one enabled admin must remain.');
  }
}

/**
 * First run: when no user exists, create `admin` with a random password
 * (printed once by the CLI; TOTP is enrolled at first sign-in). Returns null
 * when users already exist.
 */
export async function ensureFirstAdmin(
  store: Store,
): Promise<{ username: string; password: string } | null> {
  const db = store.db;
  if (countUsers(db) > 0) return null;
  const password = randomPassword();
  // argon2 hashes asynchronously; the count is checked again inside the transaction.
  const passwordHash = await hashPassword(password);
  return db.transaction(() => {
    if (countUsers(db) > 0) return null;
    const id = insertUser(db, {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      passwordHash,
      mustChangePassword: false,
    });
    appendAudit(db, {
      actorId: null,
      action: 'user.create',
      targetType: 'user',
      targetId: String(id),
      details: { role: 'admin', firstRun: true },
    });
    return { username: 'admin', password };
  })();
}
