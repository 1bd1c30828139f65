import { execute, releaseSegments } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerOf } from '../src/analytics/analytics-reader.js';
import { AnalyticsService } from '../src/analytics/analytics-service.js';
import {
  allEvidenceSql,
  evidenceCountSql,
  evidencePageSql,
  unitEvidence,
} from '../src/analytics/evidence-queries.js';
import { unitIndex } from '../src/analytics/unit-queries.js';
import { pseudonymiseRejectedRow, withheld } from '../src/analytics/data-queries.js';
import { round, toCount, toNumber } from '../src/analytics/json-values.js';
import { gapAggregateSql } from '../src/analytics/mirror-queries.js';
import {
  histogramEdgesHours,
  histogramSql,
  segmentDurationsSql,
} from '../src/analytics/release-time-queries.js';
import { ResultCache } from '../src/analytics/result-cache.js';
import { ReleaseSegmentId } from '../src/api/analytics-release-times.js';
import { analyticsFixture } from './analytics-fixture.js';
import type { AnalyticsFixture } from './analytics-fixture.js';

describe('ResultCache', () => {
  it('computes an answer once for callers asking at the same time', async () => {
    const cache = new ResultCache();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 42;
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', compute)));
    expect(answers.every((a) => a === 42)).toBe(true);
    expect(runs).toBe(1);
  });

  it('forgets a failed computation so the next caller tries again', async () => {
    const cache = new ResultCache();
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get('k', async () => 'second')).toBe('second');
  });

  it('drops the least recently used answer beyond its capacity', async () => {
    const cache = new ResultCache(2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('a', async () => -1);
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => -1)).toBe(1);
    expect(await cache.get('b', async () => 20)).toBe(20);
  });
});

describe('release time schemas', () => {
  it('accept exactly the segments the engine measures', () => {
    const ids = (ReleaseSegmentId as unknown as { anyOf: { const: string }[] }).anyOf.map(
      (l) => l.const,
    );
    expect(ids).toEqual(releaseSegments.map((s) => s.id));
  });
});

describe('JSON values at the boundary', () => {
  it('turns DuckDB BIGINT strings into numbers and rounds to 6 significant digits', () => {
    expect(toNumber('20000')).toBe(20000);
    expect(toNumber(12n)).toBe(12);
    expect(toNumber(null)).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
    expect(toCount(undefined)).toBe(0);
    expect(round(4.297483119229034)).toBe(4.29748);
    expect(round(9.12616e-21)).toBe(9.12616e-21);
    expect(round(0)).toBe(0);
  });
});

describe('pseudonymiseRejectedRow', () => {
  const label = (kind: string, id: string) => `${kind.toUpperCase()}:${id.length}`;

  it('replaces ids of people and firms by pseudonyms, in the values and in the reason', () => {
    const row = pseudonymiseRejectedRow(
      {
        table_name: 'officers',
        file: 'officers.csv',
        line: '114',
        column_name: 'officer_id',
        reason:
          "repeats officer_id, office_code, valid_from 'M312737, DLA-PORT' first seen on line 2",
        raw_values: JSON.stringify({ officer_id: 'M312737', office_code: 'DLA-PORT', grade: 'A1' }),
        raw_line: null,
      },
      label,
    );
    expect(row.values).toEqual({ officer_id: 'OFFICER:7', office_code: 'DLA-PORT', grade: 'A1' });
    expect(row.reason).not.toContain('M312737');
    expect(row.reason).toContain('OFFICER:7');
    expect(row.line).toBe(114);
    expect(row.rawLineWithheld).toBe(false);
  });

  it('withholds a raw line that could not be split into fields', () => {
    const row = pseudonymiseRejectedRow(
      {
        table_name: 'declarations',
        file: 'declarations.csv',
        line: 9,
        column_name: null,
        reason: 'the line has too many fields',
        raw_values: null,
        raw_line: 'D-1,OF1,CA8104,...',
      },
      label,
    );
    expect(row.values).toBeNull();
    expect(row.rawLineWithheld).toBe(true);
    expect(JSON.stringify(row)).not.toContain('CA8104');
    expect(withheld).toBe('[withheld]');
  });
});

describe('generated SQL', () => {
  let fx: AnalyticsFixture;
  beforeAll(async () => {
    fx = await analyticsFixture(3000);
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  const explain = (sql: string, params: Record<string, string | number | null>) =>
    execute(fx.warehouse.connection, `EXPLAIN ${sql}`, params);

  it('plans the durations and histograms of every segment and grouping', async () => {
    for (const segment of releaseSegments) {
      const params = { from: segment.from, to: segment.to, maxHours: 2160 };
      await explain(segmentDurationsSql(segment), params);
      await explain(histogramSql(segment), params);
    }
    expect(histogramEdgesHours[0]).toBe(0);
  });

  it('plans the mirror aggregates and the evidence pages', async () => {
    await explain(gapAggregateSql('partner_country'), {});
    await explain(gapAggregateSql('hs6'), {});
    const params = { kind: 'officer', unit: 'M1', indicator: null, limit: 10, offset: 0 };
    await explain(evidencePageSql, params);
    await explain(evidenceCountSql, params);
    await explain(allEvidenceSql, {});
  });

  it('keeps the answers pages are cut from however many pages are asked for', async () => {
    const service = new AnalyticsService(readerOf(fx.warehouse), 'probity-demo-pseudonym-key', {
      cacheSize: 3,
    });
    let computed = 0;
    const base = () =>
      service.forRun('base', null, async () => {
        computed += 1;
        return computed;
      });
    await base();
    for (let page = 0; page < 10; page += 1) {
      await service.pageForRun('page', { page }, async () => page);
    }
    expect(await base()).toBe(1);
    expect(computed).toBe(1);
  });

  it('pages the same evidence from memory as from the warehouse', async () => {
    const key = 'probity-demo-pseudonym-key';
    const reader = readerOf(fx.warehouse);
    const inMemory = new AnalyticsService(reader, key);
    const fromSql = new AnalyticsService(reader, key, { evidenceMemoryCap: 0 });
    const run = await inMemory.currentRun();
    const index = await unitIndex(inMemory, run, reader);
    const flagged = index.ranked.filter((u) => u.view.status === 'flagged');
    expect(flagged.length).toBeGreaterThan(0);
    let compared = 0;
    for (const entry of flagged) {
      for (const query of [
        {},
        { limit: 7, offset: 3 },
        { indicator: entry.view.flags[0]?.indicator },
      ]) {
        const a = await unitEvidence(inMemory, run, reader, entry, query);
        const b = await unitEvidence(fromSql, run, reader, entry, query);
        expect(a).toEqual(b);
        compared += a.items.length;
      }
    }
    // Two empty pages would agree too: the comparison covered real evidence rows.
    expect(compared).toBeGreaterThan(0);
  });
});
