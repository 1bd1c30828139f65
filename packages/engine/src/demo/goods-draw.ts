import type { DemoAdministration } from './demo-administration.js';
import type { DemoDeclarant, DemoTrader } from './demo-market.js';
import { exportDestinations, officeProfiles } from './office-profiles.js';
import { exportProducts, importProducts } from './product-catalogue.js';
import type { DemoProduct } from './product-catalogue.js';
import { WeightedSampler } from './seeded-random.js';
import type { SeededRandom } from './seeded-random.js';

/** Most goods lines one declaration can have. */
export const maxItems = 12;

/** What is wrong with a goods line: nothing, undervalued, or declared under a cheaper HS code. */
export const itemHonest = 0;
/** The line's value is declared below its true value. */
export const itemUndervalued = 1;
/** The line is declared under a lower-duty HS code. */
export const itemMisclassified = 2;

const cheapOrigins = new Set(['CN', 'IN', 'VN', 'TH', 'PK', 'TR', 'NG', 'ID', 'MY', 'EG']);
const dearOrigins = new Set(['FR', 'DE', 'BE', 'NL', 'IT', 'ES', 'US', 'JP', 'GB', 'CH', 'KR']);
const otherSources = ['IN', 'TR', 'VN', 'TH', 'MY', 'FR', 'DE'];

/**
 * The parties and goods of one declaration, drawn into reusable typed arrays
 * (no per-declaration objects): the broker, the trader, the goods lines with
 * their true and declared values, the hidden fraud, and the risk engine's view.
 */
export class GoodsDraw {
  declarant!: DemoDeclarant;
  trader!: DemoTrader;
  partner = '';
  /** Number of goods lines. */
  count = 0;
  /** Whether the declaration hides fraud on at least one line. */
  fraud = false;
  /** Highest duty rate among the true products. */
  maxDuty = 0;
  /** The risk engine's latent score (higher = riskier). */
  latent = 0;
  readonly product = new Int32Array(maxItems);
  readonly declaredProduct = new Int32Array(maxItems);
  readonly line: string[] = new Array<string>(maxItems).fill('');
  readonly origin: string[] = new Array<string>(maxItems).fill('');
  readonly kind = new Uint8Array(maxItems);
  readonly massKg = new Float64Array(maxItems);
  readonly trueValue = new Float64Array(maxItems);
  readonly declaredValue = new Float64Array(maxItems);
  /** Catalogue the product indices refer to (imports, or exports for export declarations). */
  catalogue: readonly DemoProduct[] = importProducts;

  private readonly partnerSamplers: WeightedSampler[];
  private readonly partnerCodes: string[][];
  private readonly destinationSampler: WeightedSampler;

  /** A drawer for this administration. */
  constructor(private readonly admin: DemoAdministration) {
    this.partnerSamplers = officeProfiles.map(
      (o) => new WeightedSampler(o.partners.map((p) => p[1])),
    );
    this.partnerCodes = officeProfiles.map((o) => o.partners.map((p) => p[0]));
    this.destinationSampler = new WeightedSampler(exportDestinations.map((p) => p[1]));
  }

  /** Draws a declaration lodged at this office in this month (0–11). */
  draw(random: SeededRandom, office: number, month: number): void {
    const admin = this.admin;
    const profile = officeProfiles[office];
    const goods = admin.goods[office];
    const local = admin.market.officeDeclarants[office];
    if (!profile || !goods || !local) throw new RangeError(`no office ${office}`);
    const declarant = admin.market.declarants[local.indices[local.sampler.sample(random)] ?? 0];
    if (!declarant?.clientSampler) throw new RangeError('declarant without clients');
    const trader =
      admin.market.traders[declarant.clients[declarant.clientSampler.sample(random)] ?? 0];
    if (!trader) throw new RangeError('trader index out of range');
    this.declarant = declarant;
    this.trader = trader;

    const isExport = trader.procedure === 'export';
    if (random.chance(0.8)) this.partner = trader.partner;
    else if (isExport)
      this.partner = exportDestinations[this.destinationSampler.sample(random)]?.[0] ?? 'FR';
    else
      this.partner =
        this.partnerCodes[office]?.[this.partnerSamplers[office]?.sample(random) ?? 0] ?? 'CN';

    const catalogue = isExport ? exportProducts : importProducts;
    const allowed = isExport ? goods.exportAllowed : goods.importAllowed;
    const sampler = isExport ? goods.exports : goods.imports;
    const lines = isExport ? admin.exportLines : admin.importLines;
    this.catalogue = catalogue;
    const postal = profile.kind === 'postal';
    let count =
      postal || isExport ? 1 + random.int(2) : 1 + Math.floor(-Math.log(1 - random.next()) / 0.51);
    if (count > maxItems) count = maxItems;
    this.count = count;

    const fx = admin.fxPerUsd[month] ?? 600;
    let maxDuty = 0;
    for (let i = 0; i < count; i++) {
      let p = random.chance(0.75) ? (trader.products[random.int(trader.products.length)] ?? 0) : -1;
      if (p < 0 || !allowed[p]) p = sampler.sample(random);
      const product = catalogue[p] as DemoProduct;
      this.product[i] = p;
      this.declaredProduct[i] = p;
      this.kind[i] = itemHonest;
      const productLines = lines[p] ?? [product.hs6];
      this.line[i] = productLines[random.int(productLines.length)] ?? product.hs6;
      const origin = isExport
        ? 'CM'
        : random.chance(0.8)
          ? this.partner
          : this.partner === 'CN'
            ? (otherSources[random.int(otherSources.length)] ?? 'IN')
            : 'CN';
      this.origin[i] = origin;
      let kg = random.logNormal(postal ? Math.min(product.kgPerLine, 4) : product.kgPerLine, 0.7);
      if (product.unit === 'NAR' || product.unit === 'PR' || product.unit === 'MTQ') {
        const units = Math.max(1, Math.round(kg / product.kgPerUnit));
        kg = units * product.kgPerUnit * random.uniform(0.92, 1.08);
      }
      kg = Math.max(0.1, Math.round(kg * 10) / 10);
      this.massKg[i] = kg;
      const originFactor = cheapOrigins.has(origin) ? 0.85 : dearOrigins.has(origin) ? 1.25 : 1;
      const chapter = product.hs6.slice(0, 2);
      const sigma = chapter === '87' || chapter === '85' ? 0.5 : 0.35;
      const usd = kg * random.logNormal(product.usdPerKg * originFactor, sigma);
      const value = Math.max(1, Math.round(usd * fx));
      this.trueValue[i] = value;
      this.declaredValue[i] = value;
      if (!isExport && trader.procedure === 'import' && product.dutyRate > maxDuty) {
        maxDuty = product.dutyRate;
      }
    }
    this.maxDuty = maxDuty;

    // Hidden fraud: more likely for cheating traders and for high-duty goods (Fisman–Wei).
    const pFraud = Math.min(0.9, trader.propensity * (0.1 + 8 * maxDuty));
    this.fraud = trader.procedure === 'import' && random.chance(pFraud);
    if (this.fraud) {
      let any = false;
      for (let i = 0; i < count; i++) {
        if (!(random.chance(0.7) || (i === count - 1 && !any))) continue;
        any = true;
        const neighbour = admin.cheaperNeighbour[this.product[i] ?? 0] ?? -1;
        if (neighbour >= 0 && random.chance(0.3)) {
          this.kind[i] = itemMisclassified;
          this.declaredProduct[i] = neighbour;
          const nl = admin.importLines[neighbour] ?? [];
          this.line[i] = nl[random.int(nl.length)] ?? this.line[i] ?? '';
        } else {
          this.kind[i] = itemUndervalued;
          this.declaredValue[i] = Math.max(
            1,
            Math.round((this.trueValue[i] ?? 0) * random.uniform(0.15, 0.45)),
          );
        }
      }
    }

    // The risk engine sees the fraud only through noisy signals: the trader's
    // history, the tariff, the procedure.
    const procedureShift = isExport ? -1 : trader.procedure === 'transit' ? -0.5 : 0;
    this.latent =
      random.normal() +
      (this.fraud ? 1.4 : 0) +
      0.5 * Math.log(trader.propensity / 0.08) +
      2 * maxDuty +
      procedureShift;
  }

  /** Duty rate of the product line i was declared under (0 outside imports). */
  declaredRate(i: number): number {
    if (this.trader.procedure !== 'import') return 0;
    return this.catalogue[this.declaredProduct[i] ?? 0]?.dutyRate ?? 0;
  }

  /** Duty rate of the true product of line i (0 outside imports). */
  trueRate(i: number): number {
    if (this.trader.procedure !== 'import') return 0;
    return this.catalogue[this.product[i] ?? 0]?.dutyRate ?? 0;
  }
}
