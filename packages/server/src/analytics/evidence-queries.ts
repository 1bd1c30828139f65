import type {
  EvidenceDeclaration,
  EvidenceQuery,
  EvidenceResponse,
} from '../api/analytics-integrity.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import { round, toCount, toText } from './json-values.js';
import type { UnitEntry } from './unit-queries.js';

/** Columns of an evidence row joined to its declaration. */
const evidenceColumns = `p.indicator, p.declaration_id, p.event, p.value, d.office_code,
     CAST(d.lodged_at AS VARCHAR) AS lodged_at, CAST(d.released_at AS VARCHAR) AS released_at,
     d.risk_channel, d.final_channel, d.assignment, d.inspected, d.outcome,
     d.officer_id, d.declarant_id, d.trader_id,
     d.declared_value, d.declared_duty, d.assessed_duty`;

/** SQL of one page of a unit's evidence, joined to its declarations. Binds kind, unit, indicator, limit, offset. */
export const evidencePageSql = `WITH page AS (
     SELECT indicator, declaration_id, event, value FROM analysis_evidence
     WHERE kind = $kind AND unit_id = $unit AND ($indicator::VARCHAR IS NULL OR indicator = $indicator)
     ORDER BY indicator, declaration_id LIMIT $limit OFFSET $offset
   )
   SELECT ${evidenceColumns}
   FROM page p LEFT JOIN declarations d USING (declaration_id)
   ORDER BY p.indicator, p.declaration_id`;

/** SQL counting a unit's evidence rows. Binds kind, unit, indicator. */
export const evidenceCountSql = `SELECT CAST(count(*) AS DOUBLE) AS n FROM analysis_evidence
   WHERE kind = $kind AND unit_id = $unit AND ($indicator::VARCHAR IS NULL OR indicator = $indicator)`;

/** SQL of every evidence row of the run with its declaration, by unit. */
export const allEvidenceSql = `SELECT p.kind, p.unit_id, ${evidenceColumns}
   FROM analysis_evidence p LEFT JOIN declarations d USING (declaration_id)
   ORDER BY p.kind, p.unit_id, p.indicator, p.declaration_id`;

type Person = 'officer' | 'declarant' | 'trader';

function evidenceOf(
  r: Record<string, unknown>,
  label: (kind: Person, id: string) => string,
): EvidenceDeclaration {
  const person = (kind: Person, id: unknown) =>
    id === null || id === undefined ? null : label(kind, String(id));
  return {
    indicator: String(r['indicator']),
    declarationId: String(r['declaration_id']),
    event: r['event'] === true,
    value: round(r['value']),
    office: toText(r['office_code']),
    lodgedAt: toText(r['lodged_at']),
    releasedAt: toText(r['released_at']),
    riskChannel: toText(r['risk_channel']),
    finalChannel: toText(r['final_channel']),
    assignment: toText(r['assignment']),
    inspected: typeof r['inspected'] === 'boolean' ? r['inspected'] : null,
    outcome: toText(r['outcome']),
    officer: person('officer', r['officer_id']),
    declarant: person('declarant', r['declarant_id']),
    trader: person('trader', r['trader_id']),
    declaredValue: round(r['declared_value']),
    declaredDuty: round(r['declared_duty']),
    assessedDuty: round(r['assessed_duty']),
  };
}

const unitKey = (kind: string, id: string) => `${kind}\u0000${id}`;

/**
 * Every evidence row of the run, by unit, when there are at most
 * `service.evidenceMemoryCap` (cached per run): pages then cost no query.
 * Null when there are more.
 */
export function evidenceInMemory(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<ReadonlyMap<string, EvidenceDeclaration[]> | null> {
  return service.forRun('evidence-all', null, async () => {
    const [count] = await reader.query<{ n: number }>(
      `SELECT CAST(count(*) AS DOUBLE) AS n FROM analysis_evidence`,
    );
    if (toCount(count?.n) > service.evidenceMemoryCap) return null;
    const rows = await reader.query<Record<string, unknown>>(allEvidenceSql);
    const byUnit = new Map<string, EvidenceDeclaration[]>();
    const label = (kind: Person, id: string) => service.label(run, kind, id);
    for (const r of rows) {
      const key = unitKey(String(r['kind']), String(r['unit_id']));
      const list = byUnit.get(key) ?? [];
      list.push(evidenceOf(r, label));
      byUnit.set(key, list);
    }
    return byUnit;
  });
}

/**
 * One page of the declarations behind a unit's flagged and watched
 * indicators; officers, declarants and traders on them as pseudonyms.
 */
export async function unitEvidence(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
  entry: UnitEntry,
  query: EvidenceQuery,
): Promise<EvidenceResponse> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const page = {
    run: runRef(run),
    kind: entry.view.kind,
    unit: entry.view.unit,
    limit,
    offset,
  };
  const held = await evidenceInMemory(service, run, reader);
  if (held) {
    const all = held.get(unitKey(entry.view.kind, entry.id)) ?? [];
    const matching = query.indicator ? all.filter((e) => e.indicator === query.indicator) : all;
    return { ...page, total: matching.length, items: matching.slice(offset, offset + limit) };
  }
  const params = {
    kind: entry.view.kind,
    unit: entry.id,
    indicator: query.indicator ?? null,
    limit,
    offset,
  };
  const [rows, [count]] = await Promise.all([
    reader.query<Record<string, unknown>>(evidencePageSql, params),
    reader.query<{ n: number }>(evidenceCountSql, params),
  ]);
  const label = (kind: Person, id: string) => service.label(run, kind, id);
  return {
    ...page,
    total: toCount(count?.n),
    items: rows.map((r) => evidenceOf(r, label)),
  };
}
