import type { AuthenticatedUser, Role } from '../access/roles.js';
import type { Db } from '../store/database.js';

/** A user account as the server sees it (never includes the password hash). */
export interface UserAccount extends AuthenticatedUser {
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnrolled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  must_change_password: number;
  totp_enrolled: number;
  created_at: string;
  updated_at: string;
}

const selectUser = `
  SELECT u.id, u.username, u.display_name, u.role, u.disabled, u.must_change_password,
         u.created_at, u.updated_at, (t.enrolled_at IS NOT NULL) AS totp_enrolled
  FROM users u LEFT JOIN totp_secrets t ON t.user_id = u.id`;

function toAccount(row: UserRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    totpEnrolled: row.totp_enrolled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Insert a user; the caller hashes the password and records the audit entry. */
export function insertUser(
  db: Db,
  user: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): number {
  const now = new Date().toISOString();
  const result = db
    .prepare(
      `INSERT INTO users (username, display_name, role, password_hash, must_change_password,
                          created_at, updated_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      user.username,
      user.displayName,
      user.role,
      user.passwordHash,
      user.mustChangePassword ? 1 : 0,
      now,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

/** The user with this id, or null. */
export function findUserById(db: Db, id: number): UserAccount | null {
  const row = db.prepare(`${selectUser} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row ? toAccount(row) : null;
}

/** The user with this username (case-insensitive) and their password hash, or null. */
export function findUserForLogin(
  db: Db,
  username: string,
): (UserAccount & { passwordHash: string }) | null {
  const row = db
    .prepare(`${selectUser.replace('u.id,', 'u.id, u.password_hash,')} WHERE u.username = ?`)
    .get(username) as (UserRow & { password_hash: string }) | undefined;
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
}

/** The stored password hash of a user, or null. */
export function passwordHashOf(db: Db, id: number): string | null {
  const row = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as
    { password_hash: string } | undefined;
  return row?.password_hash ?? null;
}

/** Every user, ordered by username. */
export function listUsers(db: Db): UserAccount[] {
  return (db.prepare(`${selectUser} ORDER BY u.username`).all() as UserRow[]).map(toAccount);
}

/** Number of user accounts. */
export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/** Number of enabled accounts holding `role`. */
export function countEnabledWithRole(db: Db, role: Role): number {
  return (
    db.prepare('SELECT count(*) AS n FROM users WHERE role = ? AND disabled = 0').get(role) as {
      n: number;
    }
  ).n;
}

/** Change some of a user's fields. */
export function updateUser(
  db: Db,
  id: number,
  changes: {
    role?: Role;
    displayName?: string;
    disabled?: boolean;
    passwordHash?: string;
    mustChangePassword?: boolean;
  },
): void {
  const now = new Date().toISOString();
  db.prepare(
    `UPDATE users SET
       role = coalesce(@role, role),
       display_name = coalesce(@displayName, display_name),
       disabled = coalesce(@disabled, disabled),
       password_hash = coalesce(@passwordHash, password_hash),
       password_changed_at = CASE WHEN @passwordHash IS NULL THEN password_changed_at ELSE @now END,
       must_change_password = coalesce(@mustChangePassword, must_change_password),
       updated_at = @now
     WHERE id = @id`,
  ).run({
    id,
    now,
    role: changes.role ?? null,
    displayName: changes.displayName ?? null,
    disabled: changes.disabled === undefined ? null : changes.disabled ? 1 : 0,
    passwordHash: changes.passwordHash ?? null,
    mustChangePassword:
      changes.mustChangePassword === undefined ? null : changes.mustChangePassword ? 1 : 0,
  });
}
