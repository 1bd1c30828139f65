import { readFile } from 'node:fs/promises';
import { parseAnalysisConfig } from '@probity/engine';

/** Reads and validates the analysis configuration: the JSON file (if any), then overrides. */
export async function readAnalysisConfig(
  file: string | undefined,
  overrides: Record<string, unknown> = {},
): Promise<ReturnType<typeof parseAnalysisConfig>> {
  let fromFile: Record<string, unknown> = {};
  if (file) {
    const text = await readFile(file, 'utf8');
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw Object.assign(new Error(`${file}: not valid JSON (${(error as Error).message})`), {
        code: 'PROBITY_BAD_CONFIG',
      });
    }
  }
  return parseAnalysisConfig({ ...fromFile, ...overrides }, file ?? 'configuration');
}
