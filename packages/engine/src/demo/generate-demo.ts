import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableSpec } from '../contract/index.js';
import { csvField, CsvSink } from './csv-sink.js';
import { administrationTruth, buildAdministration } from './demo-administration.js';
import type { DemoAdministration } from './demo-administration.js';
import { daySeconds, demoYear, publicHolidays, weekdayOf } from './demo-calendar.js';
import { DemoError } from './demo-error.js';
import type { DemoTruth } from './demo-truth.js';
import { DeclarationSimulator } from './declaration-simulator.js';
import { MirrorStatistics } from './mirror-statistics.js';
import { officeProfiles } from './office-profiles.js';
import { importProducts } from './product-catalogue.js';
import { SeededRandom, WeightedSampler } from './seeded-random.js';

/** What to generate. */
export interface GenerateDemoOptions {
  /** Folder to write the dataset into (created when missing). */
  dir: string;
  /** Number of declarations (default 100 000). */
  declarations?: number;
  /** Random seed (default 1): the same seed gives byte-identical files. */
  seed?: number;
  /** Where to write the hidden truth as JSON; must be outside `dir`. */
  truthFile?: string;
}

/** What was generated: rows per table, and the truth (also written to `truthFile` when given). */
export interface DemoSummary {
  dir: string;
  seed: number;
  declarations: number;
  rows: Record<string, number>;
  truth: DemoTruth;
}

/** The dataset.json of the demo administration. */
export const demoDatasetInfo = {
  name: 'Demo administration (synthetic)',
  country: 'CM',
  currency: 'XAF',
  timezone: 'Africa/Douala',
  hs_version: 'HS2022',
} as const;

const columnsOf = (table: string): string[] => tableSpec(table).columns.map((c) => c.name);

function checkOptions(options: GenerateDemoOptions): { count: number; seed: number } {
  const count = options.declarations ?? 100_000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000) {
    throw new DemoError(
      'PROBITY_DEMO_OPTIONS',
      `--declarations must be a whole number from 1 to 50000000, not ${count}`,
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new DemoError('PROBITY_DEMO_OPTIONS', `--seed must be a whole number >= 0, not ${seed}`);
  }
  if (options.truthFile) {
    const relative = path.relative(path.resolve(options.dir), path.resolve(options.truthFile));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      throw new DemoError(
        'PROBITY_DEMO_OPTIONS',
        `the truth file ${options.truthFile} is inside the dataset folder ${options.dir}; put it elsewhere so the truth never travels with the data`,
      );
    }
  }
  return { count, seed };
}

/** Relative weight of lodgements at an office on a day: weekends and holidays are quiet. */
function dayFactor(roundTheClock: boolean, day: number): number {
  const weekday = weekdayOf(day);
  const season = 1 + 0.08 * Math.sin((2 * Math.PI * (day - 60)) / 365) + (day > 330 ? 0.1 : 0);
  if (publicHolidays.has(day)) return season * (roundTheClock ? 0.3 : 0.08);
  if (weekday === 6) return season * (roundTheClock ? 0.5 : 0.2);
  if (weekday === 0) return season * (roundTheClock ? 0.25 : 0.05);
  return season;
}

/** A time of day in seconds: business hours heavy, round-the-clock offices spread wider. */
function timeOfDay(random: SeededRandom, roundTheClock: boolean): number {
  let hours: number;
  if (roundTheClock) {
    hours = random.chance(0.3) ? random.uniform(0, 24) : 12 + 3.5 * random.normal();
  } else {
    hours = random.chance(0.1) ? random.uniform(0, 24) : 11.5 + 2.5 * random.normal();
    hours = Math.min(21, Math.max(6, hours));
  }
  return Math.min(daySeconds - 1, Math.max(0, Math.floor(hours * 3600)));
}

async function simulateYear(
  admin: DemoAdministration,
  dir: string,
  count: number,
  mirror: MirrorStatistics,
): Promise<Record<string, number>> {
  const random = new SeededRandom(admin.seed, 2);
  const sinks = {
    declarations: new CsvSink(path.join(dir, 'declarations.csv'), columnsOf('declarations')),
    items: new CsvSink(path.join(dir, 'items.csv'), columnsOf('items')),
    milestones: new CsvSink(path.join(dir, 'milestones.csv'), columnsOf('milestones')),
  };
  const simulator = new DeclarationSimulator(admin, random, sinks, mirror);
  const officeWeights: number[][] = [];
  const dayWeights: number[] = [];
  for (let day = 0; day < 365; day++) {
    const w = officeProfiles.map((o) => o.share * dayFactor(o.roundTheClock, day));
    officeWeights.push(w);
    dayWeights.push(w.reduce((a, b) => a + b, 0));
  }
  const totalWeight = dayWeights.reduce((a, b) => a + b, 0);
  const sequence = officeProfiles.map(() => 0);
  let cumulative = 0;
  let written = 0;
  let keys = new Float64Array(1024);
  for (let day = 0; day < 365; day++) {
    cumulative += dayWeights[day] ?? 0;
    const target = day === 364 ? count : Math.round((count * cumulative) / totalWeight);
    const today = target - written;
    if (today <= 0) continue;
    const sampler = new WeightedSampler(officeWeights[day] ?? []);
    if (keys.length < today) keys = new Float64Array(today * 2);
    // Sort the day's lodgements by time (office in the low bits) so ids run in time order.
    for (let k = 0; k < today; k++) {
      const office = sampler.sample(random);
      const t = timeOfDay(random, officeProfiles[office]?.roundTheClock ?? true);
      keys[k] = t * 16 + office;
    }
    const sorted = keys.subarray(0, today).sort();
    for (let k = 0; k < today; k++) {
      const key = sorted[k] ?? 0;
      const office = key % 16;
      const seconds = day * daySeconds + (key - office) / 16;
      const seq = (sequence[office] ?? 0) + 1;
      sequence[office] = seq;
      const id = `${officeProfiles[office]?.code}/${demoYear}/${String(seq).padStart(7, '0')}`;
      simulator.simulate(id, office, seconds);
      if (sinks.milestones.full || sinks.items.full || sinks.declarations.full) {
        await Promise.all([
          sinks.declarations.flush(),
          sinks.items.flush(),
          sinks.milestones.flush(),
        ]);
      }
    }
    written = target;
  }
  await Promise.all([sinks.declarations.close(), sinks.items.close(), sinks.milestones.close()]);
  return {
    declarations: sinks.declarations.rows,
    items: sinks.items.rows,
    milestones: sinks.milestones.rows,
  };
}

async function writeSmallTables(
  admin: DemoAdministration,
  dir: string,
  mirror: MirrorStatistics,
): Promise<Record<string, number>> {
  const officers = admin.officers.flatMap((f) =>
    f.postings.map((p) =>
      [f.id, officeProfiles[p.office]?.code ?? '', f.role, f.grade, p.validFrom, p.validTo]
        .map(csvField)
        .join(','),
    ),
  );
  const offices = officeProfiles.map((o) =>
    [o.code, o.name, o.kind, o.region].map(csvField).join(','),
  );
  const fx = admin.fxPerUsd.map(
    (rate, m) =>
      `${demoYear}-${String(m + 1).padStart(2, '0')},${demoDatasetInfo.currency},${rate}`,
  );
  const table = (name: string, rows: string[]): Promise<void> =>
    writeFile(
      path.join(dir, `${name}.csv`),
      [columnsOf(name).join(','), ...rows].map((r) => `${r}\n`).join(''),
    );
  await table('officers', officers);
  await table('offices', offices);
  await table('fx_rates', fx);
  const partnerRows = await mirror.write(
    path.join(dir, 'partner_exports.csv'),
    columnsOf('partner_exports'),
    new SeededRandom(admin.seed, 4),
  );
  await writeFile(path.join(dir, 'dataset.json'), `${JSON.stringify(demoDatasetInfo, null, 2)}\n`);
  return {
    officers: officers.length,
    offices: offices.length,
    fx_rates: fx.length,
    partner_exports: partnerRows,
  };
}

/**
 * Generates the demo administration: a synthetic year of clearance data in
 * the data contract, deterministic for a seed, with integrity problems
 * planted on a few officers and brokers and honest traps around them. The
 * truth goes only to `truthFile`, never into the dataset folder.
 */
export async function generateDemo(options: GenerateDemoOptions): Promise<DemoSummary> {
  const { count, seed } = checkOptions(options);
  try {
    await mkdir(options.dir, { recursive: true });
  } catch (cause) {
    throw new DemoError('PROBITY_DEMO_WRITE', `cannot create the folder ${options.dir}`, {
      cause,
    });
  }
  const admin = buildAdministration(seed, count);
  const mirror = new MirrorStatistics(
    importProducts.map((p) => p.hs6),
    admin.partnerCodes,
  );
  const big = await simulateYear(admin, options.dir, count, mirror);
  const small = await writeSmallTables(admin, options.dir, mirror);
  const truth = administrationTruth(admin);
  if (options.truthFile) {
    await mkdir(path.dirname(path.resolve(options.truthFile)), { recursive: true });
    await writeFile(options.truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return { dir: options.dir, seed, declarations: count, rows: { ...big, ...small }, truth };
}
