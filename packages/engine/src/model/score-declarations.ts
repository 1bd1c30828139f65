import {
  type GbdtModel,
  matrixFromColumns,
  modelFromJson,
  predict,
  treeShap,
} from '../ml/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { appendRows, execute, queryValues } from '../warehouse/index.js';
import { buildRawFeatures, rawFeatureTable } from './declaration-features.js';
import { readFeaturePage } from './feature-matrix-pages.js';
import { featureMatrixSql, writeFeatureReference } from './feature-reference.js';
import type { WarehouseModelFile } from './warehouse-model.js';

/** Options of {@link scoreDeclarations}. */
export interface ScoreOptions {
  /** Rows per page of the feature matrix (default 262,144). */
  readonly pageRows?: number;
  /**
   * Share of declarations, the highest scores, that get `top_factors` (TreeSHAP costs far more than
   * scoring); 1 explains every declaration. Default 0.01: exact TreeSHAP costs 1–7 ms per declaration (more trees, more time), the score microseconds.
   */
  readonly explainShare?: number;
  /** Clock for `scored_at`. */
  readonly now?: () => Date;
}

/** What scoring did and how long each step took. */
export interface ScoreSummary {
  readonly modelId: string;
  readonly declarations: number;
  readonly explained: number;
  /** Feature SQL in DuckDB. */
  readonly featureSeconds: number;
  /** Reading feature pages into typed arrays. */
  readonly readSeconds: number;
  /** Tree evaluation only. */
  readonly predictSeconds: number;
  readonly explainSeconds: number;
  readonly writeSeconds: number;
  readonly totalSeconds: number;
}

const scoreStage = 'm_score_stage';
const factorStage = 'm_factor_stage';
const explainStage = 'm_explain_stage';

/** The three features that push a row's margin up the most (TreeSHAP), as JSON text. */
function topFactors(
  model: WarehouseModelFile,
  contributions: Float64Array,
  offset: number,
  values: (f: number) => number,
): string {
  const nf = model.features.length;
  const best: number[] = [];
  for (let f = 0; f < nf; f++) {
    const c = contributions[offset + f] as number;
    if (!(c > 0)) continue;
    best.push(f);
    best.sort(
      (a, b) => (contributions[offset + b] as number) - (contributions[offset + a] as number),
    );
    if (best.length > 3) best.pop();
  }
  return JSON.stringify(
    best.map((f) => {
      const feature = model.features[f];
      const v = values(f);
      let value: number | string | null = Number.isNaN(v) ? null : v;
      if (feature?.kind === 'categorical' && value !== null) {
        value = model.reference.dictionaries[feature.name]?.[v] ?? 'other';
      }
      return {
        feature: feature?.name ?? `f${f}`,
        value,
        contribution: Math.round((contributions[offset + f] as number) * 1e6) / 1e6,
      };
    }),
  );
}

/**
 * Scores every declaration of the warehouse with a warehouse model and stores the table
 * `declaration_scores (declaration_id, score, model_id, scored_at, top_factors)` in one
 * transaction (CREATE OR REPLACE). The feature matrix is read page by page.
 */
export async function scoreDeclarations(
  conn: WarehouseConnection,
  file: WarehouseModelFile,
  options: ScoreOptions = {},
): Promise<ScoreSummary> {
  const started = performance.now();
  const pageRows = options.pageRows ?? 262_144;
  const explainShare = options.explainShare ?? 0.01;
  const model: GbdtModel = modelFromJson(file.model);
  await buildRawFeatures(conn, {
    extraColumns: file.extraColumns,
    priorStrength: file.priorStrength,
  });
  await writeFeatureReference(conn, file.reference);
  const [count] = await queryValues<{ n: bigint }>(
    conn,
    `SELECT count(*) AS n FROM ${rawFeatureTable}`,
  );
  const total = Number(count?.n ?? 0n);
  const featureSeconds = (performance.now() - started) / 1000;
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${scoreStage} (row_number DOUBLE, score DOUBLE)`,
  );
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${factorStage} (row_number DOUBLE, top_factors VARCHAR)`,
  );
  let readSeconds = 0;
  let predictSeconds = 0;
  let writeSeconds = 0;
  const pageSql = (where: string): string =>
    `${featureMatrixSql(file.features, file.reference, rawFeatureTable, where)} ORDER BY r.row_number`;
  for (let from = 0; from < total; from += pageRows) {
    let t = performance.now();
    const page = await readFeaturePage(
      conn,
      pageSql('r.row_number > $from AND r.row_number <= $to'),
      { from, to: from + pageRows },
    );
    readSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    const scores = predict(model, matrixFromColumns(page.columns));
    predictSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    const rows = page.rowNumber;
    await appendRows(
      conn,
      scoreStage,
      (function* () {
        for (let i = 0; i < page.rows; i++) yield [rows[i] as number, scores[i] as number];
      })(),
    );
    writeSeconds += (performance.now() - t) / 1000;
  }
  const t = performance.now();
  let explained = 0;
  if (explainShare > 0 && total > 0) {
    const [cut] = await queryValues<{ cut: number }>(
      conn,
      `SELECT quantile_disc(score, $q) AS cut FROM ${scoreStage}`,
      { q: Math.max(0, 1 - explainShare) },
    );
    const threshold = explainShare >= 1 ? -Infinity : (cut?.cut ?? Infinity);
    // The rows to explain, numbered once: each page then reads only its own rows, instead of
    // every page filtering the whole score table (at 10M declarations that took 90 s for 10,000).
    await execute(
      conn,
      `CREATE OR REPLACE TEMP TABLE ${explainStage} AS
       SELECT row_number, row_number() OVER (ORDER BY row_number) AS k
       FROM ${scoreStage} WHERE score >= $threshold`,
      { threshold: Math.max(threshold, -1e308) },
    );
    const [selected] = await queryValues<{ n: bigint }>(
      conn,
      `SELECT count(*) AS n FROM ${explainStage}`,
    );
    const toExplain = Number(selected?.n ?? 0n);
    for (let from = 0; from < toExplain; from += pageRows) {
      const page = await readFeaturePage(
        conn,
        pageSql(
          `r.row_number IN (SELECT row_number FROM ${explainStage} WHERE k > $from AND k <= $to)`,
        ),
        { from, to: from + pageRows },
      );
      if (page.rows === 0) continue;
      const matrix = matrixFromColumns(page.columns);
      const shap = treeShap(model, matrix);
      const nf = shap.features;
      const texts: string[] = [];
      for (let i = 0; i < page.rows; i++) {
        texts.push(
          topFactors(file, shap.contributions, i * nf, (f) => page.columns[f]?.[i] as number),
        );
      }
      await appendRows(
        conn,
        factorStage,
        texts.map((text, i) => [page.rowNumber[i] as number, text]),
      );
      explained += page.rows;
    }
  }
  const explainSeconds = (performance.now() - t) / 1000;
  const w = performance.now();
  const scoredAt = (options.now ?? (() => new Date()))().toISOString().slice(0, 19);
  await execute(conn, 'BEGIN TRANSACTION');
  try {
    await execute(
      conn,
      `CREATE OR REPLACE TABLE declaration_scores AS
       SELECT r.declaration_id, s.score, CAST($model_id AS VARCHAR) AS model_id,
         CAST($scored_at AS TIMESTAMP) AS scored_at, CAST(f.top_factors AS JSON) AS top_factors
       FROM ${rawFeatureTable} r
       JOIN ${scoreStage} s ON s.row_number = r.row_number
       LEFT JOIN ${factorStage} f ON f.row_number = r.row_number
       ORDER BY r.row_number`,
      { model_id: file.modelId, scored_at: scoredAt },
    );
    await execute(conn, 'COMMIT');
  } catch (error) {
    await execute(conn, 'ROLLBACK');
    throw error;
  }
  await execute(conn, `DROP TABLE IF EXISTS ${factorStage}`);
  await execute(conn, `DROP TABLE IF EXISTS ${explainStage}`);
  await execute(conn, `DROP TABLE IF EXISTS ${scoreStage}`);
  writeSeconds += (performance.now() - w) / 1000;
  return {
    modelId: file.modelId,
    declarations: total,
    explained,
    featureSeconds,
    readSeconds,
    predictSeconds,
    explainSeconds,
    writeSeconds,
    totalSeconds: (performance.now() - started) / 1000,
  };
}
