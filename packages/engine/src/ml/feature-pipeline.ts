import {
  applyCountEncoding,
  applyTargetEncoding,
  categoryCounts,
  outOfFoldTargetEncoding,
} from './category-encoding.js';
import type { FeatureKind } from './feature-matrix.js';
import {
  DIGITS,
  NUMBER,
  type Dictionary,
  type TextSource,
  type TextTable,
  columnOf,
  columnOfRows,
  encode,
  learnDictionary,
  parseNumbers,
} from './text-columns.js';

/** One model feature and how to compute it from a table. */
export type FeatureSpec =
  | { readonly type: 'numeric'; readonly name: string; readonly column: string }
  | { readonly type: 'category'; readonly name: string; readonly dictionary: number }
  | {
      readonly type: 'target';
      readonly name: string;
      readonly dictionary: number;
      readonly means: number[];
      readonly prior: number;
      readonly smoothing: number;
    }
  | {
      readonly type: 'count';
      readonly name: string;
      readonly dictionary: number;
      readonly counts: number[];
    }
  | { readonly type: 'equal'; readonly name: string; readonly left: string; readonly right: string }
  | {
      readonly type: 'ratio';
      readonly name: string;
      readonly numerator: string;
      readonly denominator: string;
    }
  | {
      readonly type: 'group-ratio';
      readonly name: string;
      /** A numeric column, or a ratio feature's name. */
      readonly value: string;
      readonly dictionary: number;
      readonly medians: (number | null)[];
    };

/** A fitted feature pipeline: everything needed to turn a new table into the same features. */
export interface FeaturePipeline {
  readonly format: 'probity-feature-pipeline';
  readonly version: 1;
  readonly dictionaries: Dictionary[];
  readonly features: FeatureSpec[];
}

/** Options for {@link fitFeaturePipeline}. */
export interface PipelineOptions {
  /** Columns that are not features (label, time, ids, other labels). */
  exclude?: readonly string[];
  /** Categorical columns with at most this many values are split natively; more get target + count encoding. */
  maxNativeCategories?: number;
  /** Add derived features: code prefixes, equality of same-domain columns, ratios, ratio to group median. */
  derived?: boolean;
  /** Target- and count-encode each high-cardinality column paired with each hierarchical code column (default true). */
  pairs?: boolean;
  folds?: number;
  smoothing?: number;
  seed?: number;
}

/** Feature columns computed by a pipeline. */
export interface PipelineOutput {
  readonly names: string[];
  readonly kinds: FeatureKind[];
  readonly columns: Float64Array[];
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 === 1
    ? (values[m] as number)
    : ((values[m - 1] as number) + (values[m] as number)) / 2;
}

interface ColumnProfile {
  name: string;
  numeric: boolean;
  /** Digit strings only: identifiers or codes (kept as numbers too, since code ranges can mean something). */
  code: boolean;
  /** Most common length of a digit code. */
  codeWidth: number;
  distinct: number;
}

function profile(name: string, cells: readonly string[]): ColumnProfile {
  let numeric = true;
  let code = true;
  const distinct = new Set<string>();
  const lengths = new Map<number, number>();
  for (const c of cells) {
    if (c === '') continue;
    distinct.add(c);
    if (numeric && !NUMBER.test(c.trim())) numeric = false;
    if (code && !DIGITS.test(c)) code = false;
    lengths.set(c.length, (lengths.get(c.length) ?? 0) + 1);
  }
  const [codeWidth, atWidth] = [...lengths.entries()].sort(
    (a, b) => b[1] - a[1] || b[0] - a[0],
  )[0] ?? [0, 0];
  let present = 0;
  for (const count of lengths.values()) present += count;
  // Digit strings of (nearly) one width are codes (HS6, office, transport mode); digit strings of
  // varying width are counts or amounts.
  const fixedWidth = present > 0 && atWidth >= 0.95 * present;
  return { name, numeric, code: numeric && code && fixedWidth, codeWidth, distinct: distinct.size };
}

function ratio(a: Float64Array, b: Float64Array): Float64Array {
  return columnOfRows(a.length, (i) => {
    const x = a[i] as number;
    const d = b[i] as number;
    return d > 0 && x >= 0 ? x / d : NaN;
  });
}

/** Computes the features of a fitted pipeline for a table (columns missing from the table are an error). */
export function applyFeaturePipeline(pipeline: FeaturePipeline, table: TextTable): PipelineOutput {
  const codes = new Map<number, Int32Array>();
  const codesOf = (d: number): Int32Array => {
    let c = codes.get(d);
    if (!c) {
      const dictionary = pipeline.dictionaries[d];
      if (!dictionary) throw new RangeError(`the pipeline has no dictionary ${d}`);
      c = encode(table, dictionary);
      codes.set(d, c);
    }
    return c;
  };
  const numbers = new Map<string, Float64Array>();
  const numbersOf = (column: string): Float64Array => {
    let v = numbers.get(column);
    if (!v) {
      v = parseNumbers(columnOf(table, column));
      numbers.set(column, v);
    }
    return v;
  };
  const out: PipelineOutput = { names: [], kinds: [], columns: [] };
  for (const spec of pipeline.features) {
    let column: Float64Array;
    let kind: FeatureKind = 'numeric';
    switch (spec.type) {
      case 'numeric':
        column = numbersOf(spec.column);
        break;
      case 'category': {
        const size = (pipeline.dictionaries[spec.dictionary] as Dictionary).values.length;
        const categoryCodes = codesOf(spec.dictionary);
        column = columnOfRows(categoryCodes.length, (i) => {
          const c = categoryCodes[i] as number;
          return c < 0 || c >= size ? NaN : c;
        });
        kind = 'categorical';
        break;
      }
      case 'target':
        column = applyTargetEncoding(codesOf(spec.dictionary), {
          means: Float64Array.from(spec.means),
          prior: spec.prior,
          smoothing: spec.smoothing,
        });
        break;
      case 'count':
        column = applyCountEncoding(codesOf(spec.dictionary), Float64Array.from(spec.counts));
        break;
      case 'equal': {
        const a = columnOf(table, spec.left);
        const b = columnOf(table, spec.right);
        column = columnOfRows(a.length, (i) => {
          const x = a[i] as string;
          return x === '' || b[i] === '' ? NaN : x === b[i] ? 1 : 0;
        });
        break;
      }
      case 'ratio':
        column = ratio(numbersOf(spec.numerator), numbersOf(spec.denominator));
        numbers.set(spec.name, column);
        break;
      case 'group-ratio': {
        const values = numbersOf(spec.value);
        const group = codesOf(spec.dictionary);
        column = columnOfRows(values.length, (i) => {
          const x = values[i] as number;
          const m = spec.medians[group[i] as number];
          return m === undefined || m === null || !(m > 0) || Number.isNaN(x) ? NaN : x / m;
        });
        break;
      }
    }
    out.names.push(spec.name);
    out.kinds.push(kind);
    out.columns.push(column);
  }
  return out;
}

/**
 * Learns a feature pipeline on a training table: numeric columns as they are; categorical columns
 * (text, or digit codes) natively when they have few values, otherwise out-of-fold target encoding
 * plus count encoding; and, unless `derived` is false, generic derived features. Returns the pipeline
 * and the training features (target encodings out of fold, so that no row sees its own label).
 */
export function fitFeaturePipeline(
  table: TextTable,
  label: Float64Array,
  options: PipelineOptions = {},
): { readonly pipeline: FeaturePipeline; readonly train: PipelineOutput } {
  const exclude = new Set(options.exclude ?? []);
  const maxNative = options.maxNativeCategories ?? 32;
  const seed = options.seed ?? 0;
  const folds = options.folds ?? 5;
  // Smoothing 5 and the pairs were chosen on a time split of the KCS training year (docs/risk-model.md).
  const smoothing = options.smoothing ?? 5;
  const dictionaries: Dictionary[] = [];
  const features: FeatureSpec[] = [];
  const trainColumns = new Map<string, Float64Array>();
  const profiles = table.names
    .filter((name) => !exclude.has(name))
    .map((name) => profile(name, columnOf(table, name)))
    .filter((p) => p.distinct > 1);

  const addCategorical = (source: TextSource, name: string): number => {
    const dictionary = learnDictionary(table, source);
    const d = dictionaries.push(dictionary) - 1;
    const codes = encode(table, dictionary);
    const size = dictionary.values.length;
    if (size <= maxNative) {
      features.push({ type: 'category', name, dictionary: d });
    } else {
      const { train, encoding } = outOfFoldTargetEncoding(codes, label, size, {
        folds,
        smoothing,
        seed: seed + d,
      });
      features.push({
        type: 'target',
        name: `${name}:target`,
        dictionary: d,
        means: Array.from(encoding.means),
        prior: encoding.prior,
        smoothing,
      });
      trainColumns.set(`${name}:target`, train);
      features.push({
        type: 'count',
        name: `${name}:count`,
        dictionary: d,
        counts: Array.from(categoryCounts(codes, size)),
      });
    }
    return d;
  };

  const amounts: string[] = [];
  const groupDictionaries: { name: string; dictionary: number }[] = [];
  // Groups for "amount against its median": each hierarchical code and its prefixes.
  const medianGroups: { name: string; dictionary: number }[] = [];
  const highCardinality = profiles.filter((p) => !(p.numeric && !p.code) && p.distinct > maxNative);
  for (const p of profiles) {
    if (p.numeric && !p.code) {
      features.push({ type: 'numeric', name: p.name, column: p.name });
      amounts.push(p.name);
      continue;
    }
    if (p.code) features.push({ type: 'numeric', name: p.name, column: p.name });
    if (!p.code || p.distinct > maxNative)
      addCategorical({ column: p.name }, p.code ? `${p.name}` : p.name);
    else addCategorical({ column: p.name }, `${p.name}:category`);
    if (options.derived === false) continue;
    // Hierarchical digit codes (HS codes): their 2- and 4-digit prefixes are categories too, and
    // amounts are compared with their median within the code and within each prefix (the heading's
    // median still says something when the code itself has few rows).
    if (p.code && p.codeWidth >= 4 && p.distinct > maxNative) {
      const prefixes: { name: string; dictionary: number }[] = [];
      for (const prefix of [2, 4]) {
        if (prefix < p.codeWidth) {
          const name = `${p.name}[:${prefix}]`;
          const d = addCategorical({ column: p.name, prefix, width: p.codeWidth }, name);
          prefixes.push({ name, dictionary: d });
        }
      }
      const dictionary = learnDictionary(table, { column: p.name, width: p.codeWidth });
      const group = { name: p.name, dictionary: dictionaries.push(dictionary) - 1 };
      groupDictionaries.push(group);
      medianGroups.push(group, ...prefixes);
    }
  }
  if (options.derived !== false && options.pairs !== false) {
    // The same trader (or country, office) on the same goods: pairs with each hierarchical code.
    for (const group of groupDictionaries) {
      for (const p of highCardinality) {
        if (p.name !== group.name)
          addCategorical({ column: p.name, pairedWith: group.name }, `${p.name} × ${group.name}`);
      }
    }
  }
  if (options.derived !== false) {
    // Two text columns drawing on the same values (country of origin and of departure): are they equal?
    const texts = profiles.filter((p) => !p.numeric && p.distinct >= 3);
    const sets = new Map(texts.map((p) => [p.name, new Set(columnOf(table, p.name))]));
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = sets.get((texts[i] as ColumnProfile).name) as Set<string>;
        const b = sets.get((texts[j] as ColumnProfile).name) as Set<string>;
        let common = 0;
        for (const v of a) if (v !== '' && b.has(v)) common++;
        if (common >= 0.5 * Math.min(a.size, b.size)) {
          const left = (texts[i] as ColumnProfile).name;
          const right = (texts[j] as ColumnProfile).name;
          features.push({ type: 'equal', name: `${left} = ${right}`, left, right });
        }
      }
    }
    // Ratios of non-negative amounts (value per kilogram), at most 6 amounts.
    const values = [...amounts];
    const positive = amounts.filter((a) => parseNumbers(columnOf(table, a)).every((x) => !(x < 0)));
    for (let i = 0; i < Math.min(positive.length, 6); i++) {
      for (let j = i + 1; j < Math.min(positive.length, 6); j++) {
        const name = `${positive[j] as string} / ${positive[i] as string}`;
        features.push({
          type: 'ratio',
          name,
          numerator: positive[j] as string,
          denominator: positive[i] as string,
        });
        values.push(name);
      }
    }
    // Each amount and ratio against its median within the code and its prefixes, medians learned on
    // training.
    const partial = applyFeaturePipeline(
      { format: 'probity-feature-pipeline', version: 1, dictionaries, features },
      table,
    );
    for (const group of medianGroups) {
      const codes = encode(table, dictionaries[group.dictionary] as Dictionary);
      const size = (dictionaries[group.dictionary] as Dictionary).values.length;
      for (const value of values) {
        const x = partial.columns[partial.names.indexOf(value)] as Float64Array;
        const buckets: number[][] = Array.from({ length: size }, () => []);
        codes.forEach((c, i) => {
          const v = x[i] as number;
          if (c >= 0 && c < size && !Number.isNaN(v)) (buckets[c] as number[]).push(v);
        });
        features.push({
          type: 'group-ratio',
          name: `${value} ÷ median by ${group.name}`,
          value,
          dictionary: group.dictionary,
          medians: buckets.map((b) => (b.length >= 2 ? median(b) : null)),
        });
      }
    }
  }
  const pipeline: FeaturePipeline = {
    format: 'probity-feature-pipeline',
    version: 1,
    dictionaries,
    features,
  };
  const train = applyFeaturePipeline(pipeline, table);
  train.names.forEach((name, f) => {
    const oof = trainColumns.get(name);
    if (oof) train.columns[f] = oof;
  });
  return { pipeline, train };
}
