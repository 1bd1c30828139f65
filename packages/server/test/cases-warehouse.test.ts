import { execute, pseudonym, queryRows } from '@probity/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import {
  readPairEvidence,
  readUnitEvidence,
  resolvePair,
  resolveUnit,
} from '../src/cases/case-warehouse.js';
import type { AnalyticsFixture } from './analytics-fixture.js';
import { analyticsFixture, leakedIds } from './analytics-fixture.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

const key = 'probity-demo-pseudonym-key';
let fx: AnalyticsFixture;
let app: ProbityApp;

beforeAll(async () => {
  fx = await analyticsFixture(4000);
  app = await testApp({}, { warehouse: fx.warehouse });
}, 120_000);
afterAll(async () => {
  await app.close();
  await fx.cleanup();
});

describe('cases on a real analysed warehouse', () => {
  it('resolves a flagged officer and freezes its flags and every evidence declaration', async () => {
    const c = fx.warehouse.connection;
    const [unit] = await queryRows<{ unit_id: string; n: number }>(
      c,
      `SELECT unit_id, count(*)::DOUBLE AS n FROM analysis_evidence WHERE kind = 'officer'
       GROUP BY unit_id ORDER BY n DESC, unit_id LIMIT 1`,
    );
    expect(unit).toBeDefined();
    if (!unit) return;
    const shown = pseudonym('officer', unit.unit_id, key);
    expect(await resolveUnit(c, 'officer', shown, key)).toEqual({
      kind: 'officer',
      id: unit.unit_id,
      pseudonym: shown,
    });
    const evidence = await readUnitEvidence(c, 'officer', unit.unit_id, null);
    expect(evidence.flags.length).toBeGreaterThan(0);
    expect(evidence.declarationsTotal).toBe(unit.n);
    expect(evidence.declarations.length).toBe(Math.min(unit.n, 2000));
    expect(evidence.run).toMatchObject({ run_id: expect.any(String) });

    const analyst = await loginAs(app, 'analyst');
    const manager = await loginAs(app, 'manager');
    const created = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: analyst.headers,
      payload: {
        title: 'Top officer',
        source: 'unit_flag',
        subject: { kind: 'officer', pseudonym: shown },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { case: { id: number } }).case.id;
    const detail = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}`,
      headers: manager.headers,
    });
    const body = detail.json() as {
      evidence: { declarations: unknown[]; flags: unknown[]; declarationsTotal: number };
    };
    expect(body.evidence.declarationsTotal).toBe(unit.n);
    expect(body.evidence.declarations).toHaveLength(evidence.declarations.length);
    expect(body.evidence.flags).toHaveLength(evidence.flags.length);
    // Person ids in the frozen declarations are shown as pseudonyms only.
    expect(leakedIds(detail.body, fx.realIds)).toEqual([]);
  });

  it('resolves a pair and reads its declarations', async () => {
    const c = fx.warehouse.connection;
    const [pair] = await queryRows<{ officer_id: string; declarant_id: string }>(
      c,
      'SELECT officer_id, declarant_id FROM analysis_pairs ORDER BY q, officer_id, declarant_id LIMIT 1',
    );
    expect(pair).toBeDefined();
    if (!pair) return;
    const resolved = await resolvePair(
      c,
      pseudonym('officer', pair.officer_id, key),
      pseudonym('declarant', pair.declarant_id, key),
      key,
    );
    expect(resolved).toMatchObject({ officerId: pair.officer_id, declarantId: pair.declarant_id });
    const evidence = await readPairEvidence(c, pair.officer_id, pair.declarant_id);
    expect(evidence.pairs.length).toBeGreaterThan(0);
    const [count] = await queryRows<{ n: number }>(
      c,
      'SELECT count(*)::DOUBLE AS n FROM declarations WHERE officer_id = $1 AND declarant_id = $2',
      [pair.officer_id, pair.declarant_id],
    );
    expect(count?.n).toBeGreaterThan(0);
    expect(evidence.declarationsTotal).toBe(count?.n);
    expect(evidence.declarations).toHaveLength(Math.min(count?.n ?? 0, 2000));
    // Every declaration read is one of the pair's.
    for (const d of evidence.declarations) {
      expect(d.row).toMatchObject({ officer_id: pair.officer_id, declarant_id: pair.declarant_id });
    }
  });

  it('adds the score and main factors of the risk model to evidence declarations once they are scored', async () => {
    const c = fx.warehouse.connection;
    const [unit] = await queryRows<{ unit_id: string }>(
      c,
      `SELECT unit_id FROM analysis_evidence WHERE kind = 'officer'
       GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`,
    );
    const [pair] = await queryRows<{ officer_id: string; declarant_id: string }>(
      c,
      'SELECT officer_id, declarant_id FROM analysis_pairs ORDER BY q, officer_id, declarant_id LIMIT 1',
    );
    if (!unit || !pair) throw new Error('the fixture has no evidence to read');
    // Before any scoring: no model columns.
    const before = await readUnitEvidence(c, 'officer', unit.unit_id, null);
    expect(before.declarations.length).toBeGreaterThan(0);
    expect(before.declarations[0]?.row).not.toHaveProperty('model_score');
    // Scores as `probity model score` stores them (a temporary table: the fixture is read-only);
    // every third declaration explained.
    await execute(
      c,
      `CREATE TEMP TABLE declaration_scores AS
       SELECT declaration_id, (hash(declaration_id) % 1000) / 1000.0 AS score,
         'model-1' AS model_id, TIMESTAMP '2026-12-01 06:00:00' AS scored_at,
         CASE WHEN hash(declaration_id) % 3 = 0 THEN CAST('[{"feature":"risk_score","value":0.9,
           "contribution":1.25},{"feature":"hs2","value":"84","contribution":-0.3},
           {"feature":"net_mass_kg","value":null,"contribution":0.0004}]' AS JSON) END AS top_factors
       FROM declarations`,
    );
    try {
      const scores = new Map(
        (
          await queryRows<{ declaration_id: string; score: number; explained: boolean }>(
            c,
            'SELECT declaration_id, score, top_factors IS NOT NULL AS explained FROM declaration_scores',
          )
        ).map((r) => [r.declaration_id, r]),
      );
      const unitEvidence = await readUnitEvidence(c, 'officer', unit.unit_id, null);
      const pairEvidence = await readPairEvidence(c, pair.officer_id, pair.declarant_id);
      const rows = [...unitEvidence.declarations, ...pairEvidence.declarations].map((d) => d.row);
      expect(rows.length).toBeGreaterThan(10);
      let explained = 0;
      for (const row of rows) {
        const stored = scores.get(row['declaration_id'] as string);
        expect(row['model_score']).toBe(stored?.score);
        if (stored?.explained) {
          explained++;
          expect(row['model_factors']).toBe(
            'risk_score = 0.9 (+1.250); hs2 = 84 (-0.300); net_mass_kg = (missing) (+0.000)',
          );
        } else expect(row['model_factors']).toBeNull();
      }
      expect(explained).toBeGreaterThan(0);
      expect(explained).toBeLessThan(rows.length);
    } finally {
      await execute(c, 'DROP TABLE declaration_scores');
    }
  });
});
