import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  EngineError,
  type GbdtParams,
  type ModelEvaluation,
  type Warehouse,
  type WarehouseModelFile,
  checkFeatureLeakage,
  evaluateWarehouseModel,
  extraDeclarationColumns,
  openWarehouse,
  recommendChannels,
  scoreDeclarations,
  selectionReport,
  trainWarehouseModel,
  warehouseModelFromJson,
} from '@probity/engine';
import { ModelInputError } from '../model/model-input-error.js';
import { defaultTrainingThreads } from '../model/training-threads.js';
import { table } from '../text-table.js';
import { existingWarehouse } from '../warehouse-file.js';

function numberOption(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new ModelInputError('PROBITY_BAD_EXPRESSION', `--${name} must be a number`);
    return n;
  };
}

function shareOption(name: string): (value: string) => number {
  const parse = numberOption(name);
  return (value: string) => {
    const n = parse(value);
    if (n < 0 || n > 1)
      throw new ModelInputError('PROBITY_BAD_EXPRESSION', `--${name} must lie between 0 and 1`);
    return n;
  };
}

/** The model file next to a warehouse when --model/--out is not given: `data.duckdb` → `data.model.json`. */
export function defaultModelFile(db: string): string {
  return `${db.replace(/\.duckdb$/i, '')}.model.json`;
}

async function withWarehouse<T>(db: string, work: (w: Warehouse) => Promise<T>): Promise<T> {
  await existingWarehouse(db);
  const warehouse = await openWarehouse(db);
  try {
    return await work(warehouse);
  } finally {
    warehouse.close();
  }
}

async function readModelFile(file: string): Promise<WarehouseModelFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ModelInputError(
      'PROBITY_MODEL_FILE',
      `cannot read the model ${file}: train one first with \`probity model train --db\``,
      { cause },
    );
  }
  return warehouseModelFromJson(text);
}

function percent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–';
}

function finiteJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    2,
  );
}

/** Prints an evaluation for a person, with the labels note. */
function printEvaluation(e: ModelEvaluation, out: NodeJS.WritableStream): void {
  out.write(
    `${e.rows} controlled declarations, ${e.positives} with a finding (${percent(e.positives / e.rows)})\n`,
  );
  out.write(`ROC AUC ${e.auc.toFixed(4)}   average precision ${e.averagePrecision.toFixed(4)}\n\n`);
  out.write(
    table(
      ['selected', 'rows', 'precision', 'recall', 'revenue'],
      e.topK.map((k) => [
        `top ${k.percent} %`,
        String(k.selected),
        percent(k.precision),
        percent(k.recall),
        percent(k.revenue),
      ]),
      [1, 2, 3, 4],
    ) + '\n',
  );
  out.write('\nCalibration (score deciles):\n');
  out.write(
    table(
      ['decile', 'rows', 'mean score', 'observed rate'],
      e.calibration.map((b) => [
        String(b.bin),
        String(b.rows),
        b.meanScore.toFixed(4),
        b.observedRate.toFixed(4),
      ]),
      [0, 1, 2, 3],
    ) + '\n',
  );
  out.write(`${e.note}\n`);
}

interface TrainOptions {
  db: string;
  out?: string;
  evaluationShare: number;
  stoppingShare: number;
  rounds: number;
  learningRate: number;
  maxDepth: number;
  seed: number;
  threads: number;
  leakageCheck: boolean;
  json?: boolean;
}

function addTrain(model: Command): void {
  model
    .command('train')
    .description(
      'learn the declaration risk model from the controlled declarations of a warehouse (label: outcome = finding)',
    )
    .addHelpText(
      'after',
      '\nFeatures come from declarations, items and history (earlier controls of the same declarant,\n' +
        'trader and HS6, counted only when their outcome was known before lodgement). The latest\n' +
        '--evaluation-share of controlled declarations by lodgement time is held out and evaluated\n' +
        '(precision, recall and revenue at 1, 2, 5, 10 %, ROC AUC, AP, calibration). Labels exist only\n' +
        'for controlled declarations.',
    )
    .requiredOption('--db <file>', 'warehouse file (from `probity load`)')
    .option('--out <file>', 'model file to write (default: next to the warehouse, .model.json)')
    .option(
      '--evaluation-share <x>',
      'latest share of controlled declarations held out for evaluation',
      shareOption('evaluation-share'),
      0.2,
    )
    .option(
      '--stopping-share <x>',
      'latest share of the training rows used only to stop boosting',
      shareOption('stopping-share'),
      0.15,
    )
    .option('--rounds <n>', 'most boosting rounds', numberOption('rounds'), 1000)
    .option('--learning-rate <x>', 'shrinkage', numberOption('learning-rate'), 0.08)
    .option('--max-depth <n>', 'tree depth', numberOption('max-depth'), 6)
    .option('--seed <n>', 'random seed', numberOption('seed'), 0)
    .option(
      '--threads <n>',
      'training threads, 1 or 2 (the same trees either way; default: 2 when the machine has two cores)',
      numberOption('threads'),
      defaultTrainingThreads(),
    )
    .option('--no-leakage-check', 'skip the check that no feature uses later declarations')
    .option('--json', 'print the training summary and evaluation as JSON')
    .action(async (opts: TrainOptions) => {
      const out = opts.out ?? defaultModelFile(opts.db);
      await withWarehouse(opts.db, async ({ connection }) => {
        if (opts.leakageCheck) {
          const extraColumns = await extraDeclarationColumns(connection);
          const leak = await checkFeatureLeakage(connection, { extraColumns });
          if (!leak.ok) {
            throw new EngineError(
              'PROBITY_WAREHOUSE',
              `leakage check failed: ${leak.leaking.map((l) => l.feature).join(', ') || 'no rows compared'}`,
            );
          }
          if (!opts.json)
            process.stdout.write(
              `leakage check: ${leak.features} features of ${leak.comparedRows} declarations identical on the warehouse cut at ${leak.cutoffs.length} times\n`,
            );
        }
        const params: Partial<GbdtParams> = {
          rounds: opts.rounds,
          learningRate: opts.learningRate,
          maxDepth: opts.maxDepth,
          seed: opts.seed,
          threads: opts.threads,
        };
        const file = await trainWarehouseModel(connection, {
          evaluationShare: opts.evaluationShare,
          stoppingShare: opts.stoppingShare,
          params,
        });
        await writeFile(out, JSON.stringify(file) + '\n');
        if (opts.json) {
          process.stdout.write(
            finiteJson({
              modelId: file.modelId,
              file: out,
              training: file.training,
              evaluation: file.evaluation,
            }) + '\n',
          );
          return;
        }
        const t = file.training;
        process.stdout.write(
          `model ${file.modelId}: ${file.features.length} features, ${t.trees} trees, trained in ${t.seconds.toFixed(1)} s\n` +
            `trained on ${t.trainRows} controlled declarations (${t.firstLodged} on), boosting stopped on the next ${t.stoppingRows}\n` +
            `evaluated on the ${t.evaluationRows} lodged from ${t.evaluationFrom} on:\n\n`,
        );
        printEvaluation(file.evaluation, process.stdout);
        process.stdout.write(`wrote ${out}\n`);
      });
    });
}

function addScore(model: Command): void {
  model
    .command('score')
    .description(
      'score every declaration of a warehouse and store declaration_scores (used by model_divergence)',
    )
    .addHelpText(
      'after',
      '\nStores declaration_scores (declaration_id, score, model_id, scored_at, top_factors), replacing\n' +
        'any earlier scores in one transaction. top_factors holds the three features that push the\n' +
        'score up most (exact TreeSHAP) for the --explain-share highest scores; TreeSHAP costs\n' +
        'milliseconds per declaration, so explaining every declaration of a large warehouse is slow.',
    )
    .requiredOption('--db <file>', 'warehouse file')
    .option(
      '--model <file>',
      'model from `probity model train --db` (default: next to the warehouse)',
    )
    .option(
      '--explain-share <x>',
      'share of declarations, highest scores first, that get top_factors',
      shareOption('explain-share'),
      0.01,
    )
    .option('--json', 'print the timing summary as JSON')
    .action(async (opts: { db: string; model?: string; explainShare: number; json?: boolean }) => {
      const file = await readModelFile(opts.model ?? defaultModelFile(opts.db));
      await withWarehouse(opts.db, async ({ connection }) => {
        const summary = await scoreDeclarations(connection, file, {
          explainShare: opts.explainShare,
        });
        if (opts.json) {
          process.stdout.write(finiteJson(summary) + '\n');
          return;
        }
        const rate = summary.declarations / Math.max(summary.predictSeconds, 1e-9);
        process.stdout.write(
          `scored ${summary.declarations} declarations with ${summary.modelId} in ${summary.totalSeconds.toFixed(1)} s ` +
            `(features ${summary.featureSeconds.toFixed(1)} s, trees ${summary.predictSeconds.toFixed(2)} s = ${Math.round(rate)} declarations/s, ` +
            `explanations for ${summary.explained} in ${summary.explainSeconds.toFixed(1)} s)\n` +
            'stored declaration_scores; `probity analyze` now runs model_divergence\n',
        );
      });
    });
}

function addEvaluate(model: Command): void {
  model
    .command('evaluate')
    .description(
      'evaluate a warehouse model on controlled declarations lodged after its training period',
    )
    .requiredOption('--db <file>', 'warehouse file')
    .option('--model <file>', 'model file (default: next to the warehouse)')
    .option(
      '--from <time>',
      'first lodgement time evaluated, ISO 8601 (default: the model’s evaluation split)',
    )
    .option('--json', 'print the metrics as JSON')
    .action(async (opts: { db: string; model?: string; from?: string; json?: boolean }) => {
      const file = await readModelFile(opts.model ?? defaultModelFile(opts.db));
      await withWarehouse(opts.db, async ({ connection }) => {
        const evaluation = await evaluateWarehouseModel(
          connection,
          file,
          opts.from ? { from: opts.from } : {},
        );
        if (opts.json) {
          process.stdout.write(finiteJson({ modelId: file.modelId, ...evaluation }) + '\n');
          return;
        }
        process.stdout.write(
          `model ${file.modelId}, controlled declarations lodged from ${evaluation.from} on\n`,
        );
        printEvaluation(evaluation, process.stdout);
      });
    });
}

interface SelectOptions {
  db: string;
  model?: string;
  red: number;
  yellow: number;
  exploration: number;
  seed: number;
  from?: string;
  json?: boolean;
}

function addSelect(model: Command): void {
  model
    .command('select')
    .description(
      'recommend a channel per declaration from the scores, with random exploration; compare with past selection',
    )
    .addHelpText(
      'after',
      '\nThe top --red share by score is recommended red, the next --yellow share yellow, the rest\n' +
        'green; then a seeded random --exploration share of all declarations is recommended red\n' +
        'whatever its score, so that labels do not come only from where the model looks. Stores\n' +
        'declaration_channels, and a report (stored in model_selection_reports) of what the model\n' +
        'would have selected against what officers selected: inspections, findings, revenue, overlap.',
    )
    .requiredOption('--db <file>', 'warehouse file with declaration_scores')
    .option(
      '--model <file>',
      'model file, for the default --from (its evaluation split); default: next to the warehouse',
    )
    .option('--red <x>', 'share recommended red by score', shareOption('red'), 0.05)
    .option('--yellow <x>', 'share recommended yellow by score', shareOption('yellow'), 0.15)
    .option(
      '--exploration <x>',
      'share of all declarations drawn at random for red',
      shareOption('exploration'),
      0.05,
    )
    .option('--seed <n>', 'seed of the exploration draw', numberOption('seed'), 1)
    .option('--from <time>', 'compare declarations lodged from this ISO time on')
    .option('--json', 'print the report as JSON')
    .action(async (opts: SelectOptions) => {
      let from = opts.from;
      if (from === undefined) {
        const file = await readModelFile(opts.model ?? defaultModelFile(opts.db)).catch(() => null);
        if (file) from = file.training.evaluationFrom;
      }
      await withWarehouse(opts.db, async ({ connection }) => {
        const channels = await recommendChannels(connection, {
          redShare: opts.red,
          yellowShare: opts.yellow,
          exploration: opts.exploration,
          seed: opts.seed,
        });
        const report = await selectionReport(
          connection,
          channels,
          from !== undefined ? { from } : {},
        );
        if (opts.json) {
          process.stdout.write(finiteJson(report) + '\n');
          return;
        }
        process.stdout.write(
          `recommended ${channels.red} red (${channels.explored} by random exploration), ${channels.yellow} yellow, ${channels.green} green of ${channels.declarations}; stored declaration_channels\n\n` +
            `declarations lodged ${from ? `from ${from} on` : 'in the warehouse'}: ${report.declarations}\n\n`,
        );
        const row = (name: string, c: (typeof report)['model']): string[] => [
          name,
          String(c.declarations),
          String(c.controlled),
          String(c.findings),
          percent(c.shareOfFindings),
          percent(c.shareOfRevenue),
        ];
        process.stdout.write(
          table(
            ['selection', 'declarations', 'controlled', 'findings', 'of findings', 'of revenue'],
            [
              row('actually controlled', report.actual),
              row('model red + yellow', report.model),
              row('model, same budget', report.sameBudget),
              row('exploration draw', report.exploration),
            ],
            [1, 2, 3, 4, 5],
          ) + '\n\n',
        );
        process.stdout.write(
          `overlap: the model selects ${percent(report.overlap.shareOfControlled)} of what was controlled; ` +
            `${percent(report.overlap.shareOfModelSelected)} of what it selects was controlled\n`,
        );
        for (const note of report.notes) process.stdout.write(`${note}\n`);
      });
    });
}

function wantsWarehouse(args: readonly string[]): boolean {
  return args.some((a) => a === '--db' || a.startsWith('--db='));
}

/**
 * Adds the warehouse forms of `probity model`: `select` always, and `train`, `score` and `evaluate`
 * with `--db` in place of the CSV forms when the command line gives `--db` (the CSV subcommands
 * are renamed for that one run, so their own options and help stay untouched).
 */
export function registerModelWarehouse(program: Command, model: Command): void {
  model.addHelpText(
    'after',
    '\nOn a warehouse: probity model train|score|evaluate|select --db FILE\n' +
      '(see `probity model train --db FILE --help`).',
  );
  addSelect(model);
  program.hook('preSubcommand', (root, sub) => {
    if (sub !== model || !wantsWarehouse(root.args)) return;
    for (const name of ['train', 'score', 'evaluate']) {
      model.commands.find((c) => c.name() === name)?.name(`${name}-csv`);
    }
    addTrain(model);
    addScore(model);
    addEvaluate(model);
  });
}
