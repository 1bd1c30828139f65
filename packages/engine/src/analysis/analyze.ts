import { randomUUID } from 'node:crypto';
import type { UnitKind } from '../indicators/index.js';
import { eventTable, standardisedIndicators, unitKinds } from '../indicators/index.js';
import type { PairResult } from '../risk/index.js';
import { pairConcentration, unitLabeller } from '../risk/index.js';
import { EngineError } from '../errors.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues, sqlIdentifier } from '../warehouse/index.js';
import type { AnalysisConfig } from './analysis-config.js';
import { baseTable, buildAnalysisBase } from './analysis-base.js';
import type { IndicatorFunnel } from './integrity-analysis.js';
import { runStandardisedIndicators, unitKey } from './integrity-analysis.js';
import type { UnitAssessment } from './unit-assessment.js';
import { assessUnits } from './unit-assessment.js';
import { saveAnalysis } from './save-analysis.js';

/** A step of the analysis, for progress display. */
export interface AnalysisProgress {
  readonly step: string;
}

/** Options of an analysis run. */
export interface AnalyzeOptions {
  readonly onProgress?: (progress: AnalysisProgress) => void;
  /** Extra analyses run on the same base and added to the result (performance, mirror, ...). */
  readonly extensions?: readonly AnalysisExtension[];
}

/** An analysis that runs after the base is built and adds a section to the result. */
export interface AnalysisExtension {
  readonly name: string;
  run(conn: WarehouseConnection, config: AnalysisConfig): Promise<unknown>;
  /** The section as published: ids of people and firms replaced by their labels. */
  publish?(section: unknown, label: (kind: UnitKind, id: string) => string): unknown;
}

/** Everything one analysis run found, with real ids (labelling happens on output). */
export interface AnalysisResult {
  readonly runId: string;
  readonly generatedAt: string;
  readonly config: AnalysisConfig;
  readonly dataset: {
    readonly name: string | null;
    readonly loadId: string;
    readonly declarations: number;
  };
  readonly units: readonly UnitAssessment[];
  readonly pairs: readonly PairResult[];
  readonly pairsObserved: number;
  readonly funnels: readonly IndicatorFunnel[];
  readonly indicatorsRun: readonly string[];
  readonly indicatorsSkipped: readonly { id: string; reason: string }[];
  readonly sections: Readonly<Record<string, unknown>>;
  /** How each section is published (pseudonyms), by section name. */
  readonly publishers: Readonly<
    Record<string, (section: unknown, label: (kind: UnitKind, id: string) => string) => unknown>
  >;
}

async function unitVolumes(conn: WarehouseConnection): Promise<Map<string, number>> {
  const volumes = new Map<string, number>();
  const columns: Record<UnitKind, string> = {
    officer: 'officer_id',
    declarant: 'declarant_id',
    trader: 'trader_id',
    office: 'office_code',
  };
  for (const kind of unitKinds) {
    const rows = await queryValues<{ unit: string; n: bigint }>(
      conn,
      `SELECT ${columns[kind]} AS unit, count(*) AS n FROM ${baseTable}
       WHERE ${columns[kind]} IS NOT NULL GROUP BY 1`,
    );
    for (const r of rows) volumes.set(unitKey(kind, r.unit), Number(r.n));
  }
  return volumes;
}

/**
 * Analyses the loaded warehouse: integrity indicators on every officer,
 * declarant, trader and office (case-mix adjusted, over-dispersion aware,
 * false discovery controlled), officer–declarant pair concentration, a
 * status and rank for every unit, and the extensions' sections; writes the
 * results into the warehouse (tables `analysis_*`) and returns them.
 */
export async function analyzeWarehouse(
  conn: WarehouseConnection,
  config: AnalysisConfig,
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const progress = (step: string) => options.onProgress?.({ step });
  const [load] = await queryValues<{ load_id: string; dataset_name: string | null }>(
    conn,
    `SELECT load_id, dataset_name FROM probity_loads ORDER BY finished_at DESC LIMIT 1`,
  ).catch(() => []);
  if (!load) {
    throw new EngineError(
      'PROBITY_WAREHOUSE_EMPTY',
      'the warehouse holds no dataset yet: load one first (`probity load DATASET`)',
    );
  }
  progress('preparing declarations');
  await buildAnalysisBase(conn, config);
  const [count] = await queryValues<{ n: bigint }>(conn, `SELECT count(*) AS n FROM ${baseTable}`);

  const sections: Record<string, unknown> = {};
  const publishers: AnalysisResult['publishers'] = {};
  for (const extension of options.extensions ?? []) {
    progress(extension.name);
    sections[extension.name] = await extension.run(conn, config);
    if (extension.publish) {
      Object.assign(publishers, { [extension.name]: extension.publish.bind(extension) });
    }
  }

  progress('integrity indicators');
  const standardised = await runStandardisedIndicators(conn, config);
  progress('officer–declarant pairs');
  const { pairs, pairsObserved } = await pairConcentration(conn, config);
  progress('ranking units');
  const volumes = await unitVolumes(conn);
  const label = unitLabeller(config.pseudonymKey, false);
  const units = assessUnits(standardised, pairs, volumes, config, label);

  const result: AnalysisResult = {
    runId: randomUUID(),
    generatedAt: new Date().toISOString(),
    config,
    dataset: {
      name: load.dataset_name,
      loadId: load.load_id,
      declarations: Number(count?.n ?? 0n),
    },
    units,
    pairs,
    pairsObserved,
    funnels: standardised.funnels,
    indicatorsRun: [...standardised.indicatorsRun, 'pair_concentration'],
    indicatorsSkipped: standardised.indicatorsSkipped,
    sections,
    publishers,
  };
  progress('saving results');
  await saveAnalysis(conn, result);
  for (const indicator of standardisedIndicators) {
    await execute(conn, `DROP TABLE IF EXISTS ${sqlIdentifier(eventTable(indicator.id))}`);
  }
  return result;
}
