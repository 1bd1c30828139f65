import type { CaseDeadlineSettings } from './case-deadlines.js';
import { addDays } from './case-deadlines.js';
import { recordCaseChange, textHash } from './case-history.js';
import type { ResolvedSubject, WarehouseEvidence } from './case-warehouse.js';
import type { CaseActor, CasePriority, CaseSource, Db } from './case-types.js';

/** What a new case holds once its subject is resolved and its evidence read. */
export interface NewCase {
  readonly title: string;
  readonly source: CaseSource;
  readonly subject: ResolvedSubject | null;
  readonly indicator: string | null;
  readonly priority: CasePriority;
  readonly deadline: string | null;
  readonly evidence: WarehouseEvidence | null;
}

/** The next reference of the year, e.g. `CASE-2026-0001`. */
export function nextCaseReference(db: Db, year: number): string {
  const prefix = `CASE-${year}-`;
  const row = db
    .prepare(
      `SELECT max(CAST(substr(reference, ?) AS INTEGER)) AS n FROM cases WHERE reference LIKE ? || '%'`,
    )
    .get(prefix.length + 1, prefix) as { n: number | null };
  return `${prefix}${String((row.n ?? 0) + 1).padStart(4, '0')}`;
}

function subjectColumns(subject: ResolvedSubject | null): (string | null)[] {
  if (subject === null) return [null, null, null, null, null];
  if (subject.kind === 'pair') {
    return [
      'pair',
      subject.officerId,
      subject.officerPseudonym,
      subject.declarantId,
      subject.declarantPseudonym,
    ];
  }
  return [subject.kind, subject.id, subject.pseudonym, null, null];
}

/** Copies the warehouse evidence into the case as JSON: frozen, later reloads do not change it. */
function freezeEvidence(db: Db, caseId: number, evidence: WarehouseEvidence, at: string): number {
  const insert = db.prepare(
    `INSERT INTO case_evidence (case_id, kind, indicator, declaration_id, data, frozen_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  for (const flag of evidence.flags) {
    insert.run(
      caseId,
      'flag',
      String(flag['indicator']),
      null,
      JSON.stringify({ ...flag, run: evidence.run }),
      at,
    );
    n += 1;
  }
  for (const pair of evidence.pairs) {
    insert.run(
      caseId,
      'pair',
      'pair_concentration',
      null,
      JSON.stringify({ ...pair, run: evidence.run }),
      at,
    );
    n += 1;
  }
  for (const d of evidence.declarations) {
    insert.run(
      caseId,
      'declaration',
      d.indicator,
      String(d.row['declaration_id']),
      JSON.stringify(d.row),
      at,
    );
    n += 1;
  }
  return n;
}

/**
 * Opens a case in state `received`, freezing its evidence, with its first
 * history entry and audit entry, in one transaction. Returns the case id.
 */
export function createCase(
  db: Db,
  actor: CaseActor,
  input: NewCase,
  settings: CaseDeadlineSettings,
  now: Date,
): number {
  const at = now.toISOString();
  return db.transaction(() => {
    const reference = nextCaseReference(db, now.getUTCFullYear());
    const deadline = input.deadline ?? addDays(at, settings.caseDays);
    const info = db
      .prepare(
        `INSERT INTO cases (reference, title, source, subject_kind, subject_id, subject_pseudonym,
           pair_declarant_id, pair_declarant_pseudonym, indicator, state, priority, deadline,
           state_entered_at, assigned_to, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(
        reference,
        input.title,
        input.source,
        ...subjectColumns(input.subject),
        input.indicator,
        input.priority,
        deadline,
        at,
        actor.id,
        at,
        at,
      );
    const caseId = Number(info.lastInsertRowid);
    // An investigator who opens a case by hand needs to see it: need-to-know by authorship.
    if (actor.role === 'investigator') {
      db.prepare(
        'INSERT INTO case_access (case_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)',
      ).run(caseId, actor.id, actor.id, at);
    }
    const frozen = input.evidence ? freezeEvidence(db, caseId, input.evidence, at) : 0;
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'create',
      to: 'received',
      at,
      details: {
        reference,
        source: input.source,
        frozenEvidence: frozen,
        declarationsTotal: input.evidence?.declarationsTotal ?? 0,
      },
      audit: {
        reference,
        source: input.source,
        subjectKind: input.subject?.kind ?? null,
        titleSha256: textHash(input.title),
        frozenEvidence: frozen,
      },
    });
    return caseId;
  })();
}
