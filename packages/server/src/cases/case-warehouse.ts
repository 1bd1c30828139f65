import type { UnitKind, WarehouseConnection } from '@probity/engine';
import { analysisTables, pseudonym, queryRows, tableExists } from '@probity/engine';
import { caseBadRequest, caseErrorCodes } from './case-errors.js';

/** Most declarations frozen per case (the total is recorded when there are more). */
export const evidenceDeclarationCap = 2000;

/** A subject resolved from what analysts see (pseudonyms) to the real ids. */
export type ResolvedSubject =
  | { kind: UnitKind; id: string; pseudonym: string }
  | {
      kind: 'pair';
      officerId: string;
      officerPseudonym: string;
      declarantId: string;
      declarantPseudonym: string;
    };

function subjectNotFound(): Error {
  return caseBadRequest(
    caseErrorCodes.subjectNotFound,
    'No analysed unit or pair has this pseudonym in the current analysis.',
  );
}

/**
 * Resolves a unit's pseudonym to its real id by scanning the analysed units
 * of that kind (pseudonyms are keyed hashes: they cannot be inverted).
 */
export async function resolveUnit(
  conn: WarehouseConnection,
  kind: UnitKind,
  shown: string,
  key: string,
): Promise<ResolvedSubject & { kind: UnitKind }> {
  if (!(await tableExists(conn, analysisTables.units))) throw subjectNotFound();
  const rows = await queryRows<{ unit_id: string }>(
    conn,
    `SELECT DISTINCT unit_id FROM ${analysisTables.units} WHERE kind = $1`,
    [kind],
  );
  const hit = rows.find((r) => pseudonym(kind, r.unit_id, key) === shown);
  if (!hit) throw subjectNotFound();
  return { kind, id: hit.unit_id, pseudonym: shown };
}

/** Resolves an officer × declarant pair given by pseudonyms to the real ids. */
export async function resolvePair(
  conn: WarehouseConnection,
  officerShown: string,
  declarantShown: string,
  key: string,
): Promise<ResolvedSubject & { kind: 'pair' }> {
  if (!(await tableExists(conn, analysisTables.pairs))) throw subjectNotFound();
  const rows = await queryRows<{ officer_id: string; declarant_id: string }>(
    conn,
    `SELECT DISTINCT officer_id, declarant_id FROM ${analysisTables.pairs}`,
  );
  const hit = rows.find(
    (r) =>
      pseudonym('officer', r.officer_id, key) === officerShown &&
      pseudonym('declarant', r.declarant_id, key) === declarantShown,
  );
  if (!hit) throw subjectNotFound();
  return {
    kind: 'pair',
    officerId: hit.officer_id,
    officerPseudonym: officerShown,
    declarantId: hit.declarant_id,
    declarantPseudonym: declarantShown,
  };
}

/** Evidence read from the warehouse, to be frozen into the case. */
export interface WarehouseEvidence {
  run: Record<string, unknown> | null;
  flags: Record<string, unknown>[];
  pairs: Record<string, unknown>[];
  declarations: { indicator: string | null; row: Record<string, unknown> }[];
  declarationsTotal: number;
}

async function latestRun(conn: WarehouseConnection): Promise<Record<string, unknown> | null> {
  if (!(await tableExists(conn, analysisTables.runs))) return null;
  const rows = await queryRows(
    conn,
    `SELECT run_id, generated_at, load_id FROM ${analysisTables.runs} LIMIT 1`,
  );
  return rows[0] ?? null;
}

/**
 * The flagged and watched indicators of a unit (or just `indicator`) and the
 * declarations behind them (analysis_evidence joined to declarations).
 */
export async function readUnitEvidence(
  conn: WarehouseConnection,
  kind: UnitKind,
  unitId: string,
  indicator: string | null,
): Promise<WarehouseEvidence> {
  const params = indicator === null ? [kind, unitId] : [kind, unitId, indicator];
  const only = indicator === null ? '' : 'AND indicator = $3';
  const flags = (await tableExists(conn, analysisTables.flags))
    ? await queryRows(
        conn,
        `SELECT indicator, n, observed, expected, ratio, z, p, q, status, explanation_en, explanation_fr
         FROM ${analysisTables.flags}
         WHERE kind = $1 AND unit_id = $2 AND status IN ('flagged', 'watch') ${only}
         ORDER BY indicator`,
        params,
      )
    : [];
  if (!(await tableExists(conn, analysisTables.evidence))) {
    return { run: await latestRun(conn), flags, pairs: [], declarations: [], declarationsTotal: 0 };
  }
  const total = await queryRows<{ n: number }>(
    conn,
    `SELECT count(*)::DOUBLE AS n FROM ${analysisTables.evidence} WHERE kind = $1 AND unit_id = $2 ${only}`,
    params,
  );
  const model = await modelColumns(conn);
  const rows = await queryRows<Record<string, unknown> & { evidence_indicator: string }>(
    conn,
    `SELECT e.indicator AS evidence_indicator, e.event AS evidence_event, e.value AS evidence_value,
       d.* ${model.select}
     FROM ${analysisTables.evidence} e JOIN declarations d USING (declaration_id) ${model.join}
     WHERE e.kind = $1 AND e.unit_id = $2 ${only.replace('indicator', 'e.indicator')}
     ORDER BY e.indicator, d.declaration_id
     LIMIT ${evidenceDeclarationCap}`,
    params,
  );
  return {
    run: await latestRun(conn),
    flags,
    pairs: [],
    declarations: rows.map(({ evidence_indicator, ...row }) => ({
      indicator: evidence_indicator,
      row: withModelFactors(row),
    })),
    declarationsTotal: total[0]?.n ?? rows.length,
  };
}

/**
 * The risk model's view of each evidence declaration, when `probity model score` has stored
 * scores: its score and its main factors, so that an investigator sees why the model ranked it
 * high (a reason to look, like every flag).
 */
async function modelColumns(conn: WarehouseConnection): Promise<{ select: string; join: string }> {
  if (!(await tableExists(conn, 'declaration_scores'))) return { select: '', join: '' };
  return {
    select: ', s.score AS model_score, CAST(s.top_factors AS VARCHAR) AS model_factors',
    join: 'LEFT JOIN declaration_scores s USING (declaration_id)',
  };
}

/**
 * The stored factors (JSON: feature, value, contribution in log-odds) as one line, e.g.
 * `risk_score = 0.91 (+1.204); hs2 = 84 (+0.311)`; null when the declaration was not explained.
 */
function modelFactorsText(json: unknown): string | null {
  if (typeof json !== 'string') return null;
  let factors: unknown;
  try {
    factors = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(factors)) return null;
  return factors
    .map((f: { feature?: unknown; value?: unknown; contribution?: unknown }) => {
      const value = f.value === null || f.value === undefined ? '(missing)' : String(f.value);
      const c = typeof f.contribution === 'number' ? f.contribution : Number.NaN;
      return `${String(f.feature)} = ${value} (${c >= 0 ? '+' : ''}${c.toFixed(3)})`;
    })
    .join('; ');
}

function withModelFactors(row: Record<string, unknown>): Record<string, unknown> {
  if (!('model_factors' in row)) return row;
  return { ...row, model_factors: modelFactorsText(row['model_factors']) };
}

/** The pair's analysis rows and its declarations. */
export async function readPairEvidence(
  conn: WarehouseConnection,
  officerId: string,
  declarantId: string,
): Promise<WarehouseEvidence> {
  const pairs = await queryRows(
    conn,
    `SELECT office, observed, expected, lift, manual, periods, p, q FROM ${analysisTables.pairs}
     WHERE officer_id = $1 AND declarant_id = $2 ORDER BY office`,
    [officerId, declarantId],
  );
  const total = await queryRows<{ n: number }>(
    conn,
    'SELECT count(*)::DOUBLE AS n FROM declarations WHERE officer_id = $1 AND declarant_id = $2',
    [officerId, declarantId],
  );
  const model = await modelColumns(conn);
  const rows = await queryRows(
    conn,
    `SELECT d.* ${model.select} FROM declarations d ${model.join}
     WHERE d.officer_id = $1 AND d.declarant_id = $2
     ORDER BY d.declaration_id LIMIT ${evidenceDeclarationCap}`,
    [officerId, declarantId],
  );
  return {
    run: await latestRun(conn),
    flags: [],
    pairs,
    declarations: rows.map((row) => ({
      indicator: 'pair_concentration',
      row: withModelFactors(row),
    })),
    declarationsTotal: total[0]?.n ?? rows.length,
  };
}
