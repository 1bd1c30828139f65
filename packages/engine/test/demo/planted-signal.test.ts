import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelStrictness } from '../../src/contract/index.js';
import type { Channel } from '../../src/contract/index.js';
import { generateDemo } from '../../src/demo/index.js';
import type { DemoScheme, DemoTruth } from '../../src/demo/index.js';
import { readCsv } from './read-csv.js';

// The default size: every planted officer must stand out at 100 000 declarations.
let root: string;
let truth: DemoTruth;
let declarations: Record<string, string>[];
let items: Record<string, string>[];
let postings: Record<string, string>[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'probity-demo-signal-'));
  const dir = path.join(root, 'demo');
  truth = (await generateDemo({ dir, declarations: 100_000, seed: 1 })).truth;
  declarations = readCsv(path.join(dir, 'declarations.csv')).rows;
  items = readCsv(path.join(dir, 'items.csv')).rows;
  postings = readCsv(path.join(dir, 'officers.csv')).rows;
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const strictness = (c: string | undefined): number => channelStrictness[c as Channel];
const withScheme = (s: DemoScheme) => truth.officers.filter((o) => o.schemes.includes(s));
const honest = () => truth.officers.filter((o) => !o.corrupt);
const officeOf = (id: string) => truth.officers.find((o) => o.officer_id === id)?.offices[0];

/** Per officer: eligible declarations and events. */
function rates(
  eligible: (d: Record<string, string>) => boolean,
  event: (d: Record<string, string>) => boolean,
): Map<string, { n: number; events: number; rate: number }> {
  const out = new Map<string, { n: number; events: number; rate: number }>();
  for (const d of declarations) {
    const id = d['officer_id'];
    if (!id || !eligible(d)) continue;
    const r = out.get(id) ?? { n: 0, events: 0, rate: 0 };
    r.n++;
    if (event(d)) r.events++;
    r.rate = r.events / r.n;
    out.set(id, r);
  }
  return out;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const hours = (d: Record<string, string>) =>
  (Date.parse(`${d['released_at']}Z`) - Date.parse(`${d['lodged_at']}Z`)) / 3.6e6;
const offHours = (at: string) => {
  const t = new Date(`${at}Z`);
  const minute = t.getUTCHours() * 60 + t.getUTCMinutes();
  return t.getUTCDay() === 0 || t.getUTCDay() === 6 || minute < 450 || minute >= 1050;
};

/** The honest officers with enough volume at an office, and their rates. */
function honestPeers(map: ReturnType<typeof rates>, office: string | undefined, min = 100) {
  return honest()
    .filter((o) => o.offices.length === 1 && o.offices[0] === office)
    .map((o) => map.get(o.officer_id))
    .filter((r): r is { n: number; events: number; rate: number } => !!r && r.n >= min);
}

describe('the planted integrity problems', () => {
  it('downgrade officers downgrade far more of their red/yellow than any honest officer', () => {
    const m = rates(
      (d) => d['risk_channel'] === 'red' || d['risk_channel'] === 'yellow',
      (d) => strictness(d['final_channel']) < strictness(d['risk_channel']),
    );
    expect(withScheme('downgrade').length).toBeGreaterThanOrEqual(1);
    for (const o of withScheme('downgrade')) {
      const r = m.get(o.officer_id);
      expect(r?.n).toBeGreaterThanOrEqual(150);
      expect(r?.rate).toBeGreaterThan(0.2);
    }
    const honestRates = honest()
      .map((o) => m.get(o.officer_id))
      .filter((r) => r && r.n >= 100)
      .map((r) => r?.rate ?? 0);
    expect(Math.max(...honestRates)).toBeLessThan(0.1);
  });

  it('the red_uninspected officer leaves far more final-red declarations uninspected', () => {
    const m = rates(
      (d) => d['final_channel'] === 'red',
      (d) => d['inspected'] === 'false',
    );
    for (const o of withScheme('red_uninspected')) {
      const r = m.get(o.officer_id);
      expect(r?.n).toBeGreaterThanOrEqual(150);
      expect(r?.rate).toBeGreaterThan(0.2);
      for (const p of honestPeers(m, o.offices[0], 50)) expect(p.rate).toBeLessThan(0.08);
    }
  });

  it('low_detection officers find less than half as often as their office peers', () => {
    const m = rates(
      (d) => d['inspected'] === 'true',
      (d) => d['outcome'] === 'finding',
    );
    for (const o of withScheme('low_detection')) {
      const r = m.get(o.officer_id);
      expect(r?.n).toBeGreaterThanOrEqual(150);
      const peers = honestPeers(m, o.offices[0], 50).map((p) => p.rate);
      expect(r?.rate ?? 1).toBeLessThan(median(peers) / 2);
    }
  });

  it('the low_uplift officer recovers a small fraction of what peers recover on findings', () => {
    const uplift = new Map<string, number[]>();
    for (const d of declarations) {
      if (d['outcome'] !== 'finding' || Number(d['declared_duty']) <= 0) continue;
      const u =
        (Number(d['assessed_duty']) - Number(d['declared_duty'])) / Number(d['declared_duty']);
      const id = d['officer_id'] ?? '';
      uplift.set(id, [...(uplift.get(id) ?? []), u]);
    }
    for (const o of withScheme('low_uplift')) {
      const own = uplift.get(o.officer_id) ?? [];
      expect(own.length).toBeGreaterThanOrEqual(100);
      const peers = honest()
        .filter((h) => h.offices[0] === o.offices[0])
        .flatMap((h) => uplift.get(h.officer_id) ?? []);
      expect(median(own)).toBeLessThan(median(peers) / 4);
    }
  });

  it('fast_red officers release a large share of inspected goods within six hours; peers almost never', () => {
    const m = rates(
      (d) => d['inspected'] === 'true' && d['released_at'] !== '',
      (d) => hours(d) < 6,
    );
    for (const o of withScheme('fast_red')) {
      const r = m.get(o.officer_id);
      expect(r?.n).toBeGreaterThanOrEqual(150);
      expect(r?.rate).toBeGreaterThan(0.2);
      for (const p of honestPeers(m, o.offices[0], 50)) expect(p.rate).toBeLessThan(0.05);
    }
  });

  it('the off_hours officer releases a large share outside working hours at an office that keeps them', () => {
    const m = rates(
      (d) => d['released_at'] !== '',
      (d) => offHours(d['released_at'] ?? ''),
    );
    for (const o of withScheme('off_hours')) {
      const r = m.get(o.officer_id);
      expect(r?.n).toBeGreaterThanOrEqual(150);
      expect(r?.rate).toBeGreaterThan(0.2);
      for (const p of honestPeers(m, o.offices[0])) expect(p.rate).toBeLessThan(0.05);
    }
  });

  it('colluding pairs meet far more often than independent assignment predicts, by manual assignment', () => {
    for (const pair of truth.pairs) {
      const atOffice = declarations.filter(
        (d) => d['office_code'] === pair.office_code && d['officer_id'],
      );
      const officer = atOffice.filter((d) => d['officer_id'] === pair.officer_id).length;
      const broker = atOffice.filter((d) => d['declarant_id'] === pair.declarant_id).length;
      const together = atOffice.filter(
        (d) => d['officer_id'] === pair.officer_id && d['declarant_id'] === pair.declarant_id,
      );
      const expected = (officer * broker) / atOffice.length;
      expect(together.length).toBeGreaterThanOrEqual(100);
      expect(together.length / expected).toBeGreaterThan(2.5);
      const manual = together.filter((d) => d['assignment'] === 'manual').length;
      expect(manual / together.length).toBeGreaterThan(0.5);
    }
    const manual = rates(
      () => true,
      (d) => d['assignment'] === 'manual',
    );
    for (const o of withScheme('manual_assignment'))
      expect(manual.get(o.officer_id)?.rate).toBeGreaterThan(0.15);
    for (const o of honest()) {
      const r = manual.get(o.officer_id);
      if (r && r.n >= 100) expect(r.rate).toBeLessThan(0.1);
    }
  });

  it('the undervaluation officer leaves more items below the unit-value band unassessed than his office', () => {
    const logs = new Map<string, number[]>();
    for (const it of items) {
      const kg = Number(it['net_mass_kg']);
      if (!(kg > 0)) continue;
      const hs6 = (it['hs_code'] ?? '').slice(0, 6);
      logs.set(hs6, [...(logs.get(hs6) ?? []), Math.log(Number(it['declared_value']) / kg)]);
    }
    const floor = new Map<string, number>();
    for (const [hs6, v] of logs) {
      if (v.length < 20) continue;
      const m = median(v);
      floor.set(hs6, m - 3 * median(v.map((x) => Math.abs(x - m))));
    }
    const officerOf = new Map(declarations.map((d) => [d['declaration_id'], d['officer_id']]));
    const tally = new Map<string, [number, number]>();
    for (const it of items) {
      const id = officerOf.get(it['declaration_id']);
      const lo = floor.get((it['hs_code'] ?? '').slice(0, 6));
      if (!id || lo === undefined) continue;
      const low = Math.log(Number(it['declared_value']) / Number(it['net_mass_kg'])) < lo;
      const t = tally.get(id) ?? [0, 0];
      t[0]++;
      if (low && !it['assessed_value']) t[1]++;
      tally.set(id, t);
    }
    for (const o of withScheme('undervaluation')) {
      const [n = 0, events = 0] = tally.get(o.officer_id) ?? [];
      expect(n).toBeGreaterThanOrEqual(150);
      const peers = honest().filter((h) => h.offices[0] === officeOf(o.officer_id));
      const pn = peers.reduce((s, h) => s + (tally.get(h.officer_id)?.[0] ?? 0), 0);
      const pe = peers.reduce((s, h) => s + (tally.get(h.officer_id)?.[1] ?? 0), 0);
      expect(events / n).toBeGreaterThan((1.5 * pe) / pn);
    }
  });
});

describe('the honest traps', () => {
  it('the high-risk airport sends far more to red and finds far more than any other office', () => {
    const office = truth.offices.find((o) => o.traps.includes('high_risk_office'))?.office_code;
    const share = (code: string, test: (d: Record<string, string>) => boolean) => {
      const here = declarations.filter((d) => d['office_code'] === code);
      return here.filter(test).length / here.length;
    };
    const red = (d: Record<string, string>) => d['risk_channel'] === 'red';
    const found = (d: Record<string, string>) => d['outcome'] === 'finding';
    for (const o of truth.offices) {
      if (o.office_code === office) continue;
      expect(share(office ?? '', red)).toBeGreaterThan(1.5 * share(o.office_code, red));
      expect(share(office ?? '', found)).toBeGreaterThan(1.5 * share(o.office_code, found));
    }
    const airportOfficers = truth.officers.filter((o) => o.offices.includes(office ?? ''));
    expect(airportOfficers.every((o) => !o.corrupt)).toBe(true);
  });

  it('able inspectors find more often than the median of their honest office peers', () => {
    const m = rates(
      (d) => d['inspected'] === 'true',
      (d) => d['outcome'] === 'finding',
    );
    const able = truth.officers.filter((o) => o.traps.includes('able_inspector'));
    expect(able.length).toBeGreaterThanOrEqual(2);
    for (const o of able) {
      expect(o.corrupt).toBe(false);
      const peers = honestPeers(m, o.offices[0], 50).map((p) => p.rate);
      expect(m.get(o.officer_id)?.rate ?? 0).toBeGreaterThan(median(peers) * 1.2);
    }
  });

  it('low-volume officers handle fewer than 30 red or yellow declarations', () => {
    const m = rates(
      (d) => d['risk_channel'] === 'red' || d['risk_channel'] === 'yellow',
      () => false,
    );
    const low = truth.officers.filter((o) => o.traps.includes('low_volume'));
    expect(low.length).toBeGreaterThanOrEqual(3);
    for (const o of low) {
      expect(o.corrupt).toBe(false);
      expect(m.get(o.officer_id)?.n ?? 0).toBeLessThan(30);
    }
  });

  it('rotating officers have two postings at different offices and work at both', () => {
    const rotating = truth.officers.filter((o) => o.traps.includes('rotating'));
    expect(rotating.length).toBeGreaterThanOrEqual(2);
    for (const o of rotating) {
      expect(o.corrupt).toBe(false);
      const own = postings.filter((p) => p['officer_id'] === o.officer_id);
      expect(new Set(own.map((p) => p['office_code'])).size).toBe(2);
      const worked = new Set(
        declarations.filter((d) => d['officer_id'] === o.officer_id).map((d) => d['office_code']),
      );
      expect(worked.size).toBe(2);
    }
  });
});
