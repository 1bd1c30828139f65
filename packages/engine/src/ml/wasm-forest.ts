import { binForest, binRows, type BinnedForest } from './binned-forest.js';
import type { GbdtModel } from './gbdt-model.js';
import type { RegressionTree } from './regression-tree.js';
import {
  assembleModule,
  FunctionBody,
  I32,
  Simd,
  V128,
  wasm,
  type WasmMemory,
} from './wasm-assembler.js';

/**
 * A model prepared for the SIMD scorer. Instead of walking each row down a tree (a chain of
 * dependent loads per level), every inner node is evaluated for a block of 512 rows at once, 16
 * rows per WebAssembly SIMD instruction, children before parents: a node's output is, per row, the
 * number of the leaf the row reaches from that node, chosen byte by byte between its two
 * children's outputs by the node's test (`v128.bitselect`). The root's output is each row's leaf.
 * The work is about six vector instructions per inner node per 16 rows, with no branch and no
 * dependent load, against about ten scalar instructions per row and level for a walk.
 *
 * Tests run on the bins of `binForest` (bin 0 missing, then one per interval between the
 * thresholds the trees use, or one per named category code plus one for any other code), one
 * byte per row: a numeric node goes right when bin > k + 1 (its threshold is the k-th cut); when
 * missing values go right it reads a copy of the bins minus one (bin 0 wraps to 255) and tests
 * bin − 1 > k. Numeric bins are stored with their top bit flipped, so that one signed comparison
 * (`i8x16.gt_s`, one x64 instruction; an unsigned one takes two, measured 10 % slower overall)
 * tests them. A categorical node looks its bins up in a 16-byte bit table (up to 128 bins: byte
 * bin & 15, bit bin >> 4) or in chunks of 16 bytes of 0/255, with `i8x16.swizzle`. Leaf outputs
 * are added in tree order into float64 sums, as the other scorers do, so the scores are bit for bit
 * the same.
 */
export interface WasmForest {
  readonly binned: BinnedForest;
  readonly memory: WasmMemory;
  readonly run: (first: number, end: number) => void;
  /** Byte offset of the tree records in memory. */
  readonly treeRecords: number;
  /**
   * Per column: for a categorical column whose named codes are whole numbers 0 … 65535, the bin
   * of every code up to the largest named one (unnamed codes: the last bin); otherwise null.
   */
  readonly codeBins: readonly (Uint8Array | null)[];
  /**
   * Per column: for a numeric column whose cuts are all whole or half numbers (counts, hours,
   * codes: the feature takes whole values), the bin of every whole number from `lo` to
   * lo + bins.length − 1, which covers every cut; otherwise null.
   */
  readonly wholeBins: readonly ({ readonly lo: number; readonly bins: Uint8Array } | null)[];
}

/**
 * Rows scored together (32 vectors of 16 rows): 256 rows measured 10–15 % slower, 1,024 no faster
 * (the trees ran faster, the binning slower).
 */
const BLOCK = 512;
const VECTORS = BLOCK / 16;
const ACC = 0;
const MASK = BLOCK * 8;
const COLUMNS = MASK + BLOCK;
/** Node record: kind, column, threshold, left, right, output, table, table end (int32 each). */
const NODE_BYTES = 32;
/** Tree record: first node, end of nodes, root output (−1 for a tree that is one leaf), leaves. */
const TREE_BYTES = 16;
/** Node kind: test × 4 + which children are leaves. */
const LEFT_LEAF = 1;
const RIGHT_LEAF = 2;
/** Tests: bins against a threshold; a categorical bit table (≤ 128 bins); chunked tables. */
const THRESHOLD = 0;
const BIT_TABLE = 1;
const CHUNKED = 2;
const KINDS = 12;
/** Beyond this much memory the layout is not worth it; the caller uses another scorer. */
const MAX_BYTES = 1 << 30;

let compiled: object | null = null;

/** The kernel: `run(first, end)` adds the trees of records first … end − 1 into the block's sums. */
function kernel(api: NonNullable<typeof wasm>): object {
  if (compiled) return compiled;
  const f = new FunctionBody([I32, I32]);
  const [tp, tpEnd] = [0, 1];
  const np = f.local(I32);
  const nEnd = f.local(I32);
  const kind = f.local(I32);
  const col = f.local(I32);
  const lref = f.local(I32);
  const rref = f.local(I32);
  const outp = f.local(I32);
  const tab = f.local(I32);
  const tabEnd = f.local(I32);
  const shift = f.local(I32);
  const root = f.local(I32);
  const leafBase = f.local(I32);
  const accp = f.local(I32);
  const rp = f.local(I32);
  const thrV = f.local(V128);
  const lv = f.local(V128);
  const rv = f.local(V128);
  const dv = f.local(V128);
  const tj = f.local(V128);
  const sj = f.local(V128);
  const zero = f.local(V128);

  /** Output of the current node for the 16 vectors: per row, its right or its left child's. */
  const select = (kindCode: number): void => {
    const mask = kindCode >> 2;
    for (let v = 0; v < VECTORS; v++) {
      f.get(outp);
      const right = (): void => {
        if (kindCode & RIGHT_LEAF) f.get(rv);
        else f.get(rref).v128Load(16 * v);
      };
      const left = (): void => {
        if (kindCode & LEFT_LEAF) f.get(lv);
        else f.get(lref).v128Load(16 * v);
      };
      const bothLeaves = (kindCode & 3) === (LEFT_LEAF | RIGHT_LEAF);
      // Two leaves: left ^ (right-mask & (left ^ right)), one instruction less than bitselect.
      if (bothLeaves) f.get(mask === BIT_TABLE ? rv : lv);
      else if (mask === BIT_TABLE) {
        left();
        right();
      } else {
        right();
        left();
      }
      if (mask === BIT_TABLE) {
        // Bit (bin >> 4) of table byte (bin & 15) set: right. The mask marks rows going left.
        f.get(tj)
          .get(col)
          .v128Load(16 * v)
          .simd(Simd.swizzle);
        f.get(col)
          .v128Load(BLOCK + 16 * v)
          .simd(Simd.and);
        f.get(zero).simd(Simd.i8x16Eq);
      } else if (mask === CHUNKED) f.i32(0).v128Load(MASK + 16 * v);
      else
        f.get(col)
          .v128Load(16 * v)
          .get(thrV)
          .simd(Simd.i8x16GtS);
      if (bothLeaves) f.get(dv).simd(Simd.and).simd(Simd.xor);
      else f.simd(Simd.bitselect);
      f.v128Store(16 * v);
    }
  };
  /** Chunked mask: table chunk j answers bins 16j … 16j + 15 (swizzle gives 0 elsewhere). */
  const chunkedMask = (): void => {
    f.get(tab).v128Load().set(tj);
    for (let v = 0; v < VECTORS; v++) {
      f.i32(0)
        .get(tj)
        .get(col)
        .v128Load(16 * v)
        .simd(Simd.swizzle)
        .v128Store(MASK + 16 * v);
    }
    f.i32(16).set(shift);
    f.block().loop();
    f.get(tab).i32(16).i32Add().set(tab);
    f.get(tab).get(tabEnd).i32Eq().brIf(1);
    f.get(tab).v128Load().set(tj);
    f.get(shift).simd(Simd.i8x16Splat).set(sj);
    for (let v = 0; v < VECTORS; v++) {
      f.i32(0);
      f.i32(0).v128Load(MASK + 16 * v);
      f.get(tj)
        .get(col)
        .v128Load(16 * v)
        .get(sj)
        .simd(Simd.i8x16Sub)
        .simd(Simd.swizzle);
      f.simd(Simd.or).v128Store(MASK + 16 * v);
    }
    f.get(shift).i32(16).i32Add().set(shift);
    f.br(0).end().end();
  };

  f.block().loop(); // trees
  f.get(tp).get(tpEnd).i32Eq().brIf(1);
  f.get(tp).i32Load(0).set(np);
  f.get(tp).i32Load(4).set(nEnd);
  f.block().loop(); // nodes
  f.get(np).get(nEnd).i32Eq().brIf(1);
  f.get(np).i32Load(0).set(kind);
  f.get(np).i32Load(4).set(col);
  f.get(np).i32Load(12).set(lref);
  f.get(np).i32Load(16).set(rref);
  f.get(np).i32Load(20).set(outp);
  f.get(np).i32Load(24).set(tab);
  f.get(np).i32Load(28).set(tabEnd);
  // Dispatch on the kind: blocks done, k(KINDS − 1) … k0; code for kind k follows the end of
  // block k.
  f.block();
  for (let k = 0; k < KINDS; k++) f.block();
  f.get(kind).brTable(
    Array.from({ length: KINDS }, (_, k) => k),
    KINDS - 1,
  );
  for (let k = 0; k < KINDS; k++) {
    f.end();
    // Each kind prepares only the vectors its code reads.
    if (k >> 2 === THRESHOLD) f.get(np).i32Load(8).simd(Simd.i8x16Splat).set(thrV);
    if (k & LEFT_LEAF) f.get(lref).simd(Simd.i8x16Splat).set(lv);
    if (k & RIGHT_LEAF) f.get(rref).simd(Simd.i8x16Splat).set(rv);
    if ((k & 3) === (LEFT_LEAF | RIGHT_LEAF)) f.get(lv).get(rv).simd(Simd.xor).set(dv);
    if (k >> 2 === BIT_TABLE) f.get(tab).v128Load().set(tj);
    if (k >> 2 === CHUNKED) chunkedMask();
    select(k);
    if (k < KINDS - 1) f.br(KINDS - 1 - k);
  }
  f.end();
  f.get(np).i32(NODE_BYTES).i32Add().set(np);
  f.br(0).end().end();
  // Leaf outputs into the sums, in tree order.
  f.get(tp).i32Load(8).set(root);
  f.get(tp).i32Load(12).set(leafBase);
  f.i32(ACC).set(accp);
  f.block();
  f.get(root).i32(0).i32LtS().brIf(0);
  f.get(root).set(rp);
  f.loop();
  for (let u = 0; u < 8; u++) {
    f.get(accp);
    f.get(accp).f64Load(8 * u);
    f.get(leafBase).get(rp).i32Load8U(u).i32(3).i32Shl().i32Add().f64Load();
    f.f64Add().f64Store(8 * u);
  }
  f.get(accp).i32(64).i32Add().set(accp);
  f.get(rp).i32(8).i32Add().set(rp);
  f.get(accp)
    .i32(ACC + BLOCK * 8)
    .i32Eq()
    .brIf(1);
  f.br(0).end();
  f.end();
  // A tree that is one leaf: its value for every row.
  f.block().loop();
  f.get(accp)
    .i32(ACC + BLOCK * 8)
    .i32Eq()
    .brIf(1);
  f.get(accp).get(accp).f64Load().get(leafBase).f64Load().f64Add().f64Store();
  f.get(accp).i32(8).i32Add().set(accp);
  f.br(0).end().end();
  f.get(tp).i32(TREE_BYTES).i32Add().set(tp);
  f.br(0).end().end();
  compiled = new api.Module(assembleModule([{ name: 'run', params: [I32, I32], body: f }]));
  return compiled;
}

const cache = new WeakMap<GbdtModel, WasmForest | null>();

/**
 * Prepares a model for `scoreWasmForest`, or returns null when it does not fit: a model
 * `binForest` declines, a column with more than 254 cuts or codes (its bins would not fit a byte),
 * or a tree with more than 256 leaves.
 */
export function wasmForest(model: GbdtModel): WasmForest | null {
  if (cache.has(model)) return cache.get(model) ?? null;
  let forest: WasmForest | null = null;
  if (wasm) forest = build(model, wasm);
  cache.set(model, forest);
  return forest;
}

interface NodeRecord {
  kind: number;
  column: number;
  threshold: number;
  left: number;
  right: number;
  output: number;
  table: number[] | null;
}

function build(model: GbdtModel, api: NonNullable<typeof wasm>): WasmForest | null {
  const binned = binForest(model);
  if (!binned) return null;
  const { columns, sorted, named } = binned;
  const ncols = columns.length;
  for (let c = 0; c < ncols; c++) if ((named[c] as number) > 254) return null;
  const columnOf = new Map<number, number>();
  columns.forEach((feature, c) => columnOf.set(feature, c));
  const slots = COLUMNS + 3 * Math.max(1, ncols) * BLOCK;

  // Per tree, inner nodes children first; each writes its own slot of BLOCK bytes.
  let widestTree = 0;
  const trees: { nodes: NodeRecord[]; root: number; leaves: number[] }[] = [];
  for (const tree of model.trees as readonly RegressionTree[]) {
    const nodes: NodeRecord[] = [];
    const leaves: number[] = [];
    let fits = true;
    // Returns the leaf number (a leaf) or −1 − slot (an inner node).
    const visit = (node: number): number => {
      const feature = tree.feature[node] as number;
      if (feature < 0) {
        leaves.push(tree.value[node] as number);
        if (leaves.length > 256) fits = false;
        return leaves.length - 1;
      }
      const left = visit(tree.left[node] as number);
      const right = visit(tree.right[node] as number);
      const c = columnOf.get(feature) as number;
      const missingLeft = tree.defaultLeft[node] === 1;
      const set = tree.categories[node];
      const record: NodeRecord = {
        kind: (left >= 0 ? LEFT_LEAF : 0) | (right >= 0 ? RIGHT_LEAF : 0),
        column: COLUMNS + 3 * c * BLOCK,
        threshold: 0,
        left,
        right,
        output: nodes.length,
        table: null,
      };
      if (set) {
        const codes = (sorted[c] as Float64Array).subarray(0, named[c]);
        const bins = (named[c] as number) + 2;
        const right = new Array<boolean>(bins).fill(true);
        right[0] = !missingLeft;
        for (const code of set) {
          const b = codes.indexOf(code);
          if (b >= 0) right[b + 1] = false;
        }
        if (bins <= 128) {
          // Byte (bin & 15), bit (bin >> 4): set when the bin goes right.
          const table = new Array<number>(16).fill(0);
          right.forEach((r, b) => {
            if (r) table[b & 15] = (table[b & 15] as number) | (1 << (b >> 4));
          });
          record.kind |= BIT_TABLE << 2;
          record.column += BLOCK;
          record.table = table;
        } else {
          const table = new Array<number>(Math.ceil(bins / 16) * 16).fill(255);
          right.forEach((r, b) => {
            table[b] = r ? 255 : 0;
          });
          record.kind |= CHUNKED << 2;
          record.table = table;
        }
      } else {
        const k = (sorted[c] as Float64Array).indexOf(tree.threshold[node] as number);
        record.kind |= THRESHOLD << 2;
        if (missingLeft) record.threshold = (k + 1) ^ 128;
        else {
          record.column += BLOCK;
          record.threshold = k ^ 128;
        }
      }
      nodes.push(record);
      return -1 - record.output;
    };
    const root = visit(0);
    if (!fits) return null;
    widestTree = Math.max(widestTree, nodes.length);
    trees.push({ nodes, root, leaves });
  }

  // Layout: sums, mask, bins, node slots, tables, node records, tree records, leaf outputs.
  const tablesAt = slots + widestTree * BLOCK;
  const tableIndex = new Map<string, number>();
  const tableChunks: number[][] = [];
  let tableBytes = 0;
  let nodeCount = 0;
  let leafCount = 0;
  for (const t of trees) {
    nodeCount += t.nodes.length;
    leafCount += t.leaves.length;
    for (const n of t.nodes) {
      if (!n.table) continue;
      const key = n.table.join(',');
      if (!tableIndex.has(key)) {
        tableIndex.set(key, tablesAt + tableBytes);
        tableChunks.push(n.table);
        tableBytes += n.table.length;
      }
    }
  }
  const nodesAt = tablesAt + tableBytes;
  const treesAt = nodesAt + nodeCount * NODE_BYTES;
  const leavesAt = treesAt + trees.length * TREE_BYTES;
  const total = leavesAt + leafCount * 8;
  if (total > MAX_BYTES) return null;
  const memory = new api.Memory({ initial: Math.ceil(total / 65536) });
  const bytes = new Uint8Array(memory.buffer);
  const words = new Int32Array(memory.buffer);
  const doubles = new Float64Array(memory.buffer);
  let at = tablesAt;
  for (const chunk of tableChunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  let node = nodesAt;
  let leaf = leavesAt;
  trees.forEach((t, i) => {
    const slotOf = (ref: number): number => slots + (-1 - ref) * BLOCK;
    const first = node;
    for (const n of t.nodes) {
      const w = node >> 2;
      words[w] = n.kind;
      words[w + 1] = n.column;
      words[w + 2] = n.threshold;
      words[w + 3] = n.left >= 0 ? n.left : slotOf(n.left);
      words[w + 4] = n.right >= 0 ? n.right : slotOf(n.right);
      words[w + 5] = slots + n.output * BLOCK;
      if (n.table) {
        const from = tableIndex.get(n.table.join(',')) as number;
        words[w + 6] = from;
        words[w + 7] = from + n.table.length;
      }
      node += NODE_BYTES;
    }
    const r = (treesAt >> 2) + i * (TREE_BYTES >> 2);
    words[r] = first;
    words[r + 1] = node;
    words[r + 2] = t.root >= 0 ? -1 : slotOf(t.root);
    words[r + 3] = leaf;
    doubles.set(t.leaves, leaf >> 3);
    leaf += t.leaves.length * 8;
  });
  const codeBins = Array.from(columns, (_, c) => {
    if (binned.categorical[c] !== 1) return null;
    const codes = (sorted[c] as Float64Array).subarray(0, named[c]);
    let largest = -1;
    for (const code of codes) {
      if (!Number.isInteger(code) || code < 0 || code > 65535) return null;
      largest = Math.max(largest, code);
    }
    const table = new Uint8Array(largest + 1).fill((named[c] as number) + 1);
    codes.forEach((code, rank) => {
      table[code] = rank + 1;
    });
    return table;
  });
  const wholeBins = Array.from(columns, (_, c) => {
    if (binned.categorical[c] !== 0) return null;
    const cuts = (sorted[c] as Float64Array).subarray(0, named[c]);
    if (cuts.length === 0 || !cuts.every((x) => Number.isInteger(2 * x))) return null;
    const lo = Math.floor(cuts[0] as number);
    const hi = Math.ceil(cuts[cuts.length - 1] as number);
    if (hi - lo + 1 > 65536 || lo < -(2 ** 30) || hi > 2 ** 30) return null;
    const bins = new Uint8Array(hi - lo + 1);
    let below = 0;
    for (let i = lo; i <= hi; i++) {
      while (below < cuts.length && (cuts[below] as number) < i) below++;
      bins[i - lo] = below + 1;
    }
    return { lo, bins };
  });
  const instance = new api.Instance(kernel(api), { env: { memory } });
  const run = instance.exports['run'] as (first: number, end: number) => void;
  return {
    binned,
    memory,
    run,
    treeRecords: treesAt,
    codeBins,
    wholeBins,
  };
}

/**
 * Bins of a numeric column for `count` rows (the value of row r at from + r × stride), as
 * `binForest` defines them, at `plain`, and the bins minus one (bin 0 wrapping to 255) a block
 * further, both with the top bit flipped (bin ^ 128) for the signed comparison. A binary search without branches over the sorted cuts (padded with +Infinity to a power
 * of two): bin = 1 + the number of cuts below the value; NaN goes to bin 0.
 */
function binNumbers(
  sorted: Float64Array,
  values: Float64Array | Float32Array,
  from: number,
  stride: number,
  count: number,
  bytes: Uint8Array,
  plain: number,
): void {
  const padded = sorted.length;
  const minusOne = plain + BLOCK;
  // Four rows at a time: each search is a chain of dependent loads, four chains overlap.
  const whole = count & ~3;
  for (let r = 0; r < whole; r += 4) {
    const at = from + r * stride;
    const v0 = values[at] as number;
    const v1 = values[at + stride] as number;
    const v2 = values[at + 2 * stride] as number;
    const v3 = values[at + 3 * stride] as number;
    let lo0 = 0;
    let lo1 = 0;
    let lo2 = 0;
    let lo3 = 0;
    for (let step = padded >> 1; step > 0; step >>= 1) {
      lo0 += step & -Number((sorted[lo0 + step - 1] as number) < v0);
      lo1 += step & -Number((sorted[lo1 + step - 1] as number) < v1);
      lo2 += step & -Number((sorted[lo2 + step - 1] as number) < v2);
      lo3 += step & -Number((sorted[lo3 + step - 1] as number) < v3);
    }
    const b0 = (lo0 + 1 + Number((sorted[lo0] as number) < v0)) & -Number(v0 === v0);
    const b1 = (lo1 + 1 + Number((sorted[lo1] as number) < v1)) & -Number(v1 === v1);
    const b2 = (lo2 + 1 + Number((sorted[lo2] as number) < v2)) & -Number(v2 === v2);
    const b3 = (lo3 + 1 + Number((sorted[lo3] as number) < v3)) & -Number(v3 === v3);
    bytes[plain + r] = b0 ^ 128;
    bytes[plain + r + 1] = b1 ^ 128;
    bytes[plain + r + 2] = b2 ^ 128;
    bytes[plain + r + 3] = b3 ^ 128;
    bytes[minusOne + r] = (b0 - 1) ^ 128;
    bytes[minusOne + r + 1] = (b1 - 1) ^ 128;
    bytes[minusOne + r + 2] = (b2 - 1) ^ 128;
    bytes[minusOne + r + 3] = (b3 - 1) ^ 128;
  }
  for (let r = whole; r < count; r++) {
    const bin = searchBin(sorted, values[from + r * stride] as number);
    bytes[plain + r] = bin ^ 128;
    bytes[minusOne + r] = (bin - 1) ^ 128;
  }
}

/**
 * One value's bin: 1 + the number of cuts below it, by a binary search without branches over the
 * sorted cuts (padded with +Infinity to a power of two); 0 for NaN.
 */
function searchBin(sorted: Float64Array, v: number): number {
  let lo = 0;
  for (let step = sorted.length >> 1; step > 0; step >>= 1) {
    lo += step & -Number((sorted[lo + step - 1] as number) < v);
  }
  return (lo + 1 + Number((sorted[lo] as number) < v)) & -Number(v === v);
}

/**
 * `binNumbers` for a column of whole values: a whole number's bin is read from `bins` (below `lo`:
 * bin 1; beyond the table: the last bin); any other value (a fraction, NaN) is searched for.
 */
function binWholeNumbers(
  whole: { readonly lo: number; readonly bins: Uint8Array },
  sorted: Float64Array,
  named: number,
  values: Float64Array | Float32Array,
  from: number,
  stride: number,
  count: number,
  bytes: Uint8Array,
  plain: number,
): void {
  const { lo, bins } = whole;
  const size = bins.length;
  const minusOne = plain + BLOCK;
  for (let r = 0; r < count; r++) {
    const v = values[from + r * stride] as number;
    const i = v | 0;
    let bin: number;
    if (i === v) {
      const k = i - lo;
      bin = k < 0 ? 1 : k >= size ? named + 1 : (bins[k] as number);
    } else bin = searchBin(sorted, v);
    bytes[plain + r] = bin ^ 128;
    bytes[minusOne + r] = (bin - 1) ^ 128;
  }
}

/**
 * Bins of a categorical column whose named codes are small whole numbers: `codes[code]` (0 for a
 * code the trees never name: the last bin, `other`); NaN is bin 0, any other number `other`. At
 * `plain`, then a block further bin & 15 and another block further 1 << (bin >> 4), as the bit
 * tables read them.
 */
function binCodes(
  codes: Uint8Array,
  other: number,
  values: Float64Array | Float32Array,
  from: number,
  stride: number,
  count: number,
  bytes: Uint8Array,
  plain: number,
): void {
  const low = plain + BLOCK;
  const high = low + BLOCK;
  const size = codes.length;
  for (let r = 0; r < count; r++) {
    const v = values[from + r * stride] as number;
    const code = v | 0;
    let bin: number;
    if (code === v && code >= 0 && code < size) bin = codes[code] as number;
    else bin = v === v ? other : 0;
    bytes[plain + r] = bin;
    bytes[low + r] = bin & 15;
    bytes[high + r] = 1 << (bin >> 4);
  }
}

/**
 * Adds the trees' outputs of `rows` rows (cell (r, f) at r × rowStride + f × colStride) to the
 * base score, into `out`. Trees are added in order, so results equal the node-by-node walk's.
 */
export function scoreWasmForest(
  forest: WasmForest,
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
): void {
  const { binned, memory, run, treeRecords } = forest;
  const { trees, baseScore } = binned;
  const ncols = binned.columns.length;
  const bytes = new Uint8Array(memory.buffer);
  const sums = new Float64Array(memory.buffer, ACC, BLOCK);
  const { codeBins, wholeBins } = forest;
  const searched = new Uint16Array(BLOCK);
  const treesEnd = treeRecords + trees * TREE_BYTES;
  for (let begin = 0; begin < rows; begin += BLOCK) {
    const count = Math.min(BLOCK, rows - begin);
    for (let c = 0; c < ncols; c++) {
      const from = begin * rowStride + (binned.columns[c] as number) * colStride;
      const plain = COLUMNS + 3 * c * BLOCK;
      const codes = codeBins[c];
      const whole = wholeBins[c];
      if (whole) {
        const sorted = binned.sorted[c] as Float64Array;
        const named = binned.named[c] as number;
        binWholeNumbers(whole, sorted, named, values, from, rowStride, count, bytes, plain);
      } else if (binned.categorical[c] === 0) {
        binNumbers(binned.sorted[c] as Float64Array, values, from, rowStride, count, bytes, plain);
      } else if (codes) {
        binCodes(
          codes,
          (binned.named[c] as number) + 1,
          values,
          from,
          rowStride,
          count,
          bytes,
          plain,
        );
      } else {
        // Codes that are not small whole numbers: the binary search of the binned trees.
        binRows(binned, c, values, begin, count, rowStride, colStride, searched, 0);
        for (let r = 0; r < count; r++) {
          const bin = searched[r] as number;
          bytes[plain + r] = bin;
          bytes[plain + BLOCK + r] = bin & 15;
          bytes[plain + 2 * BLOCK + r] = 1 << (bin >> 4);
        }
      }
    }
    sums.fill(baseScore);
    run(treeRecords, treesEnd);
    out.set(sums.subarray(0, count), begin);
  }
}
