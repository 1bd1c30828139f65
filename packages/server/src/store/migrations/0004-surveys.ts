import type { Migration } from './index.js';

/**
 * Perception surveys (docs/surveys.md). An answer row holds the round, the
 * optional profile answer, the Likert answers and the comments, and nothing
 * else: no time (not even the day), no IP address, user agent, session or
 * invitation code. Its id is random and the table is WITHOUT ROWID, so the
 * storage order is the order of those random ids, not the order of arrival.
 * Invitation codes are kept as SHA-256 hashes and deleted when used.
 */
export const surveyTables: Migration = {
  version: 4,
  name: 'surveys',
  sql: `
CREATE TABLE survey_rounds (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('private_sector', 'officials')),
  questionnaire_id TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  closed_early_on TEXT,
  access_mode TEXT NOT NULL CHECK (access_mode IN ('open', 'invitation')),
  link_token TEXT NOT NULL UNIQUE,
  min_group_size INTEGER NOT NULL CHECK (min_group_size >= 5),
  answers_per_hour INTEGER NOT NULL CHECK (answers_per_hour >= 1),
  invitations_issued INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK (closes_on >= opens_on)
);

CREATE TABLE survey_invitations (
  round_id INTEGER NOT NULL REFERENCES survey_rounds(id),
  code_hash TEXT NOT NULL,
  PRIMARY KEY (round_id, code_hash)
) WITHOUT ROWID;

CREATE TABLE survey_answers (
  id TEXT NOT NULL PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES survey_rounds(id),
  profile_group TEXT,
  items TEXT NOT NULL,
  comments TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_answers_round ON survey_answers (round_id);
`,
};
