/** A deterministic pseudo-random generator: `next()` returns a float in [0, 1). */
export interface SeededRandom {
  next(): number;
  /** An integer in [0, n). */
  nextInt(n: number): number;
}

/** A seeded PRNG (mulberry32 on a splitmix-scrambled seed); identical sequences for identical seeds. */
export function seededRandom(seed: number): SeededRandom {
  // splitmix32 step so that small consecutive seeds give unrelated streams.
  let state = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, nextInt: (n: number) => Math.floor(next() * n) };
}

/** Fisher–Yates shuffle of `values` in place with the given generator; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  values: T,
  random: SeededRandom,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const tmp = values[i] as number;
    values[i] = values[j] as number;
    values[j] = tmp;
  }
  return values;
}
