import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';
import { LABELS_NOTE } from './model-evaluation.js';
import { type ChannelCounts, channelTable } from './recommend-channels.js';

/** Findings and revenue among a set of declarations whose outcome is known. */
export interface CapturedOutcomes {
  readonly declarations: number;
  /** Of them, controlled (outcome known). */
  readonly controlled: number;
  readonly findings: number;
  /** Assessed − declared duty over their findings. */
  readonly revenue: number;
  /** Share of all findings of the period. */
  readonly shareOfFindings: number;
  /** Share of all revenue recovered in the period. */
  readonly shareOfRevenue: number;
}

/** What the model would have selected on past data against what was selected. */
export interface SelectionReport {
  readonly createdAt: string;
  readonly modelId: string;
  /** First lodgement time of the declarations compared (the model's evaluation period by default). */
  readonly from: string | null;
  readonly declarations: number;
  readonly channels: ChannelCounts;
  /** What officers actually controlled. */
  readonly actual: CapturedOutcomes & { readonly inspected: number };
  /** Declarations the model recommends red or yellow (exploration left out). */
  readonly model: CapturedOutcomes;
  /** The model's top N by score, N = the number of declarations actually controlled. */
  readonly sameBudget: CapturedOutcomes;
  /** Random exploration draws. */
  readonly exploration: CapturedOutcomes;
  /** Share of the actually controlled declarations the model also selects, and the reverse. */
  readonly overlap: { readonly shareOfControlled: number; readonly shareOfModelSelected: number };
  readonly notes: string[];
}

/** Table keeping every selection report as JSON. */
export const selectionReportTable = 'model_selection_reports';

/**
 * Compares the recommended channels with what was actually selected on the declarations lodged
 * from `from` on: inspections, findings and revenue captured, and overlap. Stores the report as
 * JSON in `model_selection_reports` and returns it.
 */
export async function selectionReport(
  conn: WarehouseConnection,
  channels: ChannelCounts,
  options: { readonly from?: string; readonly now?: () => Date } = {},
): Promise<SelectionReport> {
  const from = options.from ?? null;
  const [row] = await queryValues<Record<string, number | bigint | string | null>>(
    conn,
    `WITH p AS (
       SELECT c.*, d.inspected, d.outcome IN ('finding', 'no_finding') AS controlled,
         d.outcome = 'finding' AS finding,
         CASE WHEN d.outcome = 'finding'
           THEN CAST(coalesce(d.assessed_duty, d.declared_duty) - d.declared_duty AS DOUBLE) ELSE 0 END AS revenue,
         c.model_channel IN ('red', 'yellow') AS model_selected,
         row_number() OVER (ORDER BY c.score DESC, c.declaration_id) AS period_rank
       FROM ${channelTable} c JOIN declarations d USING (declaration_id)
       WHERE $from IS NULL OR d.lodged_at >= CAST($from AS TIMESTAMP)
     ),
     budget AS (SELECT count(*) FILTER (WHERE controlled) AS n FROM p)
     SELECT any_value(model_id) AS model_id, count(*) AS declarations,
       count(*) FILTER (WHERE controlled) AS a_controlled,
       count(*) FILTER (WHERE inspected) AS a_inspected,
       count(*) FILTER (WHERE finding) AS a_findings,
       coalesce(sum(revenue), 0) AS a_revenue,
       count(*) FILTER (WHERE model_selected) AS m_declarations,
       count(*) FILTER (WHERE model_selected AND controlled) AS m_controlled,
       count(*) FILTER (WHERE model_selected AND finding) AS m_findings,
       coalesce(sum(revenue) FILTER (WHERE model_selected), 0) AS m_revenue,
       count(*) FILTER (WHERE period_rank <= (SELECT n FROM budget)) AS b_declarations,
       count(*) FILTER (WHERE period_rank <= (SELECT n FROM budget) AND controlled) AS b_controlled,
       count(*) FILTER (WHERE period_rank <= (SELECT n FROM budget) AND finding) AS b_findings,
       coalesce(sum(revenue) FILTER (WHERE period_rank <= (SELECT n FROM budget)), 0) AS b_revenue,
       count(*) FILTER (WHERE explored) AS e_declarations,
       count(*) FILTER (WHERE explored AND controlled) AS e_controlled,
       count(*) FILTER (WHERE explored AND finding) AS e_findings,
       coalesce(sum(revenue) FILTER (WHERE explored), 0) AS e_revenue
     FROM p`,
    { from },
  );
  const n = (k: string): number => Number(row?.[k] ?? 0);
  const findings = n('a_findings');
  const revenue = n('a_revenue');
  const captured = (p: string): CapturedOutcomes => ({
    declarations: n(`${p}_declarations`),
    controlled: n(`${p}_controlled`),
    findings: n(`${p}_findings`),
    revenue: n(`${p}_revenue`),
    shareOfFindings: findings > 0 ? n(`${p}_findings`) / findings : NaN,
    shareOfRevenue: revenue > 0 ? n(`${p}_revenue`) / revenue : NaN,
  });
  const model = captured('m');
  const report: SelectionReport = {
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    modelId: String(row?.['model_id'] ?? ''),
    from,
    declarations: n('declarations'),
    channels,
    actual: {
      declarations: n('declarations'),
      controlled: n('a_controlled'),
      inspected: n('a_inspected'),
      findings,
      revenue,
      shareOfFindings: findings > 0 ? 1 : NaN,
      shareOfRevenue: revenue > 0 ? 1 : NaN,
    },
    model,
    sameBudget: captured('b'),
    exploration: captured('e'),
    overlap: {
      shareOfControlled: n('a_controlled') > 0 ? model.controlled / n('a_controlled') : NaN,
      shareOfModelSelected: model.declarations > 0 ? model.controlled / model.declarations : NaN,
    },
    notes: [
      LABELS_NOTE,
      'The outcome of a declaration the model would select but nobody controlled is unknown: findings and revenue captured by the model are lower bounds.',
      'Exploration draws are recommended red whatever their score, so that future labels do not come only from where the model looks.',
    ],
  };
  await execute(
    conn,
    `CREATE TABLE IF NOT EXISTS ${selectionReportTable}
       (created_at TIMESTAMP, model_id VARCHAR, report JSON)`,
  );
  await execute(
    conn,
    `INSERT INTO ${selectionReportTable} VALUES (CAST($created AS TIMESTAMP), $model_id, CAST($report AS JSON))`,
    {
      created: report.createdAt.slice(0, 19),
      model_id: report.modelId,
      report: JSON.stringify(report, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? null : v,
      ),
    },
  );
  return report;
}
