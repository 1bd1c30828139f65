import { access } from 'node:fs/promises';

/** Stops with a clear message when the warehouse file does not exist yet. */
export async function existingWarehouse(file: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw Object.assign(
      new Error(`${file}: no warehouse here yet; load a dataset first (\`probity load DATASET\`)`),
      { code: 'PROBITY_WAREHOUSE_EMPTY' },
    );
  }
}
