import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance·|expected| (absolute when expected is 0). */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error =
    expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Asserts every element of `actual` is within `tolerance` (relative) of `expected`. */
export function expectAllRelative(
  actual: ArrayLike<number>,
  expected: readonly number[],
  tolerance: number,
): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value)) expect(actual[i]).toBeNaN();
    else expectRelative(actual[i] ?? Number.NaN, value, tolerance);
  });
}
