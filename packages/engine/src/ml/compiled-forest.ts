import type { GbdtModel } from './gbdt-model.js';
import type { RegressionTree } from './regression-tree.js';

/** Adds each tree's output, in order, to `acc` for one row whose feature f is at x[base + f]. */
type ChunkFunction = (
  x: Float64Array,
  base: number,
  acc: number,
  sets: readonly CategorySet[],
) => number;

/** Membership table of a categorical split: a byte per small code, or a Set. */
type CategorySet = Uint8Array | Set<number>;

/** A model compiled to JavaScript: adds the trees' outputs of `rows` rows into `out`. */
export type CompiledForest = (
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
) => void;

/** Trees per generated function: small enough for V8 to optimise each function. */
const TREES_PER_CHUNK = 8;

function literal(x: number): string {
  // Model numbers are checked finite when loaded; String() gives the shortest exact representation.
  if (!Number.isFinite(x)) throw new RangeError(`cannot compile the non-finite number ${x}`);
  return Object.is(x, -0) ? '-0' : String(x);
}

function treeSource(tree: RegressionTree, sets: CategorySet[], indent: string): string {
  const visit = (node: number, pad: string): string => {
    const f = tree.feature[node] as number;
    if (f < 0) return `${pad}acc += ${literal(tree.value[node] as number)};\n`;
    if (!Number.isInteger(f)) throw new RangeError('feature numbers must be integers');
    const v = `v${f}`;
    const set = tree.categories[node];
    const missingLeft = tree.defaultLeft[node] === 1;
    let test: string;
    if (set) {
      let member: string;
      const small = set.every((c) => Number.isInteger(c) && c >= 0 && c < 65536);
      if (set.length === 0) {
        member = 'false';
      } else if (small) {
        // A byte per code: reading a typed array at a NaN, negative, fractional or too large
        // index gives undefined, so anything but a listed code goes right.
        const mask = new Uint8Array((set[set.length - 1] as number) + 1);
        for (const c of set) mask[c] = 1;
        member = `sets[${sets.length}][${v}] === 1`;
        sets.push(mask);
      } else {
        member = `sets[${sets.length}].has(${v})`;
        sets.push(new Set(set));
      }
      test = missingLeft ? `${v} !== ${v} || ${member}` : member;
    } else {
      // NaN fails every comparison: `v <= t` sends it right, `!(v > t)` sends it left.
      const t = literal(tree.threshold[node] as number);
      test = missingLeft ? `!(${v} > ${t})` : `${v} <= ${t}`;
    }
    return (
      `${pad}if (${test}) {\n` +
      visit(tree.left[node] as number, pad + '  ') +
      `${pad}} else {\n` +
      visit(tree.right[node] as number, pad + '  ') +
      `${pad}}\n`
    );
  };
  return visit(0, indent);
}

const compiled = new WeakMap<GbdtModel, CompiledForest>();

/**
 * Compiles a model's trees into JavaScript functions (nested comparisons with the thresholds
 * inlined), several times faster than walking the node arrays. Only numbers from the model, checked
 * finite, and integer feature numbers enter the generated code. Outputs are added tree by tree in
 * the same order as the interpreter, so results are bit-identical.
 */
export function compileForest(model: GbdtModel): CompiledForest {
  const cached = compiled.get(model);
  if (cached) return cached;
  const chunks: ChunkFunction[] = [];
  const chunkSets: CategorySet[][] = [];
  for (let start = 0; start < model.trees.length; start += TREES_PER_CHUNK) {
    const trees = model.trees.slice(start, start + TREES_PER_CHUNK);
    const used = new Set<number>();
    for (const t of trees) for (const f of t.feature) if (f >= 0) used.add(f);
    const sets: CategorySet[] = [];
    let body = '';
    for (const f of [...used].sort((a, b) => a - b)) body += `  const v${f} = x[base + ${f}];\n`;
    for (const t of trees) body += treeSource(t, sets, '  ');
    body += '  return acc;\n';
    chunks.push(new Function('x', 'base', 'acc', 'sets', body) as ChunkFunction);
    chunkSets.push(sets);
  }
  const nf = model.featureNames.length;
  const forest: CompiledForest = (values, rows, rowStride, colStride, out) => {
    // Blocks of rows are copied into one row-major Float64Array, so that the generated functions
    // always see the same array type and layout (and stay optimised), and the block stays in cache.
    const BLOCK = 1024;
    const x = new Float64Array(BLOCK * nf);
    for (let begin = 0; begin < rows; begin += BLOCK) {
      const end = Math.min(rows, begin + BLOCK);
      for (let r = begin; r < end; r++) {
        const to = (r - begin) * nf;
        const from = r * rowStride;
        for (let f = 0; f < nf; f++) x[to + f] = values[from + f * colStride] as number;
      }
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c] as ChunkFunction;
        const sets = chunkSets[c] as CategorySet[];
        for (let r = begin; r < end; r++) {
          out[r] = chunk(x, (r - begin) * nf, out[r] as number, sets);
        }
      }
    }
  };
  compiled.set(model, forest);
  return forest;
}
