import { pseudonym, queryRows } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type {
  EvidenceResponse,
  FunnelIndexResponse,
  FunnelResponse,
  PairsResponse,
  UnitDetailResponse,
  UnitsResponse,
} from '../src/api/analytics-integrity.js';
import { analyticsFixture, leakedIds } from './analytics-fixture.js';
import type { AnalyticsFixture } from './analytics-fixture.js';
import { loginAs } from './helpers/login-as.js';
import type { TestLogin } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

const key = 'probity-demo-pseudonym-key';
let fx: AnalyticsFixture;
let app: ProbityApp;
let analyst: TestLogin;

beforeAll(async () => {
  fx = await analyticsFixture();
  app = await testApp({}, { warehouse: fx.warehouse });
  analyst = await loginAs(app, 'analyst');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await fx?.cleanup();
});

/** GETs `url` as the analyst, expects 200 and no real id anywhere in the body. */
async function get<T>(url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url, headers: analyst.headers });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  expect(leakedIds(response.body, fx.realIds), url).toEqual([]);
  return response.json<T>();
}

const sql = <T>(text: string, params: unknown[] = []) =>
  queryRows<T>(fx.warehouse.connection, text, params as never);

/** Relative closeness for figures the API rounds to 6 significant digits. */
const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b);
  return expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 1e-5 + 1e-12);
};

describe('GET /api/integrity/units', () => {
  it('lists the officers of the analysis under pseudonyms, flagged first by rank', async () => {
    const body = await get<UnitsResponse>('/api/integrity/units?kind=officer&limit=500');
    const rows = await sql<{ unit_id: string; status: string; rank: number }>(
      `SELECT unit_id, status, rank FROM analysis_units WHERE kind = 'officer'`,
    );
    expect(body.total).toBe(rows.length);
    expect(body.items).toHaveLength(Math.min(500, rows.length));
    expect(body.items.length).toBeGreaterThan(0);
    const byLabel = new Map(rows.map((r) => [pseudonym('officer', r.unit_id, key), r]));
    for (const item of body.items) {
      expect(item.unit).toMatch(/^OFR-[0-9A-Z]{8}$/);
      expect(byLabel.get(item.unit)?.status).toBe(item.status);
    }
    const flagged = rows.filter((r) => r.status === 'flagged').length;
    expect(body.items.slice(0, flagged).every((i) => i.status === 'flagged')).toBe(true);
    expect(body.items[0]?.rank).toBe(1);
    expect(body.items[0]?.flags[0]?.explanation.fr).not.toBe('');
    expect(body.indicators.every((i) => i.about.en !== '' && i.about.fr !== '')).toBe(true);
  });

  it('filters by status, office and indicator, and pages', async () => {
    const page = await get<UnitsResponse>('/api/integrity/units?status=clear&limit=5&offset=5');
    const [clear] = await sql<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM analysis_units WHERE status = 'clear'`,
    );
    expect(page.total).toBe(clear?.n);
    expect(page.items).toHaveLength(5);
    expect(page.offset).toBe(5);
    const [flag] = await sql<{ indicator: string; n: number }>(
      `SELECT indicator, count(DISTINCT (kind, unit_id))::DOUBLE AS n FROM analysis_flags
       WHERE status IN ('flagged', 'watch') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const onIndicator = await get<UnitsResponse>(
      `/api/integrity/units?indicator=${flag?.indicator}&limit=500`,
    );
    expect(onIndicator.total).toBe(flag?.n);
    const office = await get<UnitsResponse>('/api/integrity/units?kind=office&office=DLA-PORT');
    expect(office.items.map((u) => u.unit)).toEqual(['DLA-PORT']);
  });
});

describe('GET /api/integrity/units/:kind/:unit', () => {
  it('gives every indicator of the top officer as stored, and the declarations behind its flags', async () => {
    const [top] = await sql<{ unit_id: string }>(
      `SELECT unit_id FROM analysis_units WHERE kind = 'officer' ORDER BY rank LIMIT 1`,
    );
    const label = pseudonym('officer', top?.unit_id ?? '', key);
    const body = await get<UnitDetailResponse>(`/api/integrity/units/officer/${label}`);
    const flags = await sql<{ indicator: string; observed: number; expected: number; q: number }>(
      `SELECT indicator, observed, expected, q FROM analysis_flags WHERE kind = 'officer' AND unit_id = $1`,
      [top?.unit_id],
    );
    expect(body.indicators).toHaveLength(flags.length);
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) {
      const shown = body.indicators.find((i) => i.indicator === f.indicator);
      close(shown?.observed ?? null, f.observed);
      close(shown?.expected ?? null, f.expected);
      close(shown?.q ?? null, f.q);
    }
    expect(body.status).toBe('flagged');
    const flagged = body.indicators.find((i) => i.status === 'flagged');
    expect(flagged?.evidenceCount).toBeGreaterThan(0);

    const evidence = await get<EvidenceResponse>(
      `/api/integrity/units/officer/${label}/evidence?indicator=${flagged?.indicator}&limit=10`,
    );
    const [count] = await sql<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM analysis_evidence WHERE kind = 'officer' AND unit_id = $1 AND indicator = $2`,
      [top?.unit_id, flagged?.indicator],
    );
    expect(evidence.total).toBe(count?.n);
    expect(evidence.items.length).toBe(Math.min(10, count?.n ?? 0));
    expect(evidence.items.every((e) => e.indicator === flagged?.indicator)).toBe(true);
    if (flagged?.indicator !== 'pair_concentration' && flagged?.indicator !== 'undervaluation') {
      expect(evidence.items.every((e) => e.officer === label)).toBe(true);
    }
  });

  it('shows every flagged unit of every kind without a real id', async () => {
    const units = await get<UnitsResponse>('/api/integrity/units?status=flagged&limit=500');
    expect(units.items.length).toBeGreaterThan(3);
    for (const unit of units.items) {
      const detail = await get<UnitDetailResponse>(
        `/api/integrity/units/${unit.kind}/${encodeURIComponent(unit.unit)}`,
      );
      expect(detail.unit).toBe(unit.unit);
      await get<EvidenceResponse>(
        `/api/integrity/units/${unit.kind}/${encodeURIComponent(unit.unit)}/evidence?limit=500`,
      );
    }
  });

  it('answers UNIT_NOT_FOUND for a pseudonym the analysis does not have', async () => {
    const response = await app.inject({
      url: '/api/integrity/units/officer/OFR-00000000',
      headers: analyst.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'UNIT_NOT_FOUND' } });
  });
});

describe('GET /api/integrity/funnels', () => {
  it('lists the stored funnels and draws each one with labelled points and limits', async () => {
    const index = await get<FunnelIndexResponse>('/api/integrity/funnels');
    const [stored] = await sql<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM analysis_funnels`);
    expect(index.funnels).toHaveLength(stored?.n ?? -1);
    expect(index.funnels.length).toBeGreaterThan(0);
    for (const f of index.funnels) {
      const body = await get<FunnelResponse>(`/api/integrity/funnels/${f.kind}/${f.indicator}`);
      expect(body.points).toHaveLength(f.unitsTested);
    }
    const downgrade = await get<FunnelResponse>('/api/integrity/funnels/officer/downgrade');
    const flags = await sql<{ unit_id: string; n: number; observed: number }>(
      `SELECT unit_id, n, observed FROM analysis_flags WHERE kind = 'officer' AND indicator = 'downgrade'`,
    );
    expect(downgrade.limits.length).toBeGreaterThan(0);
    expect(downgrade.points.length).toBeGreaterThan(0);
    for (const point of downgrade.points) {
      const flag = flags.find((r) => pseudonym('officer', r.unit_id, key) === point.unit);
      expect(flag?.n).toBe(point.n);
      expect(flag?.observed).toBe(point.observed);
    }
  });

  it('answers FUNNEL_NOT_FOUND for an indicator without a funnel', async () => {
    const response = await app.inject({
      url: '/api/integrity/funnels/office/no_such_indicator',
      headers: analyst.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'FUNNEL_NOT_FOUND' } });
  });
});

describe('GET /api/integrity/pairs', () => {
  it('lists every stored pair under pseudonyms, strongest first, filtered by q', async () => {
    const all = await get<PairsResponse>('/api/integrity/pairs?limit=500');
    const rows = await sql<{
      officer_id: string;
      declarant_id: string;
      observed: number;
      q: number;
    }>(`SELECT officer_id, declarant_id, observed, q FROM analysis_pairs ORDER BY q, p`);
    expect(all.total).toBe(rows.length);
    const first = rows[0];
    expect(all.items[0]?.officer).toBe(pseudonym('officer', first?.officer_id ?? '', key));
    expect(all.items[0]?.declarant).toBe(pseudonym('declarant', first?.declarant_id ?? '', key));
    expect(all.items[0]?.observed).toBe(first?.observed);
    const strong = await get<PairsResponse>('/api/integrity/pairs?maxQ=0.05');
    expect(strong.total).toBe(rows.filter((r) => r.q <= 0.05).length);
  });
});
