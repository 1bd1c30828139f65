import type { FeatureKind } from './feature-matrix.js';
import type { GbdtModel } from './gbdt-model.js';
import type { Objective } from './objectives.js';
import type { RegressionTree } from './regression-tree.js';

/** The JSON form of a model. Numbers are written by JSON.stringify, whose shortest round-trip
 * representation parses back to the identical double, so a loaded model predicts bit-identically. */
export interface GbdtModelJson {
  readonly format: 'probity-gbdt';
  readonly version: 1;
  readonly objective: Objective;
  readonly baseScore: number;
  readonly featureNames: string[];
  readonly featureKinds: FeatureKind[];
  readonly params: Record<string, number | string>;
  readonly trees: {
    feature: number[];
    threshold: number[];
    defaultLeft: number[];
    left: number[];
    right: number[];
    value: number[];
    gain: number[];
    cover: number[];
    /** Category codes going left at categorical splits, keyed by node number. */
    categories: Record<string, number[]>;
  }[];
}

/** Error raised for a model file that is not a valid `probity-gbdt` version 1 document. */
export class ModelFormatError extends Error {
  readonly code = 'PROBITY_MODEL_FORMAT';
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

/** The versioned JSON document of a model. */
export function modelToJson(model: GbdtModel): GbdtModelJson {
  return {
    format: 'probity-gbdt',
    version: 1,
    objective: model.objective,
    baseScore: model.baseScore,
    featureNames: [...model.featureNames],
    featureKinds: [...model.featureKinds],
    params: { ...model.params },
    trees: model.trees.map((t) => {
      const categories: Record<string, number[]> = {};
      t.categories.forEach((set, node) => {
        if (set) categories[String(node)] = Array.from(set);
      });
      return {
        feature: Array.from(t.feature),
        threshold: Array.from(t.threshold),
        defaultLeft: Array.from(t.defaultLeft),
        left: Array.from(t.left),
        right: Array.from(t.right),
        value: Array.from(t.value),
        gain: Array.from(t.gain),
        cover: Array.from(t.cover),
        categories,
      };
    }),
  };
}

function numbers(value: unknown, what: string, integer = false): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ModelFormatError(`${what} must be an array of finite numbers`);
  }
  if (integer && !value.every((v) => Number.isInteger(v)))
    throw new ModelFormatError(`${what} must hold integers`);
  return value as number[];
}

function tree(raw: unknown, t: number, features: number): RegressionTree {
  if (typeof raw !== 'object' || raw === null)
    throw new ModelFormatError(`tree ${t} is not an object`);
  const o = raw as Record<string, unknown>;
  const feature = numbers(o['feature'], `tree ${t} feature`, true);
  const n = feature.length;
  const fields = ['threshold', 'defaultLeft', 'left', 'right', 'value', 'gain', 'cover'] as const;
  const arrays = Object.fromEntries(
    fields.map((k) => {
      const a = numbers(
        o[k],
        `tree ${t} ${k}`,
        k === 'left' || k === 'right' || k === 'defaultLeft',
      );
      if (a.length !== n)
        throw new ModelFormatError(`tree ${t} ${k} has ${a.length} entries, expected ${n}`);
      return [k, a];
    }),
  ) as Record<(typeof fields)[number], number[]>;
  const categories: (Float64Array | null)[] = new Array<Float64Array | null>(n).fill(null);
  const rawCats = o['categories'] ?? {};
  if (typeof rawCats !== 'object' || rawCats === null)
    throw new ModelFormatError(`tree ${t} categories`);
  for (const [key, set] of Object.entries(rawCats)) {
    const node = Number(key);
    if (!Number.isInteger(node) || node < 0 || node >= n)
      throw new ModelFormatError(`tree ${t} category node ${key}`);
    categories[node] = Float64Array.from(numbers(set, `tree ${t} categories ${key}`)).sort();
  }
  // A tree must be a tree: children after their parent, features in range, so prediction terminates.
  for (let i = 0; i < n; i++) {
    const f = feature[i] as number;
    if (f < -1 || f >= features)
      throw new ModelFormatError(`tree ${t} node ${i}: feature ${f} out of range`);
    if (f >= 0) {
      for (const c of [arrays.left[i] as number, arrays.right[i] as number]) {
        if (c <= i || c >= n)
          throw new ModelFormatError(`tree ${t} node ${i}: child ${c} out of order`);
      }
    }
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(arrays.threshold),
    defaultLeft: Uint8Array.from(arrays.defaultLeft),
    left: Int32Array.from(arrays.left),
    right: Int32Array.from(arrays.right),
    value: Float64Array.from(arrays.value),
    gain: Float64Array.from(arrays.gain),
    cover: Float64Array.from(arrays.cover),
    categories,
  };
}

/** Reads a model from its JSON document (parsed or text), validating its shape. */
export function modelFromJson(input: unknown): GbdtModel {
  const doc = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  if (typeof doc !== 'object' || doc === null)
    throw new ModelFormatError('a model must be a JSON object');
  const o = doc as Record<string, unknown>;
  if (o['format'] !== 'probity-gbdt') throw new ModelFormatError('not a probity-gbdt model');
  if (o['version'] !== 1)
    throw new ModelFormatError(`unsupported model version ${String(o['version'])}`);
  const objective = o['objective'];
  if (objective !== 'binary:logistic' && objective !== 'reg:squarederror') {
    throw new ModelFormatError(`unknown objective ${String(objective)}`);
  }
  const baseScore = o['baseScore'];
  if (typeof baseScore !== 'number' || !Number.isFinite(baseScore))
    throw new ModelFormatError('baseScore');
  const names = o['featureNames'];
  const kinds = o['featureKinds'];
  if (!Array.isArray(names) || !names.every((x) => typeof x === 'string'))
    throw new ModelFormatError('featureNames');
  if (
    !Array.isArray(kinds) ||
    kinds.length !== names.length ||
    !kinds.every((k) => k === 'numeric' || k === 'categorical')
  ) {
    throw new ModelFormatError('featureKinds');
  }
  const trees = o['trees'];
  if (!Array.isArray(trees)) throw new ModelFormatError('trees must be an array');
  const params = (
    typeof o['params'] === 'object' && o['params'] !== null ? o['params'] : {}
  ) as Record<string, number | string>;
  return {
    objective,
    baseScore,
    featureNames: names as string[],
    featureKinds: kinds as FeatureKind[],
    trees: trees.map((t, i) => tree(t, i, names.length)),
    params: { ...params },
  };
}
