import type { Migration } from './index.js';

/**
 * Core tables: users, TOTP and recovery codes, sessions, login throttling,
 * settings and the hash-chained audit log. Times in milliseconds since the
 * epoch (INTEGER) where the server compares them, ISO 8601 text otherwise.
 */
export const coreTables: Migration = {
  version: 1,
  name: 'core',
  sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'investigator', 'manager', 'auditor')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

CREATE TABLE totp_secrets (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  -- NULL until the user confirms enrolment with a first valid code.
  enrolled_at TEXT,
  -- Last accepted TOTP time step: codes are single-use.
  last_time_step INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the random session token; the token itself is never stored.
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- 'totp': password accepted, waiting for a TOTP or recovery code;
  -- 'enrolment': password accepted, waiting for the first TOTP code;
  -- 'active': fully signed in.
  stage TEXT NOT NULL CHECK (stage IN ('totp', 'enrolment', 'active')),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-in attempts per username (known or not), for throttling and lockout.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);

CREATE TABLE account_locks (
  username TEXT PRIMARY KEY COLLATE NOCASE,
  locked_until INTEGER NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);

-- Hash chain: hash = SHA-256(prev_hash || canonical JSON of the entry). Ids only, no personal data.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
`,
};
