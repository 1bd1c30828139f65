import type { UnitKind } from '@probity/engine';
import { contractTables, pseudonym } from '@probity/engine';
import type { CaseDetail, CaseEvidence, CaseHistoryEntry } from '../api/cases.js';
import { casePermissions, loadCaseFor } from './case-access.js';
import type { CaseDeadlineSettings } from './case-deadlines.js';
import { readCaseHistory } from './case-history.js';
import { caseSummary, personById } from './case-queries.js';
import type { CaseActor, CaseOutcome, Db } from './case-types.js';

/** Personal columns of a declaration and the unit kind each holds (shown as pseudonyms). */
const personalColumns: Record<string, UnitKind> = (() => {
  const kinds: Record<string, UnitKind> = {
    declarant_id: 'declarant',
    trader_id: 'trader',
    officer_id: 'officer',
    channel_changed_by: 'officer',
  };
  const declarations = contractTables.find((t) => t.name === 'declarations');
  const personal = declarations?.columns.filter((c) => c.personal).map((c) => c.name) ?? [];
  // Every personal column of the contract must have a kind; unknown ones fall back to 'trader' pseudonyms.
  return Object.fromEntries(personal.map((name) => [name, kinds[name] ?? 'trader']));
})();

function pseudonymised(row: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const kind = personalColumns[column];
    out[column] =
      kind && typeof value === 'string' && value !== '' ? pseudonym(kind, value, key) : value;
  }
  return out;
}

/** The evidence frozen into a case, person ids shown as pseudonyms. */
export function readCaseEvidence(db: Db, caseId: number, key: string): CaseEvidence {
  const rows = db
    .prepare(
      'SELECT kind, indicator, declaration_id, data, frozen_at FROM case_evidence WHERE case_id = ? ORDER BY id',
    )
    .all(caseId) as {
    kind: 'flag' | 'pair' | 'declaration';
    indicator: string | null;
    declaration_id: string | null;
    data: string;
    frozen_at: string;
  }[];
  const opening = db
    .prepare("SELECT details FROM case_events WHERE case_id = ? AND type = 'create'")
    .get(caseId) as { details: string } | undefined;
  const total = (JSON.parse(opening?.details ?? '{}') as { declarationsTotal?: unknown })
    .declarationsTotal;
  const evidence: CaseEvidence = {
    frozenAt: rows[0]?.frozen_at ?? null,
    declarationsTotal: typeof total === 'number' ? total : 0,
    flags: [],
    pairs: [],
    declarations: [],
  };
  for (const r of rows) {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    if (r.kind === 'flag') evidence.flags.push(data);
    else if (r.kind === 'pair') evidence.pairs.push(data);
    else {
      evidence.declarations.push({
        declarationId: r.declaration_id ?? '',
        indicator: r.indicator,
        data: pseudonymised(data, key),
      });
    }
  }
  return evidence;
}

/**
 * A case as the person may see it: everything for investigators and managers
 * with access, the summary only for the analyst who opened it.
 */
export function readCaseDetail(
  db: Db,
  actor: CaseActor,
  caseId: number,
  settings: CaseDeadlineSettings,
  pseudonymKey: string,
  now: Date,
): CaseDetail {
  const { row, visibility } = loadCaseFor(db, actor, caseId, 'summary');
  const full = visibility === 'full';
  const person = (id: number) => personById(db, id) ?? { id, displayName: `#${id}` };
  const proposal = db
    .prepare(
      'SELECT id, proposed_by, proposed_at, outcome, reasons FROM case_closure_approvals WHERE case_id = ? AND decision IS NULL ORDER BY id DESC LIMIT 1',
    )
    .get(caseId) as
    | {
        id: number;
        proposed_by: number;
        proposed_at: string;
        outcome: CaseOutcome;
        reasons: string;
      }
    | undefined;
  const manager = full && actor.role === 'manager';
  return {
    case: caseSummary(db, row, settings, now, visibility),
    view: visibility,
    outcomeReasons: full ? row.outcome_reasons : null,
    closedAt: row.closed_at,
    createdBy: person(row.created_by),
    permissions: casePermissions(db, actor, row, visibility),
    pendingClosure:
      full && proposal
        ? {
            id: proposal.id,
            proposedBy: person(proposal.proposed_by),
            proposedAt: proposal.proposed_at,
            outcome: proposal.outcome,
            reasons: proposal.reasons,
          }
        : null,
    notes: full
      ? (
          db
            .prepare(
              'SELECT id, author_id, text, created_at FROM case_notes WHERE case_id = ? ORDER BY id',
            )
            .all(caseId) as { id: number; author_id: number; text: string; created_at: string }[]
        ).map((n) => ({
          id: n.id,
          author: person(n.author_id),
          text: n.text,
          createdAt: n.created_at,
        }))
      : [],
    evidence: full ? readCaseEvidence(db, caseId, pseudonymKey) : null,
    access: full
      ? (
          db
            .prepare('SELECT user_id FROM case_access WHERE case_id = ? ORDER BY user_id')
            .all(caseId) as {
            user_id: number;
          }[]
        ).map((a) => person(a.user_id))
      : [],
    // Who is excluded (and why) is itself sensitive: managers only.
    exclusions: manager
      ? (
          db
            .prepare(
              'SELECT user_id, reason, excluded_at FROM case_exclusions WHERE case_id = ? ORDER BY user_id',
            )
            .all(caseId) as { user_id: number; reason: string; excluded_at: string }[]
        ).map((x) => ({ person: person(x.user_id), reason: x.reason, at: x.excluded_at }))
      : [],
  };
}

/** A case's history, for those with full access. */
export function readCaseHistoryFor(db: Db, actor: CaseActor, caseId: number): CaseHistoryEntry[] {
  loadCaseFor(db, actor, caseId, 'full');
  const manager = actor.role === 'manager';
  return readCaseHistory(db, caseId).map((e) => {
    const details = JSON.parse(e.details) as Record<string, unknown>;
    // Exclusion reasons stay with managers, like the exclusion list.
    if (!manager && e.type === 'exclusion') delete details['reason'];
    return {
      id: e.id,
      at: e.at,
      actor: personById(db, e.actor_id),
      type: e.type,
      fromState: e.from_state,
      toState: e.to_state,
      details,
    };
  });
}
