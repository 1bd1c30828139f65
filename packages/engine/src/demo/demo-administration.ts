import { buildMarket, buildOfficeGoods } from './demo-market.js';
import type { DemoMarket, OfficeGoods } from './demo-market.js';
import { buildStaff, postedAt } from './demo-staff.js';
import type { DemoOfficer } from './demo-staff.js';
import type { DemoScheme, DemoTruth, DemoTrap } from './demo-truth.js';
import { exportDestinations, officeProfiles } from './office-profiles.js';
import { exportProducts, importProducts } from './product-catalogue.js';
import { SeededRandom, WeightedSampler } from './seeded-random.js';

/** The officers the system can give work to at one office on a day, and a sampler by workload. */
export interface DemoRoster {
  readonly officers: number[];
  readonly sampler: WeightedSampler;
  /** Supervisors on duty (they sign some channel changes). */
  readonly supervisors: number[];
}

/** Everything about the demo administration that does not change from one declaration to the next. */
export interface DemoAdministration {
  readonly seed: number;
  readonly declarations: number;
  readonly officers: DemoOfficer[];
  readonly market: DemoMarket;
  readonly goods: OfficeGoods[];
  /** rosterOfDay[office][day] indexes rosters[office]. */
  readonly rosters: DemoRoster[][];
  readonly rosterOfDay: Uint16Array[];
  /** National tariff lines (8 or 10 digits) of each import and export product. */
  readonly importLines: string[][];
  readonly exportLines: string[][];
  /** For each import product, a lower-duty product of the same chapter to misclassify into, or -1. */
  readonly cheaperNeighbour: number[];
  /** XAF per USD for each month of the year. */
  readonly fxPerUsd: number[];
  /** Every partner country code that can appear, and its index. */
  readonly partnerCodes: string[];
  readonly partnerIndex: Map<string, number>;
  /** Pairs planted: officer index, declarant index, office index. */
  readonly pairs: { officer: number; declarant: number; office: number }[];
}

function nationalLines(random: SeededRandom, hs6: string): string[] {
  const u = random.next();
  if (u < 0.15) return [`${hs6}00`];
  if (u < 0.6) return [`${hs6}0000`];
  return [`${hs6}1000`, `${hs6}9000`];
}

function buildRosters(officers: DemoOfficer[]): {
  rosters: DemoRoster[][];
  rosterOfDay: Uint16Array[];
} {
  const rosters: DemoRoster[][] = [];
  const rosterOfDay: Uint16Array[] = [];
  officeProfiles.forEach((_, o) => {
    const list: DemoRoster[] = [];
    const seen = new Map<string, number>();
    const byDay = new Uint16Array(366);
    for (let day = 0; day < 366; day++) {
      const posted = officers.filter((f) => postedAt(f, o, Math.min(day, 364)));
      const key = posted.map((f) => f.index).join(',');
      let at = seen.get(key);
      if (at === undefined) {
        at = list.length;
        seen.set(key, at);
        const working = posted.filter((f) => f.weight > 0);
        list.push({
          officers: working.map((f) => f.index),
          sampler: new WeightedSampler(working.map((f) => f.weight)),
          supervisors: posted.filter((f) => f.role === 'supervisor').map((f) => f.index),
        });
      }
      byDay[day] = at;
    }
    rosters.push(list);
    rosterOfDay.push(byDay);
  });
  return { rosters, rosterOfDay };
}

/** Builds the demo administration for a seed: offices, staff, brokers, traders, tariff, planted pairs. */
export function buildAdministration(seed: number, declarations: number): DemoAdministration {
  const random = new SeededRandom(seed, 1);
  const goods = buildOfficeGoods();
  const market = buildMarket(random, goods);
  const handled = officeProfiles.map((o) => declarations * o.share * (o.red + o.yellow + 0.01));
  const officers = buildStaff(random, handled);

  // Colluding brokers: a sizeable (not the largest) broker of the pair officer's office.
  const pairs: DemoAdministration['pairs'] = [];
  for (const officer of officers) {
    if (!officer.schemes.has('pair_concentration')) continue;
    const office = officer.postings[0]?.office ?? 0;
    const local = market.declarants
      .filter((d) => d.offices[0] === office && d.pairOfficer < 0)
      .sort((a, b) => b.weight - a.weight);
    const from = local.length > 4 ? 1 : 0;
    const to = Math.max(from + 1, Math.min(local.length, 5));
    const declarant = local[from + random.int(to - from)];
    if (!declarant) continue;
    declarant.pairOfficer = officer.index;
    officer.pairDeclarant = declarant.index;
    pairs.push({ officer: officer.index, declarant: declarant.index, office });
    // Brokers who can buy an officer attract the traders who cheat.
    for (const t of declarant.clients) {
      const trader = market.traders[t];
      if (trader && trader.procedure === 'import') trader.propensity *= 2.5;
    }
  }

  const { rosters, rosterOfDay } = buildRosters(officers);
  const importLines = importProducts.map((p) => nationalLines(random, p.hs6));
  const exportLines = exportProducts.map((p) => nationalLines(random, p.hs6));
  const cheaperNeighbour = importProducts.map((p) => {
    let best = -1;
    importProducts.forEach((q, i) => {
      if (q.hs6.slice(0, 2) !== p.hs6.slice(0, 2) || q.dutyRate > p.dutyRate - 0.09) return;
      if (best < 0 || q.dutyRate < (importProducts[best]?.dutyRate ?? 1)) best = i;
    });
    return best;
  });
  // XAF is pegged to the euro, so XAF/USD moves with EUR/USD: a slow drift around 600.
  const fxPerUsd: number[] = [];
  let fx = 610;
  for (let m = 0; m < 12; m++) {
    fx *= Math.exp(-0.004 + 0.012 * random.normal());
    fxPerUsd.push(Math.round(fx * 100) / 100);
  }
  const partnerCodes = [
    ...new Set([
      ...officeProfiles.flatMap((o) => o.partners.map((p) => p[0])),
      ...exportDestinations.map((p) => p[0]),
      'CN',
    ]),
  ];
  const partnerIndex = new Map(partnerCodes.map((c, i) => [c, i]));
  return {
    seed,
    declarations,
    officers,
    market,
    goods,
    rosters,
    rosterOfDay,
    importLines,
    exportLines,
    cheaperNeighbour,
    fxPerUsd,
    partnerCodes,
    partnerIndex,
    pairs,
  };
}

/** What each scheme also moves, by construction of the simulation. */
const byProducts: Partial<Record<DemoScheme, DemoScheme[]>> = {
  pair_concentration: ['low_detection', 'fast_red', 'undervaluation'],
  low_detection: ['undervaluation'],
  undervaluation: ['low_detection'],
};

function sideEffects(schemes: ReadonlySet<DemoScheme>): DemoScheme[] {
  const effects = new Set<DemoScheme>();
  for (const s of schemes) for (const e of byProducts[s] ?? []) if (!schemes.has(e)) effects.add(e);
  return [...effects];
}

/** The hidden truth of an administration, for the --truth file. */
export function administrationTruth(admin: DemoAdministration): DemoTruth {
  const highRisk = officeProfiles.findIndex((o) => o.fraudFactor > 2);
  return {
    seed: admin.seed,
    declarations: admin.declarations,
    officers: admin.officers.map((f) => {
      const traps = [...f.traps];
      if (f.postings.some((p) => p.office === highRisk)) traps.push('high_risk_office');
      return {
        officer_id: f.id,
        corrupt: f.schemes.size > 0,
        schemes: [...f.schemes],
        side_effects: sideEffects(f.schemes),
        traps: traps as DemoTrap[],
        offices: f.postings.map((p) => officeProfiles[p.office]?.code ?? ''),
      };
    }),
    pairs: admin.pairs.map((p) => ({
      officer_id: admin.officers[p.officer]?.id ?? '',
      declarant_id: admin.market.declarants[p.declarant]?.id ?? '',
      office_code: officeProfiles[p.office]?.code ?? '',
    })),
    declarants: admin.market.declarants.map((d) => ({
      declarant_id: d.id,
      colluding: d.pairOfficer >= 0,
    })),
    offices: officeProfiles.map((o, i) => ({
      office_code: o.code,
      kind: o.kind,
      traps: i === highRisk ? ['high_risk_office'] : [],
    })),
    notes: [
      'downgrade: the officer moves ~30% of his red/yellow declarations to a less strict channel (peers ~3%).',
      'red_uninspected: ~30% of his final-red declarations are not inspected (peers ~2%).',
      'low_detection: finding probability on his controls cut to ~20% of an honest officer’s.',
      'low_uplift: on findings he recovers 0–8% of the evaded duty (peers 75–100%).',
      'fast_red: ~40% of his inspected declarations are released within 1.5–6 hours of lodgement.',
      'undervaluation: he almost never detects undervaluation, so undervalued items stay at the declared value.',
      'pair_concentration / manual_assignment: ~60% of the colluding broker’s controlled declarations at that office are manually assigned to him; they carry more fraud (the broker’s clients cheat 2.5× more), are found ~7× less often and are released ~3× faster.',
      'off_hours: ~35% of his releases happen between 18:30 and 23:00 at an office that works Mon–Fri 07:30–17:30.',
      'traps: high_risk_office (riskier case mix, honest), able_inspector (finding probability 0.97 and higher uplift), low_volume (supervisors handling 12–25 declarations a year), rotating (honest officers with two postings).',
    ],
  };
}
