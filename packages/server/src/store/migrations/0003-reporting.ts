import type { Migration } from './index.js';

/**
 * The anonymous reporting channel (docs/reporting-channel.md, docs/threat-model.md). Reports,
 * attachments and messages are ciphertext made in the reporter's or recipient's browser;
 * nothing here can be read without a recipient's private key or the reporter's receipt. No
 * column holds an IP address, user agent or any other request data.
 */
export const reportingTables: Migration = {
  version: 3,
  name: 'reporting',
  sql: `
CREATE TABLE reporting_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  receipt_salt TEXT NOT NULL,
  pow_difficulty INTEGER NOT NULL,
  submissions_per_hour INTEGER NOT NULL,
  follow_up_failures_per_minute INTEGER NOT NULL,
  retention_days TEXT NOT NULL,
  questionnaire TEXT
);
INSERT INTO reporting_config VALUES (
  1,
  lower(hex(randomblob(16))),
  16,
  120,
  30,
  '{"unfounded":90,"out_of_scope":90,"resolved":730,"case_opened":1825}',
  NULL
);

CREATE TABLE report_recipients (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  public_key TEXT NOT NULL,
  passphrase_wrap TEXT NOT NULL,
  recovery_wrap TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
  registered_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT
);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_review', 'closed')),
  acknowledged_at TEXT,
  feedback_at TEXT,
  lookup_hash TEXT NOT NULL UNIQUE,
  reporter_key_wrap TEXT NOT NULL,
  content_nonce TEXT NOT NULL,
  content BLOB NOT NULL,
  case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  outcome TEXT,
  closed_at TEXT,
  delete_after TEXT
);
CREATE INDEX reports_delete_after ON reports (delete_after);

CREATE TABLE report_keys (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  sealed_key TEXT NOT NULL,
  PRIMARY KEY (report_id, user_id)
);
CREATE INDEX report_keys_user ON report_keys (user_id);

CREATE TABLE report_attachments (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  nonce TEXT NOT NULL,
  ciphertext BLOB NOT NULL,
  PRIMARY KEY (report_id, position)
);

CREATE TABLE report_messages (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('reporter', 'recipient')),
  author_id INTEGER REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('message', 'acknowledgement', 'feedback')),
  created_at TEXT NOT NULL,
  nonce TEXT NOT NULL,
  ciphertext BLOB NOT NULL
);
CREATE INDEX report_messages_report ON report_messages (report_id);

CREATE TABLE report_exclusions (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  excluded_by INTEGER NOT NULL REFERENCES users(id),
  excluded_at TEXT NOT NULL,
  PRIMARY KEY (report_id, user_id)
);

CREATE TABLE report_challenges (
  challenge TEXT PRIMARY KEY,
  difficulty INTEGER NOT NULL,
  expires_at TEXT NOT NULL
);
`,
};
