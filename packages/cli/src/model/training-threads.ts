import { availableParallelism } from 'node:os';

/**
 * Training threads by default: two when the machine has two cores or more. Two threads grow the
 * same trees as one (tested bit for bit), 1.2–1.5× faster on the KCS data.
 */
export function defaultTrainingThreads(): number {
  return Math.min(2, availableParallelism());
}
