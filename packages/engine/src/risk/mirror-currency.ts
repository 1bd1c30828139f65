import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues } from '../warehouse/index.js';

/** The national currency of the loaded dataset and where Probity learnt it. */
export interface MirrorCurrency {
  /** ISO 4217 code, or null when neither dataset.json nor fx_rates says. */
  readonly currency: string | null;
  /** `dataset.json` of the latest load; `fx_rates` when it holds one currency only; `unknown`. */
  readonly source: 'dataset.json' | 'fx_rates' | 'unknown';
}

/** SQL of the currency named by the latest load's `dataset.json` (zero or one row). */
export function datasetCurrencySql(): string {
  return `SELECT json_extract_string(dataset_json, '$.currency') AS currency
  FROM probity_loads ORDER BY finished_at DESC LIMIT 1`;
}

/** SQL of the distinct currencies in `fx_rates`. */
export function fxCurrenciesSql(): string {
  return `SELECT DISTINCT currency FROM fx_rates ORDER BY currency`;
}

/**
 * The national currency the declared values are in: the latest load's
 * `dataset.json` `currency`; failing that, the only currency of `fx_rates`
 * (stated as such); else unknown, and no value can be converted.
 */
export async function mirrorCurrency(conn: WarehouseConnection): Promise<MirrorCurrency> {
  // A warehouse filled by hand (tests, tools) may lack the loader's tables.
  const [load] = await queryValues<{ currency: string | null }>(conn, datasetCurrencySql()).catch(
    () => [],
  );
  if (load?.currency) return { currency: load.currency, source: 'dataset.json' };
  const rates = await queryValues<{ currency: string }>(conn, fxCurrenciesSql()).catch(() => []);
  const [only] = rates;
  if (rates.length === 1 && only) return { currency: only.currency, source: 'fx_rates' };
  return { currency: null, source: 'unknown' };
}
