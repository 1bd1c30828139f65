import type { Role } from '../../src/access/roles.js';
import type { ProbityApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password-hash.js';
import { sessionCookieName } from '../../src/auth/session-cookie.js';
import { sessionLimits } from '../../src/auth/session-limits.js';
import { createSession } from '../../src/auth/sessions.js';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../src/auth/totp-secrets.js';
import { newTotpSecret } from '../../src/auth/totp.js';
import { findUserForLogin, insertUser } from '../../src/auth/users.js';

/** Password of every user {@link loginAs} creates. */
export const testPassword = 'correct horse battery staple 42';

let passwordHash: Promise<string> | undefined;

/** A signed-in test user: pass `headers` to `app.inject()` (cookie + CSRF token). */
export interface TestLogin {
  userId: number;
  username: string;
  role: Role;
  /** Base32 TOTP secret, to generate codes with otplib when a test needs one. */
  totpSecret: string;
  /** `probity_session=<token>`. */
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/**
 * Create (or reuse, by username) a user with `role` and an enrolled TOTP
 * secret, and open an active session for them directly in the store (no
 * argon2 verify or TOTP round trip, so it is fast). The default username is
 * the role's name.
 */
export async function loginAs(
  app: ProbityApp,
  role: Role,
  options: { username?: string; displayName?: string } = {},
): Promise<TestLogin> {
  const db = app.store.db;
  const username = options.username ?? role;
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  const totpSecret = newTotpSecret();
  const userId = db.transaction(() => {
    const existing = findUserForLogin(db, username);
    const id =
      existing?.id ??
      insertUser(db, {
        username,
        displayName: options.displayName ?? `Test ${role} ${username}`,
        role,
        passwordHash: hash,
        mustChangePassword: false,
      });
    startTotpEnrolment(db, id, totpSecret);
    confirmTotpEnrolment(db, id, 0);
    return id;
  })();
  const { token, csrfToken } = createSession(db, userId, 'active', sessionLimits(app.serverConfig));
  const cookie = `${sessionCookieName}=${token}`;
  return {
    userId,
    username,
    role,
    totpSecret,
    cookie,
    csrfToken,
    headers: { cookie, 'x-csrf-token': csrfToken },
  };
}
