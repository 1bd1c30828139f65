import type { AnalysisConfig } from '../analysis/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';
import { mirrorCellsSql, mirrorGapsSql, mirrorGapsTable } from './mirror-cells.js';
import type { MirrorCoverage, MirrorCoverageRow } from './mirror-coverage.js';
import { mirrorCoverage, mirrorCoverageSql } from './mirror-coverage.js';
import type { MirrorCurrency } from './mirror-currency.js';
import { mirrorCurrency } from './mirror-currency.js';
import { mirrorFlowsSql, mirrorPartnerSql } from './mirror-flows.js';
import { mirrorSharesSql, mirrorSharesTable } from './mirror-shares.js';
import type { TariffGap } from './tariff-gap.js';
import { tariffGap, tariffGapPointsSql } from './tariff-gap.js';

/** Most rows of cells, declarants and offices returned; the tables hold them all. */
export const mirrorListLimit = 100;

/** A two-sided mirror cell (a row of `analysis_mirror_gaps`); money in US dollars unless said. */
export interface MirrorGapRow {
  readonly hs6: string;
  /** The partner: reporting exporter, matched to the declarations' consignment country. */
  readonly partner_country: string;
  /** `YYYY` or `YYYY-MM`, the partner's grain. */
  readonly period: string;
  readonly grain: 'year' | 'month';
  readonly declarations: number;
  readonly items: number;
  readonly declared_national: number;
  readonly declared_usd: number;
  readonly partner_fob_usd: number;
  /** partner_fob_usd × cifFobFactor. */
  readonly partner_cif_usd: number;
  /** partner_cif_usd − declared_usd. */
  readonly gap_usd: number;
  readonly ratio: number | null;
  readonly log_gap: number | null;
  /** 1 = largest gap. */
  readonly gap_rank: number;
  /** Among the top `mirrorTopShare` of cells by gap (and positive). */
  readonly top_gap: boolean;
}

/** A declarant's or office's share of the largest gaps (a row of `analysis_mirror_shares`). */
export interface MirrorShareRow {
  readonly kind: 'declarant' | 'office';
  readonly unit_id: string;
  readonly declarations: number;
  readonly declared_usd: number;
  readonly top_gap_declarations: number;
  readonly top_gap_usd: number;
  readonly share_in_top: number | null;
  readonly overall_share: number | null;
  readonly lift: number | null;
  readonly excess_usd: number | null;
  readonly rank: number;
}

/** The mirror analysis, ready for the JSON document. */
export interface MirrorAnalysis {
  /** National currency the declared values were converted from, or null when unknown. */
  readonly currency: string | null;
  readonly currencySource: MirrorCurrency['source'];
  readonly cifFobFactor: number;
  readonly topShare: number;
  /** False when nothing could be compared; `notes` say why. */
  readonly available: boolean;
  /** Plain-language statements of what was left out and why. */
  readonly notes: readonly string[];
  /** The top-gap cells, largest gap first (at most {@link mirrorListLimit}). */
  readonly cells: readonly MirrorGapRow[];
  readonly tariffGap: TariffGap;
  /** Declarants and offices by excess value in top-gap cells (at most {@link mirrorListLimit} each). */
  readonly declarants: readonly MirrorShareRow[];
  readonly offices: readonly MirrorShareRow[];
  readonly coverage: MirrorCoverage;
}

function notesOf(currency: MirrorCurrency, c: MirrorCoverage): string[] {
  const notes: string[] = [];
  const money = (v: number) => Math.round(v).toLocaleString('en-US');
  const unit = currency.currency ?? 'national currency';
  if (currency.currency === null) {
    notes.push(
      'The dataset does not name its currency (dataset.json "currency") and fx_rates does not hold exactly one: no declared value could be converted to US dollars.',
    );
  } else if (currency.source === 'fx_rates') {
    notes.push(
      `dataset.json names no currency; ${currency.currency}, the only currency in fx_rates, was assumed.`,
    );
  }
  if (c.partnerRows.total === 0)
    notes.push('No partner export statistics (partner_exports) are loaded.');
  if (c.noFx.items > 0) {
    notes.push(
      `${c.noFx.items} import items (${money(c.noFx.valueNational)} ${unit}) have no exchange rate for their lodgement month (${c.noFx.months.join(', ')}); ${c.cellsNoFx.cells} cells holding them were not compared.`,
    );
  }
  if (c.noPartnerCountry.items > 0) {
    notes.push(
      `${c.noPartnerCountry.items} import items (${money(c.noPartnerCountry.valueNational)} ${unit}) have no consignment country and were not compared.`,
    );
  }
  if (c.partialYear.items > 0 || c.partnerRows.partialYear > 0) {
    notes.push(
      `${c.partnerRows.partialYear} annual partner rows cover a year the dataset covers only in part; they and ${c.partialYear.items} import items of those years were not compared.`,
    );
  }
  if (c.partnerRows.outsideSpan > 0) {
    notes.push(`${c.partnerRows.outsideSpan} partner rows fall outside the dataset's months.`);
  }
  if (c.partnerRows.superseded > 0) {
    notes.push(
      `${c.partnerRows.superseded} monthly partner rows were set aside because the partner also reports the whole year.`,
    );
  }
  return notes;
}

/**
 * Mirror analysis (domain.md §6): declared imports per HS6 × consignment
 * country × period (the partner data's grain) in US dollars against the
 * partner's exports × the CIF/FOB factor; persists `analysis_mirror_gaps`
 * and `analysis_mirror_shares`, fits the Fisman–Wei tariff–gap relation
 * across products, and returns the JSON-ready result with its coverage.
 */
export async function mirrorAnalysis(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<MirrorAnalysis> {
  const currency = await mirrorCurrency(conn);
  await execute(conn, mirrorPartnerSql());
  await execute(conn, mirrorFlowsSql(), { currency: currency.currency });
  await execute(conn, mirrorCellsSql(), { cif: config.cifFobFactor });
  await execute(conn, mirrorGapsSql(), { share: config.mirrorTopShare });
  await execute(conn, mirrorSharesSql());

  const [row] = await queryValues<MirrorCoverageRow>(conn, mirrorCoverageSql());
  if (!row) throw new RangeError('the mirror coverage query returned no row');
  const coverage = mirrorCoverage(row);
  const products = await queryValues<{
    hs6: string;
    tariff_pct: number | null;
    log_gap: number | null;
    weight: number | null;
  }>(conn, tariffGapPointsSql());
  const cells = await queryValues<MirrorGapRow>(
    conn,
    `SELECT * FROM ${mirrorGapsTable} WHERE top_gap ORDER BY gap_rank LIMIT $limit`,
    { limit: mirrorListLimit },
  );
  const shares = (kind: MirrorShareRow['kind']) =>
    queryValues<MirrorShareRow>(
      conn,
      `SELECT * FROM ${mirrorSharesTable} WHERE kind = $kind ORDER BY rank LIMIT $limit`,
      { kind, limit: mirrorListLimit },
    );
  return {
    currency: currency.currency,
    currencySource: currency.source,
    cifFobFactor: config.cifFobFactor,
    topShare: config.mirrorTopShare,
    available: coverage.cellsBoth > 0,
    notes: notesOf(currency, coverage),
    cells,
    tariffGap: tariffGap(products),
    declarants: await shares('declarant'),
    offices: await shares('office'),
    coverage,
  };
}
