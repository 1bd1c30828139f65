import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryRows, quantile, releaseSegments } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type { TransparencyResponse } from '../src/api/transparency.js';
import { segmentDurationsSql } from '../src/analytics/release-time-queries.js';
import { publishedCellMinimum } from '../src/transparency/release-standards.js';
import { analyticsFixture, leakedIds } from './analytics-fixture.js';
import type { AnalyticsFixture } from './analytics-fixture.js';
import { testApp } from './helpers/test-app.js';

let fx: AnalyticsFixture;
let app: ProbityApp;
let body: TransparencyResponse;
let raw: string;
const webRoot = mkdtempSync(path.join(tmpdir(), 'probity-transparency-web-'));

beforeAll(async () => {
  fx = await analyticsFixture(3000);
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>workspace</title>');
  writeFileSync(path.join(webRoot, 'transparency.html'), '<!doctype html><title>standards</title>');
  app = await testApp({ webRoot }, { warehouse: fx.warehouse });
  const response = await app.inject({ method: 'GET', url: '/api/public/transparency' });
  expect(response.statusCode).toBe(200);
  raw = response.body;
  body = response.json<TransparencyResponse>();
});
afterAll(async () => {
  await app.close();
  await fx.cleanup();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the transparency page’s data', () => {
  it('is public, sets no cookie and names the reporting clocks', async () => {
    expect(body.reporting).toEqual({ path: '/report', acknowledgementDays: 7, feedbackMonths: 3 });
    const page = await app.inject({ method: 'GET', url: '/transparency' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('standards');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('publishes the median and 90th percentile of lodgement-to-release time per office and channel', () => {
    const times = body.releaseTimes;
    expect(times?.segment).toBe('lodgement_release');
    expect(times?.minDeclarations).toBe(publishedCellMinimum);
    const offices = new Set(times?.cells.map((c) => c.office));
    expect(offices.has(null)).toBe(true);
    expect(offices.size).toBeGreaterThan(2);
    for (const cell of times?.cells ?? []) {
      if (cell.suppressed) {
        expect(cell).toMatchObject({ declarations: null, medianHours: null, p90Hours: null });
      } else {
        expect(cell.declarations).toBeGreaterThanOrEqual(publishedCellMinimum);
        expect(cell.p90Hours).toBeGreaterThanOrEqual(cell.medianHours ?? Infinity);
      }
    }
  });

  it('suppresses the cells with too few declarations', () => {
    const suppressed = body.releaseTimes?.cells.filter((c) => c.suppressed) ?? [];
    expect(suppressed.length).toBeGreaterThan(0);
  });

  it('agrees with the quantiles computed from the declarations’ durations', async () => {
    const segment = releaseSegments.find((s) => s.id === 'lodgement_release');
    if (!segment || !body.releaseTimes) throw new Error('no segment or no figures');
    const shown = body.releaseTimes.cells.find((c) => !c.suppressed && c.office !== null);
    if (!shown) throw new Error('no shown office cell');
    const rows = await queryRows<{ hours: number; office_code: string; channel: string }>(
      fx.warehouse.connection,
      `SELECT * FROM (${segmentDurationsSql(segment)}) s`,
      { from: segment.from, to: segment.to },
    );
    const hours = rows
      .filter((r) => r.office_code === shown.office && r.channel === shown.channel)
      .map((r) => Number(r.hours))
      .filter((h) => h >= 0 && h <= (body.releaseTimes?.maxHours ?? 0));
    expect(shown.declarations).toBe(hours.length);
    expect(shown.medianHours).toBeCloseTo(quantile(hours, 0.5), 2);
    expect(shown.p90Hours).toBeCloseTo(quantile(hours, 0.9), 2);
  });

  it('contains no officer, declarant or trader id, and no pseudonym', () => {
    expect(leakedIds(raw, fx.realIds)).toEqual([]);
    expect(raw).not.toMatch(/OFR-|DCL-|TRD-/);
  });

  it('says nothing is published when there is no analysed data', async () => {
    const bare = await testApp();
    const response = await bare.inject({ method: 'GET', url: '/api/public/transparency' });
    expect(response.json()).toMatchObject({ releaseTimes: null });
    await bare.close();
  });
});
