import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import type { DatasetInfo } from '../contract/index.js';
import { contractTables, datasetInfoSchema } from '../contract/index.js';
import { EngineError } from '../errors.js';

/** A file of a dataset that holds a contract table. */
export interface TableFile {
  readonly table: string;
  readonly format: 'csv' | 'parquet';
  /** Path on disk (inside the extracted folder for a zip). */
  readonly path: string;
  /** Name as the user knows it (relative to the dataset, or inside the zip). */
  readonly displayName: string;
  readonly bytes: number;
}

/** A dataset ready to load: its files, its `dataset.json`, and a clean-up for temporary copies. */
export interface DatasetSource {
  /** The folder or zip the user named. */
  readonly location: string;
  readonly info: DatasetInfo;
  readonly files: readonly TableFile[];
  /** Files that are not contract tables (listed in the summary, not loaded). */
  readonly ignoredFiles: readonly string[];
  /** Removes temporary files (the extracted zip). */
  cleanup(): Promise<void>;
}

/**
 * Finds the contract tables in a dataset folder or `.zip`, reads its
 * `dataset.json`, and checks that the required table is present. Nothing is
 * written to the warehouse here.
 */
export async function openDatasetSource(location: string): Promise<DatasetSource> {
  const info = await stat(location).catch(() => undefined);
  if (!info) {
    throw new EngineError('PROBITY_DATASET_NOT_FOUND', `${location}: no such folder or file`);
  }
  if (info.isDirectory()) return describeFolder(location, location, async () => {});
  if (location.toLowerCase().endsWith('.zip')) {
    const dir = await mkdtemp(path.join(tmpdir(), 'probity-zip-'));
    try {
      await extractZip(location, dir);
      const root = await singleTopFolder(dir);
      return await describeFolder(location, root, () => rm(dir, { recursive: true, force: true }));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
  throw new EngineError(
    'PROBITY_UNREADABLE_FILE',
    `${location}: a dataset is a folder or a .zip of CSV and/or Parquet files`,
  );
}

/** A zip often holds one folder with the tables; use it as the root when so. */
async function singleTopFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  const visible = entries.filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX');
  const only = visible[0];
  if (visible.length === 1 && only?.isDirectory()) return path.join(dir, only.name);
  return dir;
}

async function describeFolder(
  location: string,
  dir: string,
  cleanup: () => Promise<void>,
): Promise<DatasetSource> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const files: TableFile[] = [];
  const ignoredFiles: string[] = [];
  for (const name of names) {
    const match = /^(.+)\.(csv|parquet)$/i.exec(name);
    const table = match?.[1]?.toLowerCase();
    const ext = match?.[2]?.toLowerCase();
    if (!table || !ext || !contractTables.some((t) => t.name === table)) {
      if (name !== 'dataset.json') ignoredFiles.push(name);
      continue;
    }
    const other = files.find((f) => f.table === table);
    if (other) {
      throw new EngineError(
        'PROBITY_AMBIGUOUS_TABLE',
        `${location}: both ${other.displayName} and ${name} hold table ${table}; keep one`,
      );
    }
    const full = path.join(dir, name);
    files.push({
      table,
      format: ext === 'csv' ? 'csv' : 'parquet',
      path: full,
      displayName: name,
      bytes: (await stat(full)).size,
    });
  }
  for (const table of contractTables.filter((t) => t.required)) {
    if (!files.some((f) => f.table === table.name)) {
      throw new EngineError(
        'PROBITY_MISSING_TABLE',
        `${location}: required table ${table.name} is missing (expected ${table.name}.csv or ${table.name}.parquet)`,
      );
    }
  }
  return {
    location,
    info: await readDatasetInfo(location, dir),
    files,
    ignoredFiles,
    cleanup,
  };
}

async function readDatasetInfo(location: string, dir: string): Promise<DatasetInfo> {
  const text = await readFile(path.join(dir, 'dataset.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EngineError(
      'PROBITY_BAD_DATASET_JSON',
      `${location}/dataset.json: not valid JSON (${(error as Error).message})`,
      { cause: error },
    );
  }
  const parsed = datasetInfoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(top level)';
    throw new EngineError(
      'PROBITY_BAD_DATASET_JSON',
      `${location}/dataset.json: field ${field}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Extracts a zip to a folder, streaming, refusing entries that would escape it. */
async function extractZip(zipPath: string, dir: string): Promise<void> {
  const pending: Promise<void>[] = [];
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    const target = path.resolve(dir, entry.name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) {
      failure = new EngineError(
        'PROBITY_UNREADABLE_FILE',
        `${zipPath}: unsafe entry ${entry.name}`,
      );
      return;
    }
    if (entry.name.endsWith('/')) return;
    pending.push(
      (async () => {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(path.dirname(target), { recursive: true });
      })().then(
        () =>
          new Promise<void>((resolve, reject) => {
            const out = createWriteStream(target);
            out.on('error', reject);
            entry.ondata = (err, chunk, final) => {
              if (err) {
                reject(err);
                return;
              }
              out.write(chunk);
              if (final) out.end(() => resolve());
            };
            entry.start();
          }),
      ),
    );
  });
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  const input = createReadStream(zipPath);
  try {
    for await (const chunk of input) unzip.push(chunk as Uint8Array);
    unzip.push(new Uint8Array(0), true);
    await Promise.all(pending);
  } catch (error) {
    throw new EngineError(
      'PROBITY_UNREADABLE_FILE',
      `${zipPath}: cannot be read as a zip (${(error as Error).message})`,
      { cause: error },
    );
  }
  if (failure) throw failure;
}

/** SHA-256 of a file, streamed. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  stream.on('data', (chunk) => hash.update(chunk));
  await finished(stream);
  return hash.digest('hex');
}
