import type { WarehouseConnection } from '@probity/engine';
import type { CaseCreateBody } from '../api/cases.js';
import { createCase } from './case-create.js';
import type { CaseDeadlineSettings } from './case-deadlines.js';
import { caseBadRequest, caseConflict, caseErrorCodes, caseForbidden } from './case-errors.js';
import type { ResolvedSubject, WarehouseEvidence } from './case-warehouse.js';
import { readPairEvidence, readUnitEvidence, resolvePair, resolveUnit } from './case-warehouse.js';
import type { CaseActor, Db } from './case-types.js';

/** What opening a case needs besides the request. */
export interface OpenCaseContext {
  readonly db: Db;
  /** The warehouse connection, or null when no warehouse is loaded. */
  readonly warehouse: WarehouseConnection | null;
  readonly pseudonymKey: string;
  readonly settings: CaseDeadlineSettings;
  readonly now: Date;
}

async function resolveAndRead(
  conn: WarehouseConnection,
  subject: NonNullable<CaseCreateBody['subject']>,
  indicator: string | null,
  key: string,
): Promise<{ subject: ResolvedSubject; evidence: WarehouseEvidence }> {
  if (subject.kind === 'pair') {
    if (!subject.declarantPseudonym) {
      throw caseBadRequest(caseErrorCodes.badRequest, 'A pair needs the declarant pseudonym.');
    }
    const pair = await resolvePair(conn, subject.pseudonym, subject.declarantPseudonym, key);
    return {
      subject: pair,
      evidence: await readPairEvidence(conn, pair.officerId, pair.declarantId),
    };
  }
  const unit = await resolveUnit(conn, subject.kind, subject.pseudonym, key);
  return { subject: unit, evidence: await readUnitEvidence(conn, unit.kind, unit.id, indicator) };
}

/**
 * Opens a case from a request: resolves the subject's pseudonym(s) to real
 * ids in the warehouse, reads the evidence behind the flag, then writes the
 * case with its frozen evidence in one transaction. Analysts may open cases
 * from flags and pairs only; investigators and managers also by hand.
 */
export async function openCase(
  ctx: OpenCaseContext,
  actor: CaseActor,
  body: CaseCreateBody,
): Promise<number> {
  if (actor.role === 'analyst' && body.source === 'manual') {
    throw caseForbidden('Analysts open cases from flags and pairs.');
  }
  if (body.source !== 'manual' && !body.subject) {
    throw caseBadRequest(
      caseErrorCodes.badRequest,
      'A case from a flag or pair needs its subject.',
    );
  }
  if (body.subject && (body.source === 'pair') !== (body.subject.kind === 'pair')) {
    throw caseBadRequest(caseErrorCodes.badRequest, 'A pair case has a pair subject, and only it.');
  }
  let resolved: { subject: ResolvedSubject; evidence: WarehouseEvidence } | null = null;
  if (body.subject) {
    if (!ctx.warehouse) {
      throw caseConflict(
        caseErrorCodes.noWarehouse,
        'No analysis is loaded to find the subject in.',
      );
    }
    resolved = await resolveAndRead(
      ctx.warehouse,
      body.subject,
      body.indicator ?? null,
      ctx.pseudonymKey,
    );
  }
  return createCase(
    ctx.db,
    actor,
    {
      title: body.title,
      source: body.source,
      subject: resolved?.subject ?? null,
      indicator: body.indicator ?? null,
      priority: body.priority ?? 'normal',
      deadline: body.deadline ? new Date(body.deadline).toISOString() : null,
      evidence: resolved?.evidence ?? null,
    },
    ctx.settings,
    ctx.now,
  );
}
