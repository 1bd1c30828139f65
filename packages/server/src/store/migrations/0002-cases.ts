import type { Migration } from './index.js';

/**
 * Case management (docs/cases.md): cases, per-case access grants, conflict-of-
 * interest exclusions, notes, evidence frozen at opening, history, closure
 * approvals and pseudonym reveals. Personal data (subject ids, notes,
 * justifications, revealed ids) lives only here, never in the audit chain,
 * so a retention rule can delete it without breaking the chain.
 */
export const caseTables: Migration = {
  version: 2,
  name: 'cases',
  sql: `
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('unit_flag', 'pair', 'manual')),
  subject_kind TEXT CHECK (subject_kind IN ('officer', 'declarant', 'trader', 'office', 'pair')),
  subject_id TEXT,
  subject_pseudonym TEXT,
  pair_declarant_id TEXT,
  pair_declarant_pseudonym TEXT,
  indicator TEXT,
  state TEXT NOT NULL CHECK (state IN ('received', 'triage', 'investigation', 'review', 'closed')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  deadline TEXT,
  state_entered_at TEXT NOT NULL,
  assigned_to INTEGER REFERENCES users(id),
  outcome TEXT,
  outcome_reasons TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX cases_state ON cases (state);
CREATE INDEX cases_assigned_to ON cases (assigned_to);

CREATE TABLE case_access (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  granted_by INTEGER NOT NULL REFERENCES users(id),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);

CREATE TABLE case_exclusions (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  excluded_by INTEGER NOT NULL REFERENCES users(id),
  excluded_at TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_exclusions_user ON case_exclusions (user_id);

CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id);

CREATE TABLE case_evidence (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('flag', 'pair', 'declaration')),
  indicator TEXT,
  declaration_id TEXT,
  data TEXT NOT NULL,
  frozen_at TEXT NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence (case_id);

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  type TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events (case_id);

CREATE TABLE case_closure_approvals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  proposed_by INTEGER NOT NULL REFERENCES users(id),
  proposed_at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reasons TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  decision TEXT CHECK (decision IN ('approved', 'rejected')),
  decision_comment TEXT
);
CREATE INDEX case_closure_approvals_case ON case_closure_approvals (case_id);

CREATE TABLE case_reveals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  subject_kind TEXT NOT NULL,
  revealed_ids TEXT NOT NULL,
  justification TEXT NOT NULL,
  revealed_at TEXT NOT NULL
);
CREATE INDEX case_reveals_case ON case_reveals (case_id);
`,
};
