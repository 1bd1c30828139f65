import type { EvidenceQuery, EvidenceResponse } from '../api/analytics-integrity.js';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { AnalyticsService as Service } from './analytics-service.js';
import { round, toCount, toText } from './json-values.js';
import type { UnitEntry } from './unit-queries.js';

/** SQL of one page of a unit's evidence, joined to its declarations. Binds kind, unit, indicator, limit, offset. */
export const evidencePageSql = `WITH page AS (
     SELECT indicator, declaration_id, event, value FROM analysis_evidence
     WHERE kind = $kind AND unit_id = $unit AND ($indicator::VARCHAR IS NULL OR indicator = $indicator)
     ORDER BY indicator, declaration_id LIMIT $limit OFFSET $offset
   )
   SELECT p.indicator, p.declaration_id, p.event, p.value, d.office_code,
     CAST(d.lodged_at AS VARCHAR) AS lodged_at, CAST(d.released_at AS VARCHAR) AS released_at,
     d.risk_channel, d.final_channel, d.assignment, d.inspected, d.outcome,
     d.officer_id, d.declarant_id, d.trader_id,
     d.declared_value, d.declared_duty, d.assessed_duty
   FROM page p LEFT JOIN declarations d USING (declaration_id)
   ORDER BY p.indicator, p.declaration_id`;

/** SQL counting a unit's evidence rows. Binds kind, unit, indicator. */
export const evidenceCountSql = `SELECT CAST(count(*) AS DOUBLE) AS n FROM analysis_evidence
   WHERE kind = $kind AND unit_id = $unit AND ($indicator::VARCHAR IS NULL OR indicator = $indicator)`;

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
  const person = (kind: 'officer' | 'declarant' | 'trader', id: unknown) =>
    id === null || id === undefined ? null : service.label(run, kind, String(id));
  return {
    run: Service.runRef(run),
    kind: entry.view.kind,
    unit: entry.view.unit,
    total: toCount(count?.n),
    limit,
    offset,
    items: rows.map((r) => ({
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
    })),
  };
}
