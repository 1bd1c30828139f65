import { CsvSink } from './csv-sink.js';
import { demoYear } from './demo-calendar.js';
import type { SeededRandom } from './seeded-random.js';

/** Ratio of CIF (what we import at) to FOB (what partners export at), as mirror analysis assumes. */
export const cifOverFob = 1.06;

/**
 * Partners' export statistics built from the true (pre-fraud) imports: what
 * really left the partner, per HS6 × partner × month, in USD at FOB, with
 * reporting noise. Undervaluation and misclassification then show up as a
 * mirror gap that grows with the duty rate (Fisman and Wei 2004).
 */
export class MirrorStatistics {
  private readonly valueUsd: Float64Array;
  private readonly massKg: Float64Array;

  /** An empty accumulator for these products and partners over twelve months. */
  constructor(
    private readonly products: readonly string[],
    private readonly partners: readonly string[],
  ) {
    this.valueUsd = new Float64Array(products.length * partners.length * 12);
    this.massKg = new Float64Array(products.length * partners.length * 12);
  }

  /** Records a true import: product index, partner index, month 0–11, CIF value in USD, net mass. */
  add(product: number, partner: number, month: number, cifUsd: number, kg: number): void {
    if (month < 0 || month > 11) return;
    const at = (product * this.partners.length + partner) * 12 + month;
    this.valueUsd[at] = (this.valueUsd[at] ?? 0) + cifUsd;
    this.massKg[at] = (this.massKg[at] ?? 0) + kg;
  }

  /** Writes partner_exports.csv rows: FOB value with ±10% reporting noise, mass with ±5%. */
  async write(file: string, columns: readonly string[], random: SeededRandom): Promise<number> {
    const sink = new CsvSink(file, columns);
    const byName = columns.map((c) => c);
    for (let p = 0; p < this.products.length; p++) {
      for (let q = 0; q < this.partners.length; q++) {
        for (let m = 0; m < 12; m++) {
          const at = (p * this.partners.length + q) * 12 + m;
          const cif = this.valueUsd[at] ?? 0;
          if (cif <= 0) continue;
          const fob = (cif / cifOverFob) * random.logNormal(1, 0.1);
          if (fob < 1) continue;
          const kg = (this.massKg[at] ?? 0) * random.logNormal(1, 0.05);
          const row: Record<string, string> = {
            period: `${demoYear}-${m < 9 ? '0' : ''}${m + 1}`,
            partner_country: this.partners[q] ?? '',
            hs6: this.products[p] ?? '',
            value_usd: String(Math.round(fob)),
            net_mass_kg: String(Math.round(kg)),
          };
          sink.add(byName.map((c) => row[c] ?? '').join(','));
          if (sink.full) await sink.flush();
        }
      }
    }
    await sink.close();
    return sink.rows;
  }
}
