import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemo, loadDataset, openWarehouse, queryValues } from '@probity/engine';
import { buildProgram } from '../src/program.js';

let dir = '';
let db = '';

/** Runs `probity …` in process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
    throw Object.assign(new Error('exit'), { code: 'commander.helpDisplayed' });
  });
  try {
    await buildProgram()
      .exitOverride()
      .configureOutput({ writeOut: (s) => chunks.push(s) })
      .parseAsync(['node', 'probity', ...args]);
  } catch (error) {
    if ((error as { code?: string }).code !== 'commander.helpDisplayed') throw error;
  } finally {
    exit.mockRestore();
    spy.mockRestore();
  }
  return chunks.join('');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-model-db-'));
  await generateDemo({ dir: path.join(dir, 'data'), declarations: 12_000, seed: 2 });
  db = path.join(dir, 'demo.duckdb');
  const warehouse = await openWarehouse(db);
  try {
    await loadDataset(warehouse.connection, path.join(dir, 'data'));
  } finally {
    warehouse.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probity model … --db', () => {
  it('trains next to the warehouse, scores every declaration, evaluates and selects', async () => {
    const trained = await run('model', 'train', '--db', db);
    expect(trained).toMatch(/leakage check: \d+ features of \d+ declarations identical/);
    expect(trained).toMatch(/ROC AUC 0\.\d{4}/);
    expect(trained).toMatch(/Labels exist only for controlled declarations/);
    const file = JSON.parse(await readFile(path.join(dir, 'demo.model.json'), 'utf8')) as {
      format: string;
      modelId: string;
    };
    expect(file.format).toBe('probity-warehouse-model');

    expect(await run('model', 'score', '--db', db)).toMatch(/stored declaration_scores/);
    const warehouse = await openWarehouse(db, { readOnly: true });
    try {
      const [row] = await queryValues<{ scored: bigint; declarations: bigint }>(
        warehouse.connection,
        `SELECT (SELECT count(*) FROM declaration_scores WHERE model_id = $1) AS scored,
                (SELECT count(*) FROM declarations) AS declarations`,
        [file.modelId],
      );
      expect(row?.scored).toBe(row?.declarations);
    } finally {
      warehouse.close();
    }

    const evaluation = JSON.parse(await run('model', 'evaluate', '--db', db, '--json')) as {
      auc: number;
      topK: { percent: number }[];
      note: string;
    };
    expect(evaluation.auc).toBeGreaterThan(0.6);
    expect(evaluation.topK.map((k) => k.percent)).toEqual([1, 2, 5, 10]);
    expect(evaluation.note).toMatch(/only for controlled/);

    const report = JSON.parse(
      await run('model', 'select', '--db', db, '--exploration', '0.1', '--seed', '3', '--json'),
    ) as { channels: { explored: number; declarations: number }; from: string };
    expect(report.channels.explored / report.channels.declarations).toBeGreaterThan(0.08);
    expect(report.channels.explored / report.channels.declarations).toBeLessThan(0.12);
    expect(report.from).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 180_000);

  it('keeps the CSV forms and their help when --db is absent', async () => {
    const help = await run('model', 'train', '--help');
    expect(help).toMatch(/--csv <file>/);
    expect(help).not.toMatch(/--db/);
    const dbHelp = await run('model', 'train', '--db', db, '--help');
    expect(dbHelp).toMatch(/controlled declarations of a warehouse/);
    expect(dbHelp).toMatch(/--evaluation-share/);
    expect(await run('model', '--help')).toMatch(
      /probity model train\|score\|evaluate\|select --db FILE/,
    );
  });
});
