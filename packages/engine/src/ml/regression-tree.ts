/** One regression tree in flat arrays; node 0 is the root, a leaf has feature −1. */
export interface RegressionTree {
  /** Feature tested at each node, −1 for a leaf. */
  readonly feature: Int32Array;
  /** Numeric split: a value ≤ threshold goes left. */
  readonly threshold: Float64Array;
  /** 1 when a missing value goes left. */
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaf output (learning rate applied); for inner nodes, the output the node would have as a leaf. */
  readonly value: Float64Array;
  /** Loss reduction of each split (0 at leaves). */
  readonly gain: Float64Array;
  /** Sum of hessians (training weight) reaching each node. */
  readonly cover: Float64Array;
  /** Categorical split: sorted category codes that go left (anything else goes right); null otherwise. */
  readonly categories: readonly (Float64Array | null)[];
}

/** True when a value of `categories` (sorted ascending) contains `code`. */
export function inCategorySet(categories: Float64Array, code: number): boolean {
  let lo = 0;
  let hi = categories.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = categories[mid] as number;
    if (c === code) return true;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The child a value goes to at an inner node. */
export function nextNode(tree: RegressionTree, node: number, value: number): number {
  let goLeft: boolean;
  if (Number.isNaN(value)) goLeft = tree.defaultLeft[node] === 1;
  else {
    const set = tree.categories[node];
    goLeft = set ? inCategorySet(set, value) : value <= (tree.threshold[node] as number);
  }
  return goLeft ? (tree.left[node] as number) : (tree.right[node] as number);
}

/** The leaf a row reaches; `valueOf(f)` returns the row's value of feature f. */
export function leafOf(tree: RegressionTree, valueOf: (feature: number) => number): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    node = nextNode(tree, node, valueOf(tree.feature[node] as number));
  }
  return node;
}

/** Depth of the deepest leaf (a single leaf has depth 0). */
export function treeDepth(tree: RegressionTree): number {
  const depthOf = (node: number): number =>
    (tree.feature[node] as number) < 0
      ? 0
      : 1 + Math.max(depthOf(tree.left[node] as number), depthOf(tree.right[node] as number));
  return depthOf(0);
}
