import { officeProfiles, exportDestinations } from './office-profiles.js';
import { exportProducts, importProducts } from './product-catalogue.js';
import type { DemoProduct } from './product-catalogue.js';
import { WeightedSampler, zipfWeights } from './seeded-random.js';
import type { SeededRandom } from './seeded-random.js';

/** A customs broker (declarant) of the demo administration. */
export interface DemoDeclarant {
  readonly index: number;
  readonly id: string;
  /** Home office index, then possibly a second office. */
  readonly offices: number[];
  /** Overall size of the broker's business (Zipf). */
  readonly weight: number;
  /** Traders (indices) the broker lodges for, and a sampler over them. */
  clients: number[];
  clientSampler: WeightedSampler | null;
  /** Colluding officer index at the home office, or -1. */
  pairOfficer: number;
}

/** Procedures a trader uses. */
export type DemoProcedure = 'import' | 'export' | 'transit';

/** An importer, exporter or transit operator, with its hidden fraud propensity. */
export interface DemoTrader {
  readonly index: number;
  readonly id: string;
  readonly procedure: DemoProcedure;
  readonly declarant: number;
  /** Hidden probability scale of cheating on a declaration (before the duty effect). */
  propensity: number;
  /** Usual consignment or destination country. */
  readonly partner: string;
  /** Usual products: indices into importProducts or exportProducts (by procedure). */
  readonly products: number[];
}

/** The brokers and traders of the demo administration. */
export interface DemoMarket {
  readonly declarants: DemoDeclarant[];
  readonly traders: DemoTrader[];
  /** Per office: sampler over the declarants working there, and their indices. */
  readonly officeDeclarants: { indices: number[]; sampler: WeightedSampler }[];
}

/** Per-office product samplers (imports and exports) over the catalogue. */
export interface OfficeGoods {
  readonly imports: WeightedSampler;
  readonly exports: WeightedSampler;
  /** importAllowed[p]: product p arrives at this office. */
  readonly importAllowed: boolean[];
  readonly exportAllowed: boolean[];
}

const declarantCount = 260;
const traderCount = 5000;

function matches(product: DemoProduct, modes: string): boolean {
  for (const m of modes) if (product.modes.includes(m)) return true;
  return false;
}

/** Which products come through each office, and how often. */
export function buildOfficeGoods(): OfficeGoods[] {
  return officeProfiles.map((office) => {
    const importAllowed = importProducts.map((p) => matches(p, office.modes));
    let exportAllowed = exportProducts.map((p) => matches(p, office.modes));
    if (!exportAllowed.some(Boolean)) exportAllowed = exportProducts.map(() => true);
    return {
      imports: new WeightedSampler(
        importProducts.map((p, i) => (importAllowed[i] ? p.popularity : 0)),
      ),
      exports: new WeightedSampler(
        exportProducts.map((p, i) => (exportAllowed[i] ? p.popularity : 0)),
      ),
      importAllowed,
      exportAllowed,
    };
  });
}

function samplerOf(pairs: readonly (readonly [string, number])[]): {
  codes: string[];
  sampler: WeightedSampler;
} {
  return { codes: pairs.map((p) => p[0]), sampler: new WeightedSampler(pairs.map((p) => p[1])) };
}

/** Brokers with Zipf-like volumes working at one or two offices, and their clients. */
export function buildMarket(random: SeededRandom, goods: readonly OfficeGoods[]): DemoMarket {
  const officeSampler = new WeightedSampler(officeProfiles.map((o) => o.share));
  const sizes = random.shuffle(zipfWeights(declarantCount, 1.0));
  const declarantIds = new Set<string>();
  while (declarantIds.size < declarantCount) declarantIds.add(`CA${1000 + random.int(9000)}`);
  const declarants: DemoDeclarant[] = [...declarantIds].map((id, index) => {
    const home = officeSampler.sample(random);
    const offices = [home];
    if (random.chance(0.25)) {
      const second = officeSampler.sample(random);
      if (second !== home) offices.push(second);
    }
    return {
      index,
      id,
      offices,
      weight: sizes[index] ?? 0,
      clients: [],
      clientSampler: null,
      pairOfficer: -1,
    };
  });

  const brokerSampler = new WeightedSampler(declarants.map((d) => Math.sqrt(d.weight)));
  const traderIds = new Set<string>();
  while (traderIds.size < traderCount) {
    traderIds.add(`P0${random.int(9) + 1}${String(100000000 + random.int(900000000))}`);
  }
  const partnerSamplers = officeProfiles.map((o) => samplerOf(o.partners));
  const destinations = samplerOf(exportDestinations);
  const traders: DemoTrader[] = [...traderIds].map((id, index) => {
    const declarant = brokerSampler.sample(random);
    const home = declarants[declarant]?.offices[0] ?? 0;
    const office = officeProfiles[home];
    const officeGoods = goods[home];
    if (!office || !officeGoods) throw new RangeError('office index out of range');
    const u = random.next();
    const procedure: DemoProcedure =
      u < office.exportShare
        ? 'export'
        : u < office.exportShare + office.transitShare
          ? 'transit'
          : 'import';
    const products: number[] = [];
    const productCount = 1 + random.int(5);
    const productSampler = procedure === 'export' ? officeGoods.exports : officeGoods.imports;
    for (let k = 0; k < productCount; k++) products.push(productSampler.sample(random));
    const partners = procedure === 'export' ? destinations : partnerSamplers[home];
    const partner = partners?.codes[partners.sampler.sample(random)] ?? 'CN';
    // Most traders are honest most of the time; a minority cheats often.
    const v = random.next();
    const base = v < 0.6 ? 0.03 : v < 0.9 ? 0.12 : 0.35;
    const propensity = base * random.logNormal(1, 0.3) * office.fraudFactor;
    return {
      index,
      id,
      procedure,
      declarant,
      propensity: procedure === 'import' ? propensity : propensity * 0.2,
      partner,
      products,
    };
  });
  for (const trader of traders) declarants[trader.declarant]?.clients.push(trader.index);
  for (const declarant of declarants) {
    if (declarant.clients.length === 0) {
      // A broker needs at least one client: share one with another broker.
      const fallback = traders[declarant.index % traders.length];
      if (fallback) declarant.clients.push(fallback.index);
    }
    const weights = random.shuffle(zipfWeights(declarant.clients.length, 1.1));
    declarant.clientSampler = new WeightedSampler(weights);
  }

  const officeDeclarants = officeProfiles.map((_, o) => {
    const indices: number[] = [];
    const weights: number[] = [];
    for (const d of declarants) {
      const at = d.offices.indexOf(o);
      if (at < 0) continue;
      indices.push(d.index);
      weights.push(d.weight * (at === 0 ? 1 : 0.35));
    }
    if (indices.length === 0) {
      const d = declarants[o];
      if (d) {
        d.offices.push(o);
        indices.push(d.index);
        weights.push(d.weight * 0.35);
      }
    }
    return { indices, sampler: new WeightedSampler(weights) };
  });
  return { declarants, traders, officeDeclarants };
}
