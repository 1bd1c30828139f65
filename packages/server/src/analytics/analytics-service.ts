import type { UnitKind } from '@probity/engine';
import { analysisTables, keyFingerprint, pseudonym, tableExists } from '@probity/engine';
import type { RunRef } from '../api/analytics-common.js';
import { analyticsError } from './analytics-errors.js';
import type { AnalyticsReader } from './analytics-reader.js';
import { toCount, toText } from './json-values.js';
import { ResultCache } from './result-cache.js';

/** The analysis run the dashboards show (the only one kept in the warehouse). */
export interface AnalysisRun {
  readonly runId: string;
  readonly generatedAt: string;
  readonly loadId: string;
  readonly datasetName: string | null;
  readonly declarations: number;
  /** The stored configuration (pseudonym key only as its fingerprint). */
  readonly config: Readonly<Record<string, unknown>>;
}

/** How long the current run id is trusted before it is read again. */
const runTtlMs = 5_000;

/**
 * The dashboards' access to the warehouse: the read-only reader (or none),
 * the pseudonym key, the current analysis run and a cache of answers keyed
 * by run id. One per app.
 */
export class AnalyticsService {
  /** Answers pages are made from (unit index, pairs, histograms, ...): a few per run. */
  private readonly base = new ResultCache(200);
  /** Serialised pages, one per route and query: many, least recently used dropped. */
  private readonly pages: ResultCache;
  private lastRunId: string | null = null;
  /**
   * Most evidence rows held in memory (about 400 bytes each); beyond, every
   * evidence page is read from the warehouse.
   */
  readonly evidenceMemoryCap: number;
  private run: { value: Promise<AnalysisRun>; at: number } | null = null;
  private labels = new Map<string, string>();
  private versions = new Map<string, { value: Promise<string>; at: number }>();
  private labelsRun = '';

  /**
   * @param reader the warehouse opened read-only, or null when there is none
   * @param pseudonymKey the key the analysis used for pseudonyms (config.pseudonymKey)
   */
  constructor(
    readonly reader: AnalyticsReader | null,
    private readonly pseudonymKey: string,
    options: { cacheSize?: number; evidenceMemoryCap?: number } = {},
  ) {
    this.pages = new ResultCache(options.cacheSize ?? 1000);
    this.evidenceMemoryCap = options.evidenceMemoryCap ?? 250_000;
  }

  /** The reader, or `WAREHOUSE_MISSING`. */
  requireReader(): AnalyticsReader {
    if (!this.reader) {
      throw analyticsError(
        'WAREHOUSE_MISSING',
        'No warehouse is configured: load a dataset (`probity load`) and start the server with --db.',
      );
    }
    return this.reader;
  }

  /**
   * The current analysis run; `ANALYSIS_MISSING` when none, and
   * `PSEUDONYM_KEY_MISMATCH` when the analysis used another pseudonym key
   * (its stored explanations would name other pseudonyms than the server).
   */
  currentRun(): Promise<AnalysisRun> {
    const now = Date.now();
    if (!this.run || now - this.run.at > runTtlMs) {
      const value = this.readRun();
      this.run = { value, at: now };
      value.catch(() => {
        if (this.run?.value === value) this.run = null;
      });
    }
    return this.run.value;
  }

  private async readRun(): Promise<AnalysisRun> {
    const reader = this.requireReader();
    if (!(await tableExists(reader.connection, analysisTables.runs))) {
      throw analyticsError(
        'ANALYSIS_MISSING',
        'The warehouse holds no analysis yet: run `probity analyze`.',
      );
    }
    const [row] = await reader.query(
      `SELECT r.run_id, r.generated_at, r.load_id, r.declarations, r.config, l.dataset_name
       FROM ${analysisTables.runs} r LEFT JOIN probity_loads l USING (load_id) LIMIT 1`,
    );
    if (!row) {
      throw analyticsError(
        'ANALYSIS_MISSING',
        'The warehouse holds no analysis yet: run `probity analyze`.',
      );
    }
    const config = JSON.parse(String(row['config'])) as Record<string, unknown>;
    if (config['pseudonymKeyFingerprint'] !== keyFingerprint(this.pseudonymKey)) {
      throw analyticsError(
        'PSEUDONYM_KEY_MISMATCH',
        'The analysis was run with another pseudonym key than the server’s: set the same key, or analyse again.',
      );
    }
    const runId = String(row['run_id']);
    if (this.lastRunId !== null && this.lastRunId !== runId) {
      // Analysed again: the previous run's answers are no use.
      this.base.clear();
      this.pages.clear();
    }
    this.lastRunId = runId;
    return {
      runId,
      generatedAt: String(row['generated_at']),
      loadId: String(row['load_id']),
      datasetName: toText(row['dataset_name']),
      declarations: toCount(row['declarations']),
      config,
    };
  }

  /**
   * The answer `name(params)` for the current run, computed once per run
   * (answers are static until the warehouse is analysed again). For the
   * few large answers pages are cut from; pages go to {@link pageForRun}.
   */
  forRun<T>(
    name: string,
    params: unknown,
    compute: (run: AnalysisRun, reader: AnalyticsReader) => Promise<T>,
  ): Promise<T> {
    return this.cachedForRun(this.base, name, params, compute);
  }

  /** Like {@link forRun}, in the bounded cache of pages (least recently used dropped). */
  pageForRun<T>(
    name: string,
    params: unknown,
    compute: (run: AnalysisRun, reader: AnalyticsReader) => Promise<T>,
  ): Promise<T> {
    return this.cachedForRun(this.pages, name, params, compute);
  }

  private async cachedForRun<T>(
    cache: ResultCache,
    name: string,
    params: unknown,
    compute: (run: AnalysisRun, reader: AnalyticsReader) => Promise<T>,
  ): Promise<T> {
    const run = await this.currentRun();
    const reader = this.requireReader();
    const key = `${run.runId}\u0000${name}\u0000${JSON.stringify(params ?? null)}`;
    return cache.get(key, () => compute(run, reader));
  }

  /**
   * A version string read by `read` (e.g. the latest load id), trusted for a
   * few seconds like the run id, so that busy routes do not query it each time.
   */
  version(name: string, read: () => Promise<string>): Promise<string> {
    const now = Date.now();
    const held = this.versions.get(name);
    if (held && now - held.at <= runTtlMs) return held.value;
    const value = read();
    this.versions.set(name, { value, at: now });
    value.catch(() => {
      if (this.versions.get(name)?.value === value) this.versions.delete(name);
    });
    return value;
  }

  /** A page about the warehouse's data, cached under `version` (e.g. the latest load id). */
  pageForData<T>(
    version: string,
    name: string,
    params: unknown,
    compute: () => Promise<T>,
  ): Promise<T> {
    const key = `data\u0000${version}\u0000${name}\u0000${JSON.stringify(params ?? null)}`;
    return this.pages.get(key, compute);
  }

  /** What a reader sees for a unit: a pseudonym for people and firms, the code for offices. */
  label(run: AnalysisRun, kind: UnitKind, id: string): string {
    if (this.labelsRun !== run.runId) {
      this.labels = new Map();
      this.labelsRun = run.runId;
    }
    const key = `${kind}\u0000${id}`;
    let shown = this.labels.get(key);
    if (shown === undefined) {
      shown = pseudonym(kind, id, this.pseudonymKey);
      this.labels.set(key, shown);
    }
    return shown;
  }

  /** The pseudonym of a person or firm (the code for offices), outside any run. */
  pseudonymOf(kind: UnitKind, id: string): string {
    return pseudonym(kind, id, this.pseudonymKey);
  }

  /** Drops every cached answer (tests; after reopening the warehouse). */
  clearCache(): void {
    this.base.clear();
    this.pages.clear();
    this.run = null;
    this.versions.clear();
  }
}

/** The run as referenced in answers. */
export function runRef(run: AnalysisRun): RunRef {
  return { runId: run.runId, generatedAt: run.generatedAt };
}
