import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWarehouse, defaultAnalysisConfig } from '../../src/analysis/index.js';
import { generateDemo } from '../../src/demo/index.js';
import { loadDataset } from '../../src/load/index.js';
import {
  type WarehouseModelFile,
  checkFeatureLeakage,
  evaluateWarehouseModel,
  recommendChannels,
  scoreDeclarations,
  selectionReport,
  trainWarehouseModel,
  warehouseModelFromJson,
} from '../../src/model/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { openWarehouse, queryValues } from '../../src/warehouse/index.js';

/** Train → score → select on a small demo administration (20,000 declarations). */
let dir: string;
let warehouse: Warehouse;
let model: WarehouseModelFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-model-'));
  await generateDemo({ dir: path.join(dir, 'data'), declarations: 20_000, seed: 4 });
  warehouse = await openWarehouse(':memory:', { threads: 2 });
  await loadDataset(warehouse.connection, path.join(dir, 'data'));
  model = await trainWarehouseModel(warehouse.connection, {
    params: { seed: 1 },
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
}, 120_000);

afterAll(async () => {
  warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

describe('feature leakage check', () => {
  it('finds no feature that depends on later declarations', async () => {
    const report = await checkFeatureLeakage(warehouse.connection, { rowsPerCutoff: 500 });
    expect(report.comparedRows).toBeGreaterThan(1000);
    expect(report.leaking).toEqual([]);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('fails a feature computed from the future', async () => {
    // The declarant's finding count over the whole warehouse: it sees outcomes not yet known.
    const report = await checkFeatureLeakage(warehouse.connection, {
      rowsPerCutoff: 500,
      extraSql: [
        {
          name: 'declarant_all_findings',
          sql: `count(*) FILTER (WHERE r.outcome = 'finding') OVER (PARTITION BY r.declarant_id)`,
        },
      ],
    });
    expect(report.ok).toBe(false);
    expect(report.leaking.map((l) => l.feature)).toEqual(['declarant_all_findings']);
  }, 60_000);

  it('fails a feature that reads the outcome of the next declaration', async () => {
    const report = await checkFeatureLeakage(warehouse.connection, {
      rowsPerCutoff: 500,
      extraSql: [
        {
          name: 'next_outcome',
          sql: `lead(r.outcome) OVER (PARTITION BY r.declarant_id ORDER BY r.lodged_at)`,
        },
      ],
    });
    expect(report.leaking.map((l) => l.feature)).toEqual(['next_outcome']);
  }, 60_000);
});

describe('warehouse risk model', () => {
  it('leaves model_divergence out of the analysis while no scores exist', async () => {
    const result = await analyzeWarehouse(warehouse.connection, defaultAnalysisConfig);
    expect(result.indicatorsRun).not.toContain('model_divergence');
  }, 120_000);

  it('trains on the earlier controlled declarations and ranks the later ones well', () => {
    const t = model.training;
    expect(t.trainRows + t.stoppingRows + t.evaluationRows).toBe(t.controlled);
    expect(t.evaluationRows / t.controlled).toBeCloseTo(0.2, 1);
    expect(t.evaluationFrom > t.firstLodged).toBe(true);
    expect(model.evaluation.auc).toBeGreaterThan(0.7);
    expect(model.evaluation.topK.map((k) => k.percent)).toEqual([1, 2, 5, 10]);
    const positiveRate = model.evaluation.positives / model.evaluation.rows;
    expect(model.evaluation.topK[2]?.precision).toBeGreaterThan(1.5 * positiveRate);
    expect(model.evaluation.note).toMatch(/only for controlled declarations/);
  });

  it('round-trips through JSON and evaluates the same on the later split', async () => {
    const copy = warehouseModelFromJson(JSON.stringify(model));
    const again = await evaluateWarehouseModel(warehouse.connection, copy);
    expect(again.rows).toBe(model.evaluation.rows);
    expect(again.auc).toBeCloseTo(model.evaluation.auc, 12);
  }, 60_000);

  it('stores a score for every declaration, with top factors for the highest', async () => {
    const summary = await scoreDeclarations(warehouse.connection, model, { explainShare: 0.05 });
    const [counts] = await queryValues<Record<string, bigint>>(
      warehouse.connection,
      `SELECT (SELECT count(*) FROM declarations) AS declarations,
         count(*) AS scored, count(DISTINCT declaration_id) AS distinct_ids,
         count(top_factors) AS explained,
         count(*) FILTER (WHERE model_id = $model_id) AS this_model,
         count(*) FILTER (WHERE score < 0 OR score > 1) AS out_of_range
       FROM declaration_scores`,
      { model_id: model.modelId },
    );
    expect(counts?.['scored']).toBe(counts?.['declarations']);
    expect(counts?.['distinct_ids']).toBe(counts?.['declarations']);
    expect(counts?.['this_model']).toBe(counts?.['declarations']);
    expect(counts?.['out_of_range']).toBe(0n);
    expect(Number(counts?.['explained'])).toBe(summary.explained);
    expect(summary.explained / summary.declarations).toBeCloseTo(0.05, 2);
    const [top] = await queryValues<{ top_factors: string }>(
      warehouse.connection,
      `SELECT CAST(top_factors AS VARCHAR) AS top_factors FROM declaration_scores
       ORDER BY score DESC LIMIT 1`,
    );
    const factors = JSON.parse(top?.top_factors ?? '[]') as {
      feature: string;
      contribution: number;
    }[];
    expect(factors.length).toBeGreaterThan(0);
    expect(factors.length).toBeLessThanOrEqual(3);
    const names = model.features.map((f) => f.name);
    for (const f of factors) expect(names).toContain(f.feature);
    const contributions = factors.map((f) => f.contribution);
    expect([...contributions].sort((a, b) => b - a)).toEqual(contributions);
    // The explained declarations are the highest scores: none scores below one left out.
    const [order] = await queryValues<{ lowest_explained: number; highest_other: number }>(
      warehouse.connection,
      `SELECT min(score) FILTER (WHERE top_factors IS NOT NULL) AS lowest_explained,
         max(score) FILTER (WHERE top_factors IS NULL) AS highest_other FROM declaration_scores`,
    );
    expect(order?.lowest_explained).toBeGreaterThanOrEqual(order?.highest_other as number);
    // Small pages (several pages of declarations to explain) give the same scores and factors.
    const stored = async (): Promise<string> =>
      JSON.stringify(
        await queryValues(
          warehouse.connection,
          `SELECT declaration_id, score, CAST(top_factors AS VARCHAR) AS f
           FROM declaration_scores ORDER BY declaration_id`,
        ),
      );
    const before = await stored();
    const paged = await scoreDeclarations(warehouse.connection, model, {
      explainShare: 0.05,
      pageRows: 97,
    });
    expect(paged.explained).toBe(summary.explained);
    expect(summary.explained).toBeGreaterThan(2 * 97);
    expect(await stored()).toBe(before);
  }, 120_000);

  it('respects the exploration share for a seed, and the same seed draws the same declarations', async () => {
    const conn = warehouse.connection;
    const first = await recommendChannels(conn, { exploration: 0.05, seed: 7 });
    expect(Math.abs(first.explored / first.declarations - 0.05)).toBeLessThan(0.008);
    const ids = await queryValues<{ id: string }>(
      conn,
      `SELECT declaration_id AS id FROM declaration_channels WHERE explored ORDER BY 1`,
    );
    const again = await recommendChannels(conn, { exploration: 0.05, seed: 7 });
    const idsAgain = await queryValues<{ id: string }>(
      conn,
      `SELECT declaration_id AS id FROM declaration_channels WHERE explored ORDER BY 1`,
    );
    expect(idsAgain).toEqual(ids);
    expect(again.explored).toBe(first.explored);
    const other = await recommendChannels(conn, { exploration: 0.05, seed: 8 });
    expect(other.explored).not.toBe(0);
    const [overlap] = await queryValues<{ n: bigint }>(
      conn,
      `SELECT count(*) AS n FROM declaration_channels WHERE explored AND declaration_id IN (${ids
        .slice(0, 200)
        .map((_, i) => `$${i + 1}`)
        .join(', ')})`,
      ids.slice(0, 200).map((r) => r.id),
    );
    expect(Number(overlap?.n)).toBeLessThan(50);
    const none = await recommendChannels(conn, {
      exploration: 0,
      redShare: 0.05,
      yellowShare: 0.15,
    });
    expect(none.explored).toBe(0);
    expect(none.red / none.declarations).toBeCloseTo(0.05, 3);
    expect(none.yellow / none.declarations).toBeCloseTo(0.15, 3);
  }, 60_000);

  it('reports what the model would have selected against what was selected, and stores it', async () => {
    const conn = warehouse.connection;
    const channels = await recommendChannels(conn, { exploration: 0.05, seed: 1 });
    const report = await selectionReport(conn, channels, {
      from: model.training.evaluationFrom,
    });
    expect(report.actual.controlled).toBe(model.training.evaluationRows);
    expect(report.sameBudget.declarations).toBe(report.actual.controlled);
    expect(report.sameBudget.findings).toBeLessThanOrEqual(report.actual.findings);
    expect(report.model.controlled).toBeLessThanOrEqual(report.model.declarations);
    expect(report.notes[0]).toMatch(/only for controlled declarations/);
    const [stored] = await queryValues<{ n: bigint }>(
      conn,
      `SELECT count(*) AS n FROM model_selection_reports WHERE model_id = $1`,
      [model.modelId],
    );
    expect(stored?.n).toBeGreaterThanOrEqual(1n);
  }, 60_000);

  it('lets the analysis run model_divergence once scores exist', async () => {
    const result = await analyzeWarehouse(warehouse.connection, defaultAnalysisConfig);
    expect(result.indicatorsRun).toContain('model_divergence');
  }, 120_000);
});
