import { casePermissions, loadCaseFor } from './case-access.js';
import { caseBadRequest, caseErrorCodes, caseForbidden } from './case-errors.js';
import { recordCaseChange, textHash } from './case-history.js';
import type { CaseActor, Db, SubjectKind } from './case-types.js';

/** Shortest justification accepted for a reveal. */
export const minRevealJustification = 20;

/** A revealed subject: each id with the pseudonym it stands behind. */
export interface RevealedSubject {
  revealId: number;
  subjectKind: SubjectKind;
  ids: { kind: 'officer' | 'declarant' | 'trader' | 'office'; pseudonym: string; id: string }[];
  revealedAt: string;
}

/**
 * Reveals the real id(s) of a case's subject to its assigned investigator or
 * a manager with access, with a written justification. The reveal is kept
 * (who, which ids, why, when) in `case_reveals`; the audit chain gets the
 * act, the case and the subject kind, never the id nor the text.
 */
export function revealCaseSubject(
  db: Db,
  actor: CaseActor,
  caseId: number,
  justification: string,
  now: Date,
): RevealedSubject {
  if (justification.trim().length < minRevealJustification) {
    throw caseBadRequest(
      caseErrorCodes.shortJustification,
      `A justification of at least ${minRevealJustification} characters is required.`,
    );
  }
  return db.transaction(() => {
    const { row, visibility } = loadCaseFor(db, actor, caseId, 'full');
    if (!casePermissions(db, actor, row, visibility).reveal || row.subject_kind === null) {
      throw caseForbidden(
        'Only the assigned investigator or a manager reveals ids on an open case.',
      );
    }
    const ids: RevealedSubject['ids'] =
      row.subject_kind === 'pair'
        ? [
            { kind: 'officer', pseudonym: row.subject_pseudonym ?? '', id: row.subject_id ?? '' },
            {
              kind: 'declarant',
              pseudonym: row.pair_declarant_pseudonym ?? '',
              id: row.pair_declarant_id ?? '',
            },
          ]
        : [
            {
              kind: row.subject_kind,
              pseudonym: row.subject_pseudonym ?? '',
              id: row.subject_id ?? '',
            },
          ];
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO case_reveals (case_id, user_id, subject_kind, revealed_ids, justification, revealed_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(caseId, actor.id, row.subject_kind, JSON.stringify(ids), justification, at);
    const revealId = Number(info.lastInsertRowid);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'reveal',
      auditAction: 'reveal',
      at,
      details: { revealId, justification },
      audit: {
        revealId,
        subjectKind: row.subject_kind,
        justificationSha256: textHash(justification),
      },
    });
    return { revealId, subjectKind: row.subject_kind, ids, revealedAt: at };
  })();
}
