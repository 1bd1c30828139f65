import { execute, openWarehouse, pseudonym } from '@probity/engine';
import type { Warehouse } from '@probity/engine';
import type { ProbityApp } from '../src/app.js';
import { testApp } from './helpers/test-app.js';

/** The key the test app uses (testApp's default). */
export const testKey = 'probity-demo-pseudonym-key';

/** Real ids in the fixture warehouse and the pseudonyms analysts see. */
export const fixture = {
  officer: 'OFF-0042',
  declarant: 'DEC-0007',
  trader: 'TRD-0100',
  officerPseudonym: pseudonym('officer', 'OFF-0042', testKey),
  declarantPseudonym: pseudonym('declarant', 'DEC-0007', testKey),
} as const;

/**
 * A small warehouse in the shape saveAnalysis writes (analysis_runs, _units,
 * _flags, _pairs, _evidence) with the declarations behind one flagged officer.
 */
export async function fixtureWarehouse(): Promise<Warehouse> {
  const w = await openWarehouse(':memory:');
  const c = w.connection;
  await execute(
    c,
    `CREATE TABLE declarations (declaration_id VARCHAR, office_code VARCHAR, lodged_at TIMESTAMP,
      declarant_id VARCHAR, trader_id VARCHAR, officer_id VARCHAR, channel_changed_by VARCHAR,
      final_channel VARCHAR, declared_value DECIMAL(18,2))`,
  );
  await execute(
    c,
    `INSERT INTO declarations VALUES
      ('D-1', 'OF1', '2025-01-02 10:00:00', $1, $2, $3, $3, 'green', 1200.50),
      ('D-2', 'OF1', '2025-01-03 10:00:00', $1, $2, $3, NULL, 'green', 800),
      ('D-3', 'OF1', '2025-01-04 10:00:00', $1, $2, $3, NULL, 'red', 50),
      ('D-4', 'OF1', '2025-01-05 10:00:00', 'DEC-0008', $2, 'OFF-0001', NULL, 'red', 75)`,
    [fixture.declarant, fixture.trader, fixture.officer],
  );
  await execute(
    c,
    `CREATE TABLE analysis_runs (run_id VARCHAR, generated_at VARCHAR, load_id VARCHAR, declarations DOUBLE, config VARCHAR)`,
  );
  await execute(
    c,
    `INSERT INTO analysis_runs VALUES ('run-1', '2025-02-01T00:00:00Z', 'load-1', 4, '{}')`,
  );
  await execute(
    c,
    `CREATE TABLE analysis_units (kind VARCHAR, unit_id VARCHAR, office VARCHAR, volume DOUBLE, score DOUBLE, rank DOUBLE, status VARCHAR)`,
  );
  await execute(
    c,
    `INSERT INTO analysis_units VALUES ('officer', $1, 'OF1', 3, 4.2, 1, 'flagged'),
      ('officer', 'OFF-0001', 'OF1', 1, 0.1, 2, 'clear'), ('declarant', $2, 'OF1', 3, 1.1, 1, 'watch')`,
    [fixture.officer, fixture.declarant],
  );
  await execute(
    c,
    `CREATE TABLE analysis_flags (kind VARCHAR, unit_id VARCHAR, indicator VARCHAR, n DOUBLE, observed DOUBLE,
      expected DOUBLE, ratio DOUBLE, z DOUBLE, z_raw DOUBLE, p DOUBLE, q DOUBLE, status VARCHAR,
      explanation_en VARCHAR, explanation_fr VARCHAR)`,
  );
  await execute(
    c,
    `INSERT INTO analysis_flags VALUES
      ('officer', $1, 'green_override', 3, 2, 0.3, 6.7, 4.1, 4.3, 0.0001, 0.002, 'flagged', 'Many overrides', 'Beaucoup'),
      ('officer', $1, 'release_time', 3, 1, 1, 1, 0.1, 0.1, 0.5, 0.9, 'clear', 'Normal', 'Normal')`,
    [fixture.officer],
  );
  await execute(
    c,
    `CREATE TABLE analysis_pairs (office VARCHAR, officer_id VARCHAR, declarant_id VARCHAR, observed DOUBLE,
      expected DOUBLE, lift DOUBLE, manual DOUBLE, periods DOUBLE, p DOUBLE, q DOUBLE)`,
  );
  await execute(
    c,
    `INSERT INTO analysis_pairs VALUES ('OF1', $1, $2, 3, 0.5, 6, 2, 1, 0.001, 0.01)`,
    [fixture.officer, fixture.declarant],
  );
  await execute(
    c,
    `CREATE TABLE analysis_evidence (kind VARCHAR, unit_id VARCHAR, indicator VARCHAR, declaration_id VARCHAR, event BOOLEAN, value DOUBLE)`,
  );
  await execute(
    c,
    `INSERT INTO analysis_evidence VALUES ('officer', $1, 'green_override', 'D-1', true, 1),
      ('officer', $1, 'green_override', 'D-2', true, 1)`,
    [fixture.officer],
  );
  return w;
}

/** A test app on a fresh in-memory store with the fixture warehouse; `close` closes both. */
export async function casesApp(): Promise<{
  app: ProbityApp;
  warehouse: Warehouse;
  close: () => Promise<void>;
}> {
  const warehouse = await fixtureWarehouse();
  const app = await testApp({}, { warehouse });
  return {
    app,
    warehouse,
    close: async () => {
      await app.close();
      warehouse.close();
    },
  };
}
