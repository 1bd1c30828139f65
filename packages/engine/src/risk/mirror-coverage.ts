import { mirrorCellsTable, mirrorGapsTable } from './mirror-cells.js';
import { mirrorFlowsTable, mirrorPartnerTable } from './mirror-flows.js';

/** Items and their declared value (national currency) left out of the comparison for one reason. */
export interface ExcludedImports {
  readonly items: number;
  readonly valueNational: number;
}

/** What the mirror comparison covered and what it left out, and why: nothing is dropped silently. */
export interface MirrorCoverage {
  /** Import items and their declared value in the national currency. */
  readonly importItems: number;
  readonly importValueNational: number;
  /** Imports without a consignment country (`declarations.partner_country` empty). */
  readonly noPartnerCountry: ExcludedImports;
  /** Imports of a year the partner reports as a whole but the dataset covers only in part. */
  readonly partialYear: ExcludedImports;
  /** Imports of months with no exchange rate for the currency, and those months. */
  readonly noFx: ExcludedImports & { readonly months: readonly string[] };
  /** Cells not compared because some of their imports lack a rate (their whole declared value). */
  readonly cellsNoFx: { readonly cells: number; readonly valueNational: number };
  /** Partner rows by use (see `a_mirror_partner`). */
  readonly partnerRows: {
    readonly total: number;
    readonly used: number;
    readonly outsideSpan: number;
    readonly partialYear: number;
    readonly superseded: number;
  };
  /** Cells with both sides (compared), imports only, partner exports only. */
  readonly cellsBoth: number;
  readonly cellsImportOnly: number;
  readonly cellsPartnerOnly: number;
  /** Declared value (USD) of import-only cells; partner CIF (USD) of partner-only cells. */
  readonly importOnlyUsd: number;
  readonly partnerOnlyCifUsd: number;
  /** Totals of the compared cells. */
  readonly matchedDeclaredUsd: number;
  readonly matchedPartnerCifUsd: number;
  /** Cells among the largest gaps, and their summed gap (USD). */
  readonly topCells: number;
  readonly topGapUsd: number;
}

/** SQL of the coverage counts (one row) once the mirror tables exist. */
export function mirrorCoverageSql(): string {
  const flows = (status: string, what: string) =>
    `(SELECT ${what} FROM ${mirrorFlowsTable} WHERE status = '${status}')`;
  const cells = (side: string, what: string) =>
    `(SELECT ${what} FROM ${mirrorCellsTable} WHERE side = '${side}')`;
  const partner = (status: string) =>
    `(SELECT count(*) FROM ${mirrorPartnerTable} WHERE status = '${status}')::INTEGER`;
  const items = 'coalesce(sum(items), 0)::INTEGER';
  const value = 'coalesce(sum(value_national), 0)::DOUBLE';
  return `SELECT
    (SELECT ${items} FROM ${mirrorFlowsTable}) AS import_items,
    (SELECT ${value} FROM ${mirrorFlowsTable}) AS import_value_national,
    ${flows('no_partner_country', items)} AS no_partner_country_items,
    ${flows('no_partner_country', value)} AS no_partner_country_value,
    ${flows('partial_year', items)} AS partial_year_items,
    ${flows('partial_year', value)} AS partial_year_value,
    ${flows('no_fx', items)} AS no_fx_items,
    ${flows('no_fx', value)} AS no_fx_value,
    ${flows('no_fx', 'coalesce(list(DISTINCT month ORDER BY month), [])')} AS no_fx_months,
    ${cells('no_fx', 'count(*)::INTEGER')} AS no_fx_cells,
    ${cells('no_fx', 'coalesce(sum(declared_national), 0)::DOUBLE')} AS no_fx_cells_value,
    (SELECT count(*) FROM ${mirrorPartnerTable})::INTEGER AS partner_rows,
    ${partner('used')} AS partner_used,
    ${partner('outside_span')} AS partner_outside_span,
    ${partner('partial_year')} AS partner_partial_year,
    ${partner('superseded')} AS partner_superseded,
    ${cells('both', 'count(*)::INTEGER')} AS cells_both,
    ${cells('import_only', 'count(*)::INTEGER')} AS cells_import_only,
    ${cells('partner_only', 'count(*)::INTEGER')} AS cells_partner_only,
    ${cells('import_only', 'coalesce(sum(declared_usd), 0)::DOUBLE')} AS import_only_usd,
    ${cells('partner_only', 'coalesce(sum(partner_cif_usd), 0)::DOUBLE')} AS partner_only_cif_usd,
    (SELECT coalesce(sum(declared_usd), 0)::DOUBLE FROM ${mirrorGapsTable}) AS matched_declared_usd,
    (SELECT coalesce(sum(partner_cif_usd), 0)::DOUBLE FROM ${mirrorGapsTable}) AS matched_partner_cif_usd,
    (SELECT count(*) FROM ${mirrorGapsTable} WHERE top_gap)::INTEGER AS top_cells,
    (SELECT coalesce(sum(gap_usd), 0)::DOUBLE FROM ${mirrorGapsTable} WHERE top_gap) AS top_gap_usd`;
}

/** The coverage row as returned by {@link mirrorCoverageSql}. */
export interface MirrorCoverageRow {
  import_items: number;
  import_value_national: number;
  no_partner_country_items: number;
  no_partner_country_value: number;
  partial_year_items: number;
  partial_year_value: number;
  no_fx_items: number;
  no_fx_value: number;
  no_fx_months: string[];
  no_fx_cells: number;
  no_fx_cells_value: number;
  partner_rows: number;
  partner_used: number;
  partner_outside_span: number;
  partner_partial_year: number;
  partner_superseded: number;
  cells_both: number;
  cells_import_only: number;
  cells_partner_only: number;
  import_only_usd: number;
  partner_only_cif_usd: number;
  matched_declared_usd: number;
  matched_partner_cif_usd: number;
  top_cells: number;
  top_gap_usd: number;
}

/** The coverage object of a coverage row. */
export function mirrorCoverage(r: MirrorCoverageRow): MirrorCoverage {
  return {
    importItems: r.import_items,
    importValueNational: r.import_value_national,
    noPartnerCountry: {
      items: r.no_partner_country_items,
      valueNational: r.no_partner_country_value,
    },
    partialYear: { items: r.partial_year_items, valueNational: r.partial_year_value },
    noFx: { items: r.no_fx_items, valueNational: r.no_fx_value, months: [...r.no_fx_months] },
    cellsNoFx: { cells: r.no_fx_cells, valueNational: r.no_fx_cells_value },
    partnerRows: {
      total: r.partner_rows,
      used: r.partner_used,
      outsideSpan: r.partner_outside_span,
      partialYear: r.partner_partial_year,
      superseded: r.partner_superseded,
    },
    cellsBoth: r.cells_both,
    cellsImportOnly: r.cells_import_only,
    cellsPartnerOnly: r.cells_partner_only,
    importOnlyUsd: r.import_only_usd,
    partnerOnlyCifUsd: r.partner_only_cif_usd,
    matchedDeclaredUsd: r.matched_declared_usd,
    matchedPartnerCifUsd: r.matched_partner_cif_usd,
    topCells: r.top_cells,
    topGapUsd: r.top_gap_usd,
  };
}
