import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { formatCsv, parseCsv } from '../../src/model/csv-table.js';

let dir = '';

/** Runs `probity …` in process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'probity', ...args]);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

/** Declarations where fraud follows the HS chapter and an under-declared price, with some noise. */
function declarations(first: number, count: number, month: string): string[][] {
  const rows: string[][] = [];
  for (let i = first; i < first + count; i++) {
    const chapter = ['61', '85', '44', '90'][i % 4] as string;
    const price = 100 + ((i * 37) % 900);
    const risky = (chapter === '85' && price < 400) || (chapter === '61' && i % 7 === 0);
    const fraud = risky !== (i % 23 === 0) ? 1 : 0;
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([
      `D${i}`,
      `2020-${month}-${day}`,
      `${chapter}${String(1000 + (i % 9)).slice(1)}0`,
      ['CN', 'US', 'DE'][i % 3] as string,
      `T${i % 40}`,
      `${price}.0`,
      `${5 + (i % 3)}.0`,
      i % 11 === 0 ? '' : 'note, "quoted"',
      String(fraud),
      String(fraud && i % 5 === 0 ? 2 : 0),
    ]);
  }
  return rows;
}
const header = [
  'Declaration ID',
  'Date',
  'HS6 Code',
  'Origin',
  'Importer',
  'Item Price',
  'Tax Rate',
  'Remark',
  'Fraud',
  'Critical Fraud',
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-model-'));
  await writeFile(path.join(dir, 'train.csv'), formatCsv(header, declarations(0, 1500, '03')));
  await writeFile(path.join(dir, 'valid.csv'), formatCsv(header, declarations(1500, 400, '09')));
  // Data to score has no label columns.
  const unlabelled = declarations(2000, 50, '10').map((r) => r.slice(0, 8));
  await writeFile(path.join(dir, 'new.csv'), formatCsv(header.slice(0, 8), unlabelled));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probity model', () => {
  it('trains, scores unlabelled data and evaluates a labelled table', async () => {
    const file = (name: string): string => path.join(dir, name);
    const trained = await run(
      'model',
      'train',
      '--csv',
      file('train.csv'),
      '--valid',
      file('valid.csv'),
      '--label',
      'Fraud',
      '--time',
      'Date',
      '--id',
      'Declaration ID',
      '--exclude',
      'Critical Fraud',
      '--revenue',
      'Item Price * `Tax Rate` / 100 * Fraud',
      '--rounds',
      '200',
      '--out',
      file('model.json'),
    );
    expect(trained).toMatch(/trained on 1500 rows/);
    const model = JSON.parse(await readFile(file('model.json'), 'utf8')) as Record<string, unknown>;
    expect(model['format']).toBe('probity-risk-model');
    expect((model['model'] as { format: string }).format).toBe('probity-gbdt');
    expect((model['model'] as { featureNames: string[] }).featureNames).not.toContain(
      'Critical Fraud',
    );

    await run(
      'model',
      'score',
      '--model',
      file('model.json'),
      '--csv',
      file('new.csv'),
      '--id',
      'Declaration ID',
      '--out',
      file('scores.csv'),
    );
    const scores = parseCsv(await readFile(file('scores.csv'), 'utf8'));
    expect(scores.names).toEqual(['id', 'score']);
    expect(scores.columns[0]?.slice(0, 2)).toEqual(['D2000', 'D2001']);
    expect(scores.columns[1]?.every((s) => Number(s) >= 0 && Number(s) <= 1)).toBe(true);

    const text = await run(
      'model',
      'evaluate',
      '--model',
      file('model.json'),
      '--csv',
      file('valid.csv'),
      '--label',
      'Fraud',
    );
    expect(text).toMatch(/ROC AUC 0\.\d{4}/);
    expect(text).toMatch(/top 10 %/);
    const json = JSON.parse(
      await run(
        'model',
        'evaluate',
        '--model',
        file('model.json'),
        '--csv',
        file('valid.csv'),
        '--label',
        'Fraud',
        '--json',
      ),
    ) as {
      auc: number;
      topK: { percent: number; precision: number; revenue: number }[];
      revenue: string;
    };
    expect(json.auc).toBeGreaterThan(0.8);
    expect(json.topK.map((k) => k.percent)).toEqual([1, 2, 5, 10]);
    expect(json.topK[2]?.revenue).toBeGreaterThan(0);
    expect(json.revenue).toBe('Item Price * `Tax Rate` / 100 * Fraud');
  });

  it('holds out the latest rows by time when no validation table is given', async () => {
    const file = (name: string): string => path.join(dir, name);
    await run(
      'model',
      'train',
      '--csv',
      file('train.csv'),
      '--label',
      'Fraud',
      '--time',
      'Date',
      '--id',
      'Declaration ID',
      '--exclude',
      'Critical Fraud',
      '--rounds',
      '20',
      '--quiet',
      '--out',
      file('split.json'),
    );
    const model = JSON.parse(await readFile(file('split.json'), 'utf8')) as {
      training: { validation: string; rows: number; validRows: number; to: string };
    };
    expect(model.training.validation).toBe('time-split');
    expect(model.training.rows).toBe(1200);
    expect(model.training.validRows).toBe(300);
  });

  it('stops early on validation AUC unless told log loss, and refuses another metric', async () => {
    const train = async (...extra: string[]): Promise<Record<string, unknown>> => {
      const out = path.join(dir, 'stop.json');
      await run(
        'model',
        'train',
        '--csv',
        path.join(dir, 'train.csv'),
        '--valid',
        path.join(dir, 'valid.csv'),
        '--label',
        'Fraud',
        '--time',
        'Date',
        '--exclude',
        'Critical Fraud',
        '--rounds',
        '30',
        '--quiet',
        ...extra,
        '--out',
        out,
      );
      const file = JSON.parse(await readFile(out, 'utf8')) as {
        model: { params: Record<string, unknown> };
      };
      return file.model.params;
    };
    expect((await train())['evalMetric']).toBe('auc');
    expect((await train('--stop-metric', 'logloss'))['evalMetric']).toBe('logloss');
    await expect(train('--stop-metric', 'accuracy')).rejects.toThrow(
      /--stop-metric must be auc or logloss/,
    );
  });

  it('names a missing column instead of failing obscurely', async () => {
    await expect(
      run(
        'model',
        'train',
        '--csv',
        path.join(dir, 'train.csv'),
        '--label',
        'Label',
        '--time',
        'Date',
        '--out',
        path.join(dir, 'x.json'),
      ),
    ).rejects.toThrow(/no column "Label"/);
  });
});

describe('probity model errors', () => {
  it('says which file it cannot read and which column the data lacks', async () => {
    await expect(
      run(
        'model',
        'score',
        '--model',
        path.join(dir, 'absent.json'),
        '--csv',
        path.join(dir, 'new.csv'),
        '--id',
        'Declaration ID',
        '--out',
        path.join(dir, 's.csv'),
      ),
    ).rejects.toThrow(/cannot read .*absent\.json/);
    const model = path.join(dir, 'small.json');
    await run(
      'model',
      'train',
      '--csv',
      path.join(dir, 'train.csv'),
      '--label',
      'Fraud',
      '--time',
      'Date',
      '--id',
      'Declaration ID',
      '--exclude',
      'Critical Fraud',
      '--rounds',
      '5',
      '--quiet',
      '--out',
      model,
    );
    const lacking = path.join(dir, 'lacking.csv');
    await writeFile(lacking, formatCsv(['Declaration ID', 'Date'], [['X1', '2020-10-01']]));
    await expect(
      run(
        'model',
        'score',
        '--model',
        model,
        '--csv',
        lacking,
        '--id',
        'Declaration ID',
        '--out',
        path.join(dir, 's.csv'),
      ),
    ).rejects.toMatchObject({ code: 'PROBITY_MISSING_COLUMN' });
  });
});
