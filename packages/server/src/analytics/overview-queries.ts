import {
  performanceCatalogue,
  pmmDimensions,
  standardisedIndicators,
  tableExists,
  unitKinds,
} from '@probity/engine';
import type {
  IndicatorValue,
  OfficeOverviewView,
  OverviewResponse,
  UnitStatusCounts,
} from '../api/analytics-overview.js';
import type { AnalysisRun } from './analytics-service.js';
import type { AnalyticsReader } from './analytics-reader.js';
import { round, toCount, toText } from './json-values.js';

interface PerformanceTableRow {
  indicator_id: string;
  office_code: string | null;
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Every row of `analysis_performance`: indicator values overall, by period, office and both. */
export async function performanceRows(reader: AnalyticsReader): Promise<PerformanceTableRow[]> {
  return reader.query<PerformanceTableRow>(
    `SELECT indicator_id, office_code, CAST(period AS VARCHAR) AS period,
       CAST(value AS DOUBLE) AS value, CAST(numerator AS DOUBLE) AS numerator,
       CAST(denominator AS DOUBLE) AS denominator
     FROM analysis_performance ORDER BY indicator_id, office_code NULLS FIRST, period NULLS FIRST`,
  );
}

/** Units by kind and status, from `analysis_units`. */
export async function unitStatusCounts(reader: AnalyticsReader): Promise<UnitStatusCounts[]> {
  const rows = await reader.query<{ kind: string; status: string; n: number }>(
    `SELECT kind, status, CAST(count(*) AS DOUBLE) AS n FROM analysis_units GROUP BY kind, status`,
  );
  return unitKinds.map((kind) => {
    const count = (status: string) =>
      rows.find((r) => r.kind === kind && r.status === status)?.n ?? 0;
    return {
      kind,
      flagged: count('flagged'),
      watch: count('watch'),
      clear: count('clear'),
      insufficientData: count('insufficient_data'),
    };
  });
}

/** Indicators with stored results, and those skipped with why. */
interface IndicatorsOfRun {
  run: string[];
  skipped: { id: string; reason: string }[];
}

function runInfo(run: AnalysisRun, indicators: IndicatorsOfRun): OverviewResponse['run'] {
  const c = run.config;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    runId: run.runId,
    generatedAt: run.generatedAt,
    loadId: run.loadId,
    datasetName: run.datasetName,
    declarations: run.declarations,
    config: {
      period: String(c['period'] ?? ''),
      fdrLevel: toCount(c['fdrLevel']),
      watchLevel: toCount(c['watchLevel']),
      minVolume: toCount(c['minVolume']),
      strata: list(c['strata']),
      pseudonymKeyFingerprint: String(c['pseudonymKeyFingerprint'] ?? ''),
    },
    indicatorsRun: indicators.run,
    indicatorsSkipped: indicators.skipped,
  };
}

/** Indicators run (those with stored results) and skipped (the others, with why when known). */
async function indicatorsOfRun(reader: AnalyticsReader): Promise<IndicatorsOfRun> {
  const rows = await reader.query<{ indicator: string }>(
    `SELECT DISTINCT indicator FROM analysis_flags ORDER BY indicator`,
  );
  const run = rows.map((r) => r.indicator);
  const skipped: IndicatorsOfRun['skipped'] = [];
  for (const indicator of standardisedIndicators) {
    if (run.includes(indicator.id)) continue;
    const missing =
      indicator.requiresTable && !(await tableExists(reader.connection, indicator.requiresTable));
    skipped.push({
      id: indicator.id,
      reason: missing
        ? `no ${indicator.requiresTable} table in the warehouse`
        : 'no unit had eligible declarations',
    });
  }
  return { run, skipped };
}

interface ClearanceRow {
  office: string | null;
  n: number;
  green: number;
  yellow: number;
  red: number;
  blue: number;
  inspected: number;
  findings: number;
}

/** Declarations by office (and in all: office null) by final channel, with inspections and findings. */
export async function clearanceCounts(reader: AnalyticsReader): Promise<ClearanceRow[]> {
  return reader.query<ClearanceRow>(
    `SELECT office_code AS office, CAST(count(*) AS DOUBLE) AS n,
       CAST(count(*) FILTER (WHERE final_channel = 'green') AS DOUBLE) AS green,
       CAST(count(*) FILTER (WHERE final_channel = 'yellow') AS DOUBLE) AS yellow,
       CAST(count(*) FILTER (WHERE final_channel = 'red') AS DOUBLE) AS red,
       CAST(count(*) FILTER (WHERE final_channel = 'blue') AS DOUBLE) AS blue,
       CAST(count(*) FILTER (WHERE inspected) AS DOUBLE) AS inspected,
       CAST(count(*) FILTER (WHERE inspected AND outcome = 'finding') AS DOUBLE) AS findings
     FROM declarations GROUP BY GROUPING SETS ((office_code), ())
     ORDER BY office_code NULLS FIRST`,
  );
}

const overviewOf = (o: ClearanceRow): OfficeOverviewView => ({
  office: o.office,
  declarations: o.n,
  channels: { green: o.green, yellow: o.yellow, red: o.red, blue: o.blue },
  inspectionRate: round(o.n > 0 ? o.inspected / o.n : 0) ?? 0,
  findingRate: round(o.inspected > 0 ? o.findings / o.inspected : 0) ?? 0,
});

/** The whole `GET /api/overview` answer for a run. */
export async function overview(
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<OverviewResponse> {
  const [rows, clearance, units, indicators] = await Promise.all([
    performanceRows(reader),
    clearanceCounts(reader),
    unitStatusCounts(reader),
    indicatorsOfRun(reader),
  ]);
  const value = (r: PerformanceTableRow): IndicatorValue => ({
    period: toText(r.period),
    office: toText(r.office_code),
    value: round(r.value),
    numerator: round(r.numerator),
    denominator: round(r.denominator),
  });
  const periods = [...new Set(rows.flatMap((r) => (r.period ? [r.period] : [])))].sort();
  const byOffice = clearance.filter((o) => o.office !== null).map(overviewOf);
  const totalRow = clearance.find((o) => o.office === null);
  const total = overviewOf(
    totalRow ?? {
      office: null,
      n: 0,
      green: 0,
      yellow: 0,
      red: 0,
      blue: 0,
      inspected: 0,
      findings: 0,
    },
  );
  const officeCodes = byOffice.flatMap((o) => (o.office ? [o.office] : [])).sort();
  return {
    run: runInfo(run, indicators),
    periods,
    offices: officeCodes,
    dimensions: pmmDimensions.map((d) => ({ id: d.id, name: { ...d.name } })),
    indicators: performanceCatalogue.map((indicator) => {
      const own = rows.filter((r) => r.indicator_id === indicator.id);
      const overall = own.find((r) => r.office_code === null && r.period === null);
      return {
        id: indicator.id,
        name: { ...indicator.name },
        definition: { ...indicator.definition },
        unit: indicator.unit,
        direction: indicator.direction,
        dimension: indicator.dimension,
        overall: overall ? round(overall.value) : null,
        byPeriod: own.filter((r) => r.office_code === null && r.period !== null).map(value),
        byOffice: own.filter((r) => r.office_code !== null && r.period === null).map(value),
        byOfficePeriod: own.filter((r) => r.office_code !== null && r.period !== null).map(value),
      };
    }),
    clearance: { total, byOffice },
    units,
  };
}
