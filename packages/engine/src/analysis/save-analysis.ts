import type { UnitKind } from '../indicators/index.js';
import { eventTable, standardisedIndicators } from '../indicators/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { appendRows, execute, sqlIdentifier } from '../warehouse/index.js';
import type { AnalysisResult } from './analyze.js';
import { keyFingerprint } from './key-fingerprint.js';

/** Tables an analysis run writes (each replaced by the next run). */
export const analysisTables = {
  runs: 'analysis_runs',
  units: 'analysis_units',
  flags: 'analysis_flags',
  pairs: 'analysis_pairs',
  funnels: 'analysis_funnels',
  evidence: 'analysis_evidence',
  sections: 'analysis_sections',
} as const;

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The configuration as stored: the pseudonym key replaced by its fingerprint. */
export function storableConfig(config: AnalysisResult['config']): Record<string, unknown> {
  const { pseudonymKey, ...rest } = config;
  return {
    ...rest,
    pseudonymKeyFingerprint: keyFingerprint(pseudonymKey),
  };
}

const unitColumn: Record<UnitKind, string> = {
  officer: 'unit_officer',
  declarant: 'unit_declarant',
  trader: 'unit_trader',
  office: 'unit_office',
};

/**
 * Writes an analysis run into the warehouse in one transaction, replacing
 * the previous run: units, their indicators, pairs, funnels, the
 * declarations behind every flagged or watched indicator (evidence), and
 * each extension's section as JSON. Real ids are stored: the warehouse is
 * the restricted store; pseudonyms are applied when results are shown.
 */
export async function saveAnalysis(
  conn: WarehouseConnection,
  result: AnalysisResult,
): Promise<void> {
  await execute(conn, 'BEGIN TRANSACTION');
  try {
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.runs} (run_id VARCHAR, generated_at VARCHAR,
        load_id VARCHAR, declarations DOUBLE, config VARCHAR)`,
    );
    await appendRows(conn, analysisTables.runs, [
      [
        result.runId,
        result.generatedAt,
        result.dataset.loadId,
        result.dataset.declarations,
        JSON.stringify(storableConfig(result.config)),
      ],
    ]);
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.units} (kind VARCHAR, unit_id VARCHAR,
        office VARCHAR, volume DOUBLE, score DOUBLE, rank DOUBLE, status VARCHAR)`,
    );
    await appendRows(
      conn,
      analysisTables.units,
      result.units.map((u) => [u.kind, u.id, u.office, u.volume, u.score, u.rank, u.status]),
    );
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.flags} (kind VARCHAR, unit_id VARCHAR,
        indicator VARCHAR, n DOUBLE, observed DOUBLE, expected DOUBLE, ratio DOUBLE, z DOUBLE,
        z_raw DOUBLE, p DOUBLE, q DOUBLE, status VARCHAR, explanation_en VARCHAR, explanation_fr VARCHAR)`,
    );
    await appendRows(
      conn,
      analysisTables.flags,
      result.units.flatMap((u) =>
        u.indicators.map((f) => [
          u.kind,
          u.id,
          f.indicator,
          f.n,
          f.observed,
          f.expected,
          finite(f.ratio),
          finite(f.z),
          finite(f.zRaw),
          finite(f.p),
          finite(f.q),
          f.status,
          f.explanation.en,
          f.explanation.fr,
        ]),
      ),
    );
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.pairs} (office VARCHAR, officer_id VARCHAR,
        declarant_id VARCHAR, observed DOUBLE, expected DOUBLE, lift DOUBLE, manual DOUBLE,
        periods DOUBLE, p DOUBLE, q DOUBLE)`,
    );
    await appendRows(
      conn,
      analysisTables.pairs,
      result.pairs.map((p) => [
        p.office,
        p.officer,
        p.declarant,
        p.observed,
        p.expected,
        finite(p.lift),
        p.manual,
        p.periods,
        p.p,
        p.q,
      ]),
    );
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.funnels} (kind VARCHAR, indicator VARCHAR, funnel VARCHAR)`,
    );
    await appendRows(
      conn,
      analysisTables.funnels,
      result.funnels.map((f) => [f.kind, f.indicator, JSON.stringify(f)]),
    );
    await execute(
      conn,
      `CREATE OR REPLACE TABLE ${analysisTables.sections} (name VARCHAR, content VARCHAR)`,
    );
    await appendRows(
      conn,
      analysisTables.sections,
      Object.entries(result.sections).map(([name, content]) => [name, JSON.stringify(content)]),
    );
    await saveEvidence(conn, result);
    await execute(conn, 'COMMIT');
  } catch (error) {
    await execute(conn, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The declarations behind each flagged or watched indicator, from the indicator's eligible rows. */
async function saveEvidence(conn: WarehouseConnection, result: AnalysisResult): Promise<void> {
  await execute(
    conn,
    `CREATE OR REPLACE TABLE ${analysisTables.evidence} (kind VARCHAR, unit_id VARCHAR,
      indicator VARCHAR, declaration_id VARCHAR, event BOOLEAN, value DOUBLE)`,
  );
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE a_flagged (kind VARCHAR, unit_id VARCHAR, indicator VARCHAR)`,
  );
  await appendRows(
    conn,
    'a_flagged',
    result.units.flatMap((u) =>
      u.indicators
        .filter((f) => f.status === 'flagged' || f.status === 'watch')
        .map((f) => [u.kind, u.id, f.indicator]),
    ),
  );
  for (const indicator of standardisedIndicators.filter((i) =>
    result.indicatorsRun.includes(i.id),
  )) {
    const events =
      indicator.measure === 'binary' ? (indicator.side === 'high' ? 'e.y > 0' : 'e.y = 0') : 'true';
    for (const [kind, column] of Object.entries(unitColumn)) {
      await execute(
        conn,
        `INSERT INTO ${analysisTables.evidence}
         SELECT DISTINCT f.kind, f.unit_id, f.indicator, e.declaration_id, e.y > 0, e.y
         FROM ${sqlIdentifier(eventTable(indicator.id))} e
         JOIN a_flagged f ON f.kind = $1 AND f.indicator = $2 AND f.unit_id = e.${sqlIdentifier(column)}
         WHERE ${events}`,
        [kind, indicator.id],
      );
    }
  }
  // Pair concentration: the declarations of the pair.
  await execute(
    conn,
    `INSERT INTO ${analysisTables.evidence}
     SELECT 'officer', p.officer_id, 'pair_concentration', d.declaration_id, d.assignment = 'manual', NULL
     FROM ${analysisTables.pairs} p
     JOIN a_flagged f ON f.kind = 'officer' AND f.unit_id = p.officer_id AND f.indicator = 'pair_concentration'
     JOIN a_declarations d ON d.office_code = p.office AND d.officer_id = p.officer_id AND d.declarant_id = p.declarant_id
     WHERE p.q < $1`,
    [result.config.watchLevel],
  );
  await execute(conn, 'DROP TABLE IF EXISTS a_flagged');
}
