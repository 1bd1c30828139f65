import { formatDate } from './demo-calendar.js';
import type { DemoScheme, DemoTrap } from './demo-truth.js';
import { officeProfiles } from './office-profiles.js';
import type { SeededRandom } from './seeded-random.js';

/** One posting of an officer: office index and the demo days it covers (inclusive). */
export interface DemoPosting {
  readonly office: number;
  readonly fromDay: number;
  readonly toDay: number;
  /** valid_from as written (postings usually start before the demo year). */
  readonly validFrom: string;
  /** valid_to as written, empty when current. */
  readonly validTo: string;
}

/** An officer of the demo administration, with the hidden traits that drive behaviour. */
export interface DemoOfficer {
  readonly index: number;
  readonly id: string;
  readonly role: string;
  readonly grade: string;
  readonly postings: DemoPosting[];
  /** Relative share of the office's work the system gives this officer. */
  weight: number;
  /** Probability of finding real fraud on a physical inspection. */
  ability: number;
  /** Multiplier on the officer's release times. */
  speed: number;
  readonly schemes: Set<DemoScheme>;
  readonly traps: Set<DemoTrap>;
  /** Declarant index this officer colludes with, or -1. */
  pairDeclarant: number;
}

/** The corrupt officers to plant: office, schemes, workload, and whether a colluding declarant goes with it. */
const corruptPlan: readonly {
  office: string;
  schemes: DemoScheme[];
  weight: number;
  role: string;
}[] = [
  { office: 'DLA-PORT', schemes: ['downgrade'], weight: 1.2, role: 'examiner' },
  { office: 'DLA-PORT', schemes: ['low_uplift'], weight: 2.4, role: 'valuation' },
  {
    office: 'DLA-PORT',
    schemes: ['pair_concentration', 'manual_assignment'],
    weight: 1,
    role: 'examiner',
  },
  {
    office: 'DLA-PORT',
    schemes: ['low_detection', 'pair_concentration', 'manual_assignment'],
    weight: 1.5,
    role: 'inspector',
  },
  { office: 'KRI-PORT', schemes: ['red_uninspected', 'fast_red'], weight: 1.8, role: 'inspector' },
  {
    office: 'YDE-DRY',
    schemes: ['undervaluation', 'pair_concentration', 'manual_assignment'],
    weight: 1.2,
    role: 'valuation',
  },
  { office: 'YDE-DRY', schemes: ['low_detection'], weight: 1.6, role: 'inspector' },
  { office: 'GBL-ROAD', schemes: ['downgrade', 'off_hours'], weight: 1.3, role: 'examiner' },
  {
    office: 'NSI-AIR',
    schemes: ['pair_concentration', 'manual_assignment'],
    weight: 1.2,
    role: 'examiner',
  },
];

/** Honest officers who change office mid-year: from, to. */
const rotations: readonly [string, string][] = [
  ['DLA-PORT', 'KRI-PORT'],
  ['KRI-PORT', 'DLA-PORT'],
  ['DLA-AIR', 'NSI-AIR'],
  ['NSI-AIR', 'DLA-AIR'],
  ['GBL-ROAD', 'KYO-ROAD'],
  ['YDE-DRY', 'DLA-PORT'],
  ['DLA-PORT', 'YDE-DRY'],
  ['YDE-POST', 'YDE-DRY'],
];

/** Offices of the very able honest inspectors. */
const ableInspectorOffices = ['DLA-PORT', 'YDE-DRY', 'DLA-AIR'];

const grades = ['A1', 'A2', 'B1', 'B2', 'C1'];

function officeIndex(code: string): number {
  const i = officeProfiles.findIndex((o) => o.code === code);
  if (i < 0) throw new RangeError(`unknown demo office ${code}`);
  return i;
}

function uniqueIds(random: SeededRandom, count: number, make: () => string): string[] {
  const seen = new Set<string>();
  while (seen.size < count) seen.add(make());
  return random.shuffle([...seen]);
}

/**
 * The officers of the demo administration with their postings, hidden
 * abilities, planted schemes and traps. `handledPerOffice[o]` is the expected
 * number of officer-handled declarations at office o in the year, used to keep
 * supervisors under 30 eligible declarations at any size.
 */
export function buildStaff(
  random: SeededRandom,
  handledPerOffice: readonly number[],
): DemoOfficer[] {
  const headcount = officeProfiles.reduce((n, o) => n + o.officers + 1, 0);
  const ids = uniqueIds(random, headcount, () => `M${100000 + random.int(900000)}`);
  const officers: DemoOfficer[] = [];
  const startedBefore = (): string => formatDate(-random.int(5 * 365) - 1);

  for (const [o, profile] of officeProfiles.entries()) {
    for (let k = 0; k <= profile.officers; k++) {
      const supervisor = k === profile.officers;
      const index = officers.length;
      officers.push({
        index,
        id: ids[index] ?? `M${index}`,
        role: supervisor ? 'supervisor' : random.chance(0.3) ? 'inspector' : 'examiner',
        grade: supervisor ? 'A1' : random.pick(grades),
        postings: [{ office: o, fromDay: 0, toDay: 364, validFrom: startedBefore(), validTo: '' }],
        weight: supervisor ? 0 : random.uniform(0.8, 1.2),
        ability: Math.min(0.85, Math.max(0.45, 0.65 + 0.06 * random.normal())),
        speed: Math.min(1.1, Math.max(0.9, random.logNormal(1, 0.05))),
        schemes: new Set(),
        traps: new Set(),
        pairDeclarant: -1,
      });
    }
  }

  // Regular officers not yet given a special part, by office.
  const free = (code: string): DemoOfficer[] =>
    officers.filter(
      (f) =>
        f.role !== 'supervisor' &&
        f.schemes.size === 0 &&
        f.traps.size === 0 &&
        f.postings[0]?.office === officeIndex(code),
    );
  const take = (code: string): DemoOfficer => {
    const candidates = free(code);
    if (candidates.length === 0) throw new RangeError(`no free officer left at ${code}`);
    return random.pick(candidates);
  };

  for (const plan of corruptPlan) {
    const officer = take(plan.office);
    for (const s of plan.schemes) officer.schemes.add(s);
    officer.weight = plan.weight;
    (officer as { role: string }).role = plan.role;
  }
  for (const code of ableInspectorOffices) {
    const officer = take(code);
    officer.traps.add('able_inspector');
    officer.ability = 0.97;
    (officer as { role: string }).role = 'inspector';
  }
  for (const [from, to] of rotations) {
    const officer = take(from);
    officer.traps.add('rotating');
    const moveDay = 120 + random.int(120);
    const first = officer.postings[0];
    if (!first) continue;
    officer.postings[0] = { ...first, toDay: moveDay - 1, validTo: formatDate(moveDay - 1) };
    officer.postings.push({
      office: officeIndex(to),
      fromDay: moveDay,
      toDay: 364,
      validFrom: formatDate(moveDay),
      validTo: '',
    });
  }
  const yearWeight = officeProfiles.map(() => 0);
  for (const officer of officers) {
    for (const p of officer.postings) {
      yearWeight[p.office] =
        (yearWeight[p.office] ?? 0) + (officer.weight * (p.toDay - p.fromDay + 1)) / 365;
    }
  }
  for (const officer of officers) {
    if (officer.role !== 'supervisor') continue;
    // A supervisor handles the odd file himself: about 6–16 a year whatever the size.
    const office = officer.postings[0]?.office ?? 0;
    const perWeight = (handledPerOffice[office] ?? 0) / (yearWeight[office] ?? 1);
    officer.weight = perWeight > 0 ? random.uniform(6, 16) / perWeight : 0;
    officer.traps.add('low_volume');
  }
  return officers;
}

/** Whether the officer is posted at the office on that day. */
export function postedAt(officer: DemoOfficer, office: number, day: number): boolean {
  return officer.postings.some((p) => p.office === office && p.fromDay <= day && day <= p.toDay);
}
