import { queryRows } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type { LoadsResponse, RejectsResponse } from '../src/api/analytics-data.js';
import type { MirrorResponse } from '../src/api/analytics-mirror.js';
import type { OverviewResponse } from '../src/api/analytics-overview.js';
import type {
  ReleaseDistributionResponse,
  ReleaseTimesResponse,
} from '../src/api/analytics-release-times.js';
import { warmAnalytics } from '../src/analytics/warm-analytics.js';
import { analyticsFixture, leakedIds } from './analytics-fixture.js';
import type { AnalyticsFixture } from './analytics-fixture.js';
import { loginAs } from './helpers/login-as.js';
import type { TestLogin } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

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

describe('the leak scan', () => {
  it('finds the real ids the warehouse holds when they are in a body', async () => {
    const units = await sql<Record<string, unknown>>(`SELECT * FROM analysis_units`);
    const officers = await sql<{ id: string }>(
      `SELECT DISTINCT officer_id AS id FROM declarations WHERE officer_id IS NOT NULL`,
    );
    expect(fx.realIds.length).toBeGreaterThan(officers.length);
    expect(leakedIds(JSON.stringify(units), fx.realIds).length).toBeGreaterThan(officers.length);
  });
});

describe('GET /api/overview', () => {
  it('counts declarations by office and channel as the warehouse does', async () => {
    const body = await get<OverviewResponse>('/api/overview');
    const [all] = await sql<{ n: number; red: number; inspected: number }>(
      `SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE final_channel = 'red')::DOUBLE AS red,
         count(*) FILTER (WHERE inspected)::DOUBLE AS inspected FROM declarations`,
    );
    expect(body.clearance.total.declarations).toBe(all?.n);
    expect(body.clearance.total.channels.red).toBe(all?.red);
    close(body.clearance.total.inspectionRate, (all?.inspected ?? 0) / (all?.n ?? 1));
    const offices = await sql<{ office: string; n: number }>(
      `SELECT office_code AS office, count(*)::DOUBLE AS n FROM declarations GROUP BY 1 ORDER BY 1`,
    );
    expect(body.clearance.byOffice.map((o) => [o.office, o.declarations]).sort()).toEqual(
      offices.map((o) => [o.office, o.n]),
    );
    expect(body.offices).toEqual(offices.map((o) => o.office));
  });

  it('gives each PMM indicator its overall value and its values by period and office', async () => {
    const body = await get<OverviewResponse>('/api/overview');
    const rows = await sql<{ id: string; office: string | null; period: string | null; v: number }>(
      `SELECT indicator_id AS id, office_code AS office, period, value AS v FROM analysis_performance`,
    );
    expect(body.indicators.length).toBeGreaterThan(10);
    for (const indicator of body.indicators) {
      const own = rows.filter((r) => r.id === indicator.id);
      const overall = own.find((r) => r.office === null && r.period === null);
      close(indicator.overall, overall?.v ?? null);
      expect(indicator.byPeriod).toHaveLength(own.filter((r) => !r.office && r.period).length);
      expect(indicator.byOffice).toHaveLength(own.filter((r) => r.office && !r.period).length);
      for (const v of indicator.byOfficePeriod) {
        const row = own.find((r) => r.office === v.office && r.period === v.period);
        close(v.value, row?.v ?? null);
      }
    }
    expect(body.dimensions.map((d) => d.id)).toContain('revenue_collection');
    expect(body.periods.length).toBeGreaterThan(0);
  });

  it('describes the run and counts units by kind and status', async () => {
    const body = await get<OverviewResponse>('/api/overview');
    const [run] = await sql<{ run_id: string }>(`SELECT run_id FROM analysis_runs`);
    expect(body.run.runId).toBe(run?.run_id);
    expect(body.run.config.pseudonymKeyFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(body.run.indicatorsRun).toContain('pair_concentration');
    expect(body.run.indicatorsSkipped.map((s) => s.id)).toContain('model_divergence');
    const counts = await sql<{ kind: string; status: string; n: number }>(
      `SELECT kind, status, count(*)::DOUBLE AS n FROM analysis_units GROUP BY ALL`,
    );
    const officers = body.units.find((u) => u.kind === 'officer');
    const n = (status: string) =>
      counts.find((c) => c.kind === 'officer' && c.status === status)?.n ?? 0;
    expect(officers?.flagged).toBe(n('flagged'));
    expect(officers?.clear).toBe(n('clear'));
    expect(officers?.insufficientData).toBe(n('insufficient_data'));
  });
});

describe('GET /api/release-times', () => {
  it('returns the stored segment statistics, filtered by segment and breakdown', async () => {
    const body = await get<ReleaseTimesResponse>(
      '/api/release-times?segment=lodgement_release&breakdown=channel',
    );
    const rows = await sql<{ grp: string; n: number; median: number; p90: number }>(
      `SELECT group_value AS grp, n::DOUBLE AS n, median_h AS median, p90_h AS p90
       FROM analysis_release_times WHERE segment = 'lodgement_release' AND breakdown = 'channel'`,
    );
    expect(body.stats).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const stat = body.stats.find((s) => s.group === row.grp);
      expect(stat?.n).toBe(row.n);
      close(stat?.medianHours ?? null, row.median);
      close(stat?.p90Hours ?? null, row.p90);
    }
    expect(body.segments.map((s) => s.id)).toContain('arrival_release');
    expect(body.extremeRule.fr).not.toBe('');
  });

  it('bins every kept duration of a segment, as many per channel as the study counted', async () => {
    const body = await get<ReleaseDistributionResponse>(
      '/api/release-times/distribution?segment=lodgement_release&by=channel',
    );
    const rows = await sql<{ grp: string; n: number }>(
      `SELECT group_value AS grp, n::DOUBLE AS n FROM analysis_release_times
       WHERE segment = 'lodgement_release' AND breakdown = 'channel'`,
    );
    expect(body.groups.map((g) => g.group).sort()).toEqual(rows.map((r) => r.grp).sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const group of body.groups) {
      const expected = rows.find((r) => r.grp === group.group)?.n;
      expect(group.n).toBe(expected);
      expect(group.bins.reduce((s, b) => s + b.count, 0)).toBe(expected);
    }
    expect(body.edgesHours[0]).toBe(0);
    expect(body.groups[0]?.bins).toHaveLength(body.edgesHours.length - 1);
  });

  it('refuses an unknown segment', async () => {
    const response = await app.inject({
      url: '/api/release-times/distribution?segment=teleport',
      headers: analyst.headers,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET /api/mirror', () => {
  it('shows the largest gaps, the sums by partner and the tariff–gap relation', async () => {
    const body = await get<MirrorResponse>('/api/mirror');
    expect(body.available).toBe(true);
    const [largest] = await sql<{ gap: number; hs6: string }>(
      `SELECT gap_usd AS gap, hs6 FROM analysis_mirror_gaps ORDER BY gap_usd DESC LIMIT 1`,
    );
    close(body.largestGaps[0]?.gapUsd ?? null, largest?.gap ?? null);
    const [partner] = await sql<{ p: string; gap: number }>(
      `SELECT partner_country AS p, sum(gap_usd) AS gap FROM analysis_mirror_gaps
       GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    expect(body.byPartner[0]?.key).toBe(partner?.p);
    close(body.byPartner[0]?.gapUsd ?? null, partner?.gap ?? null);
    expect(body.tariffGap.points.length).toBe(body.tariffGap.n);
    expect(body.tariffGap.slope).not.toBeNull();
    expect(body.declarants.every((d) => d.unit.startsWith('DCL-'))).toBe(true);
  });

  it('pages the cells of one partner', async () => {
    const body = await get<{ total: number; items: { partner: string }[] }>(
      '/api/mirror/gaps?partner=CN&limit=3',
    );
    const [count] = await sql<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM analysis_mirror_gaps WHERE partner_country = 'CN'`,
    );
    expect(body.total).toBe(count?.n);
    expect(body.items.every((i) => i.partner === 'CN')).toBe(true);
  });
});

describe('GET /api/data', () => {
  it('reconciles every file of the load: read = accepted + rejected', async () => {
    const body = await get<LoadsResponse>('/api/data/loads');
    expect(body.loads).toHaveLength(1);
    const load = body.loads[0];
    expect(load?.reconciled).toBe(true);
    expect(load?.rejected).toBeGreaterThan(0);
    expect(load?.files.length).toBeGreaterThan(0);
    for (const file of load?.files ?? []) {
      expect(file.read).toBe(file.accepted + file.rejected);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const [declarations] = await sql<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM declarations`,
    );
    expect(body.tables.find((t) => t.table === 'declarations')?.rows).toBe(declarations?.n);
  });

  it('lists rejected rows with reasons, personal values as pseudonyms', async () => {
    const body = await get<RejectsResponse>('/api/data/rejects?limit=500');
    const [count] = await sql<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM probity_rejects`);
    expect(body.total).toBe(count?.n);
    const declaration = body.items.find((r) => r.table === 'declarations');
    expect(declaration?.reason).toContain('not-a-date');
    expect(declaration?.values?.['declarant_id']).toMatch(/^DCL-/);
    const officer = body.items.find((r) => r.table === 'officers');
    expect(officer?.values?.['officer_id']).toMatch(/^OFR-/);
    const page = await get<RejectsResponse>('/api/data/rejects?table=milestones&limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.items.every((r) => r.table === 'milestones')).toBe(true);
  });
});

describe('caching', () => {
  it('warms the opening answers ahead, and serves a repeated answer byte for byte as JSON', async () => {
    expect(await warmAnalytics(app)).toBe(true);
    const first = await app.inject({ url: '/api/overview', headers: analyst.headers });
    const second = await app.inject({ url: '/api/overview', headers: analyst.headers });
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    const bare = await testApp();
    try {
      expect(await warmAnalytics(bare)).toBe(false);
    } finally {
      await bare.close();
    }
  });
});

describe('OpenAPI document', () => {
  it('describes every dashboard route with its response schema', async () => {
    const response = await app.inject({ url: '/api/docs/json', headers: analyst.headers });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, { get?: { responses?: object } }> }>();
    for (const path of [
      '/api/overview',
      '/api/release-times',
      '/api/release-times/distribution',
      '/api/integrity/units',
      '/api/integrity/units/{kind}/{unit}',
      '/api/integrity/units/{kind}/{unit}/evidence',
      '/api/integrity/funnels',
      '/api/integrity/funnels/{kind}/{indicator}',
      '/api/integrity/pairs',
      '/api/mirror',
      '/api/mirror/gaps',
      '/api/data/loads',
      '/api/data/rejects',
    ]) {
      expect(doc.paths[path]?.get?.responses, path).toHaveProperty('200');
    }
  });
});
