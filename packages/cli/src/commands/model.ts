import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { GbdtParams } from '@probity/engine';
import { formatCsv, parseCsv, requireColumn } from '../model/csv-table.js';
import { ModelInputError } from '../model/model-input-error.js';
import { defaultTrainingThreads } from '../model/training-threads.js';
import {
  type Evaluation,
  evaluateScores,
  labelsOf,
  readRiskModel,
  revenueOf,
  scoreTable,
  trainRiskModel,
} from '../model/risk-model.js';
import { table } from '../text-table.js';
import { registerModelWarehouse } from './model-warehouse.js';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new ModelInputError('PROBITY_UNREADABLE_FILE', `cannot read ${file}`, { cause });
  }
}

async function readTable(file: string): Promise<ReturnType<typeof parseCsv>> {
  return parseCsv(await readText(file), file);
}

function numberOption(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new ModelInputError('PROBITY_BAD_EXPRESSION', `--${name} must be a number`);
    return n;
  };
}

function percent(x: number): string {
  return Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)} %`;
}

/** Prints an evaluation for a person. */
export function printEvaluation(
  e: Evaluation,
  out: NodeJS.WritableStream,
  revenueNote: string | null,
): void {
  out.write(`${e.rows} rows, ${e.positives} positive (${percent(e.positives / e.rows)})\n`);
  out.write(`ROC AUC ${e.auc.toFixed(4)}   average precision ${e.averagePrecision.toFixed(4)}\n\n`);
  const rows = e.topK.map((k) => [
    `top ${k.percent} %`,
    String(k.selected),
    percent(k.precision),
    percent(k.recall),
    percent(k.revenue),
  ]);
  out.write(
    table(['selected', 'rows', 'precision', 'recall', 'revenue'], rows, [1, 2, 3, 4]) + '\n',
  );
  if (revenueNote) out.write(`revenue: share of ${revenueNote} found in the top rows\n`);
  out.write('\nCalibration (score deciles):\n');
  const cal = e.calibration.map((b) => [
    String(b.bin),
    String(b.rows),
    b.meanScore.toFixed(4),
    b.observedRate.toFixed(4),
  ]);
  out.write(table(['decile', 'rows', 'mean score', 'observed rate'], cal, [0, 1, 2, 3]) + '\n');
  out.write(
    'Labels exist only for controlled declarations: these figures describe that population.\n',
  );
}

interface TrainOptions {
  csv: string;
  label: string;
  time: string;
  valid?: string;
  revenue?: string;
  id?: string;
  exclude?: string;
  out: string;
  rounds: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  growPolicy: string;
  subsample: number;
  colsample: number;
  lambda: number;
  gamma: number;
  minChildWeight: number;
  scalePosWeight: number;
  earlyStopping: number;
  stopMetric: string;
  seed: number;
  threads: number;
  quiet?: boolean;
}

/** `probity model train|score|evaluate`: the declaration risk model on CSV tables. */
export function registerModel(program: Command): void {
  const model = program
    .command('model')
    .description(
      'train, apply and evaluate the declaration risk model (gradient-boosted trees) on CSV tables',
    );
  registerModelWarehouse(program, model);

  model
    .command('train')
    .description(
      'learn a risk model from a labelled CSV table; writes the model with its feature pipeline',
    )
    .requiredOption('--csv <file>', 'training table (CSV with a header)')
    .requiredOption('--label <column>', 'label column: a number above 0 is a positive')
    .requiredOption(
      '--time <column>',
      'date column: rows are ordered by it; without --valid the latest 20 % stop the training',
    )
    .option('--valid <file>', 'validation table for early stopping (a later period)')
    .option(
      '--revenue <expression>',
      'revenue column or expression, e.g. "Item Price * Tax Rate / 100 * Fraud" (kept in the model for evaluate)',
    )
    .option('--id <column>', 'row identifier, not a feature')
    .option(
      '--exclude <columns>',
      'comma-separated columns that are not features (e.g. another label)',
    )
    .requiredOption('--out <file>', 'model file to write (JSON)')
    .option('--rounds <n>', 'most boosting rounds', numberOption('rounds'), 2000)
    .option('--learning-rate <x>', 'shrinkage', numberOption('learning-rate'), 0.05)
    .option('--max-depth <n>', 'tree depth (0 = no limit)', numberOption('max-depth'), 8)
    .option('--max-leaves <n>', 'leaves per tree (0 = no limit)', numberOption('max-leaves'), 0)
    .option('--grow-policy <policy>', 'depthwise or lossguide', 'depthwise')
    .option('--subsample <x>', 'share of rows per tree', numberOption('subsample'), 0.8)
    .option('--colsample <x>', 'share of features per tree', numberOption('colsample'), 0.8)
    .option('--lambda <x>', 'L2 penalty on leaf values', numberOption('lambda'), 1)
    .option('--gamma <x>', 'minimum loss reduction for a split', numberOption('gamma'), 0)
    .option(
      '--min-child-weight <x>',
      'minimum hessian sum in a leaf',
      numberOption('min-child-weight'),
      3,
    )
    .option(
      '--scale-pos-weight <x>',
      'weight of positive rows',
      numberOption('scale-pos-weight'),
      1,
    )
    .option(
      '--early-stopping <n>',
      'stop after n rounds without improvement',
      numberOption('early-stopping'),
      100,
    )
    .option(
      '--stop-metric <metric>',
      'validation metric for early stopping: auc (the ranking the model is used for) or logloss',
      'auc',
    )
    .option('--seed <n>', 'random seed', numberOption('seed'), 0)
    .option(
      '--threads <n>',
      'training threads, 1 or 2 (the same trees either way; default: 2 when the machine has two cores)',
      numberOption('threads'),
      defaultTrainingThreads(),
    )
    .option('--quiet', 'print nothing but errors')
    .action(async (opts: TrainOptions) => {
      if (opts.stopMetric !== 'auc' && opts.stopMetric !== 'logloss') {
        throw new ModelInputError('PROBITY_BAD_EXPRESSION', '--stop-metric must be auc or logloss');
      }
      if (opts.growPolicy !== 'depthwise' && opts.growPolicy !== 'lossguide') {
        throw new ModelInputError(
          'PROBITY_BAD_EXPRESSION',
          '--grow-policy must be depthwise or lossguide',
        );
      }
      const started = performance.now();
      const train = await readTable(opts.csv);
      const valid = opts.valid ? await readTable(opts.valid) : undefined;
      if (opts.revenue) revenueOf(valid ?? train, opts.revenue);
      const params: Partial<GbdtParams> = {
        rounds: opts.rounds,
        learningRate: opts.learningRate,
        maxDepth: opts.maxDepth,
        maxLeaves: opts.maxLeaves,
        growPolicy: opts.growPolicy,
        subsample: opts.subsample,
        colsampleByTree: opts.colsample,
        lambda: opts.lambda,
        gamma: opts.gamma,
        minChildWeight: opts.minChildWeight,
        scalePosWeight: opts.scalePosWeight,
        earlyStoppingRounds: opts.earlyStopping,
        evalMetric: opts.stopMetric,
        seed: opts.seed,
        threads: opts.threads,
      };
      const exclude = (opts.exclude ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      const { file } = trainRiskModel(train, {
        label: opts.label,
        time: opts.time,
        exclude,
        params,
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.revenue ? { revenue: opts.revenue } : {}),
        ...(valid ? { valid } : {}),
      });
      await writeFile(opts.out, JSON.stringify(file) + '\n');
      if (!opts.quiet) {
        const t = file.training;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `trained on ${t.rows} rows (${t.from} to ${t.to}), ${file.model.featureNames.length} features, ${t.trees} trees in ${seconds} s\n` +
            `validation (${t.validation === 'file' ? opts.valid : 'latest 20 % by time'}, ${t.validRows} rows): ROC AUC ${t.validAuc?.toFixed(4) ?? '–'}\n` +
            `wrote ${opts.out}\n`,
        );
      }
    });

  model
    .command('score')
    .description('score every row of a CSV table; writes id,score (label columns may be absent)')
    .requiredOption('--model <file>', 'model file from `probity model train`')
    .requiredOption('--csv <file>', 'table to score')
    .requiredOption('--id <column>', 'identifier column copied to the output')
    .requiredOption('--out <file>', 'CSV to write, with the columns id,score')
    .action(async (opts: { model: string; csv: string; id: string; out: string }) => {
      const { file, model: trees } = readRiskModel(await readText(opts.model), opts.model);
      const data = await readTable(opts.csv);
      const ids = requireColumn(data, opts.id, opts.csv);
      const scores = scoreTable(file.pipeline, trees, data);
      await writeFile(
        opts.out,
        formatCsv(
          ['id', 'score'],
          ids.map((id, i) => [id, String(scores[i])]),
        ),
      );
    });

  model
    .command('evaluate')
    .description(
      'rank a labelled CSV table by score; print precision, recall and revenue at 1, 2, 5, 10 %, ROC AUC and AP',
    )
    .requiredOption('--model <file>', 'model file from `probity model train`')
    .requiredOption('--csv <file>', 'labelled table (a later period than the training one)')
    .requiredOption('--label <column>', 'label column')
    .option(
      '--revenue <expression>',
      'revenue column or expression (default: the one given at training)',
    )
    .option('--json', 'print the metrics as JSON')
    .action(
      async (opts: {
        model: string;
        csv: string;
        label: string;
        revenue?: string;
        json?: boolean;
      }) => {
        const { file, model: trees } = readRiskModel(await readText(opts.model), opts.model);
        const data = await readTable(opts.csv);
        const labels = labelsOf(data, opts.label, opts.csv);
        const expression = opts.revenue ?? file.revenue;
        const revenue = expression ? revenueOf(data, expression) : null;
        const evaluation = evaluateScores(scoreTable(file.pipeline, trees, data), labels, revenue);
        if (opts.json) {
          process.stdout.write(
            JSON.stringify({ ...evaluation, revenue: expression ?? null }, null, 2) + '\n',
          );
        } else {
          printEvaluation(evaluation, process.stdout, expression);
        }
      },
    );
}
