/**
 * Reads the analysis JSON document (`analysisJson`) defensively: the report
 * must render whatever sections are present, and a missing or malformed
 * field becomes an empty value, never an exception.
 */

/** One indicator result of a unit. */
export interface ReportFlag {
  readonly indicator: string;
  readonly status: string;
  readonly observed: number | null;
  readonly expected: number | null;
  readonly n: number | null;
  readonly q: number | null;
  readonly explanation: string;
  readonly explanationFr: string;
}

/** A ranked unit. */
export interface ReportUnit {
  readonly kind: string;
  readonly id: string;
  readonly office: string;
  readonly volume: number | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly status: string;
  readonly flags: readonly ReportFlag[];
}

/** An officer–declarant pair. */
export interface ReportPair {
  readonly officer: string;
  readonly declarant: string;
  readonly office: string;
  readonly observed: number | null;
  readonly expected: number | null;
  readonly lift: number | null;
  readonly manual: number | null;
  readonly periods: number | null;
  readonly q: number | null;
}

/** A funnel plot of one indicator across one kind of unit. */
export interface ReportFunnel {
  readonly indicator: string;
  readonly kind: string;
  readonly scale: 'ratio' | 'difference';
  readonly target: number;
  readonly phi: number | null;
  readonly overdispersed: boolean;
  readonly points: readonly { unit: string; x: number; y: number; q: number | null }[];
  readonly limits: readonly {
    x: number;
    lower95: number | null;
    upper95: number | null;
    lower998: number | null;
    upper998: number | null;
  }[];
}

/** Everything the report shows, read from the document. */
export interface ReportData {
  readonly datasetName: string | null;
  readonly declarations: number | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly generatedAt: string | null;
  readonly runId: string | null;
  readonly idsRevealed: boolean;
  readonly config: Readonly<Record<string, unknown>>;
  readonly fdrLevel: number;
  readonly watchLevel: number;
  readonly minVolume: number;
  readonly peerPeriod: string | null;
  readonly indicatorsRun: readonly string[];
  readonly indicatorsSkipped: readonly { id: string; reason: string }[];
  readonly units: readonly ReportUnit[];
  readonly pairs: readonly ReportPair[];
  readonly pairsObserved: number | null;
  readonly funnels: readonly ReportFunnel[];
  readonly releaseTimes: unknown;
  readonly performance: unknown;
  readonly mirror: unknown;
  /** Top-level keys the report does not know, shown generically. */
  readonly otherSections: Readonly<Record<string, unknown>>;
}

/** Keys of the document that the report renders in their own section. */
const knownKeys = new Set([
  'dataset',
  'generated_at',
  'run_id',
  'ids',
  'config',
  'indicators_run',
  'indicators_skipped',
  'units',
  'pairs',
  'pairs_observed',
  'funnels',
  'release_times',
  'performance',
  'mirror',
]);

/** A plain object, or undefined. */
export function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : undefined;
}

/** An array, or empty. */
export function asArray(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? x : [];
}

/** A finite number, or null. */
export function asNumber(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** A string (numbers converted), or the fallback. */
export function asString(x: unknown, fallback = ''): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return fallback;
}

const firstString = (r: Record<string, unknown> | undefined, keys: readonly string[]) => {
  for (const k of keys) {
    const v = r?.[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
};

function readFlag(x: unknown): ReportFlag | undefined {
  const r = asRecord(x);
  if (!r) return undefined;
  return {
    indicator: asString(r['indicator']),
    status: asString(r['status']),
    observed: asNumber(r['observed']),
    expected: asNumber(r['expected']),
    n: asNumber(r['n']),
    q: asNumber(r['q']),
    explanation: asString(r['explanation']),
    explanationFr: asString(r['explanation_fr'], asString(r['explanation'])),
  };
}

function readUnit(x: unknown): ReportUnit | undefined {
  const r = asRecord(x);
  if (!r) return undefined;
  return {
    kind: asString(r['kind']),
    id: asString(r['id']),
    office: asString(r['office']),
    volume: asNumber(r['volume']),
    score: asNumber(r['score']),
    rank: asNumber(r['rank']),
    status: asString(r['status']),
    flags: asArray(r['flags'])
      .map(readFlag)
      .filter((f): f is ReportFlag => f !== undefined),
  };
}

function readPair(x: unknown): ReportPair | undefined {
  const r = asRecord(x);
  if (!r) return undefined;
  return {
    officer: asString(r['officer']),
    declarant: asString(r['declarant']),
    office: asString(r['office']),
    observed: asNumber(r['observed']),
    expected: asNumber(r['expected']),
    lift: asNumber(r['lift']),
    manual: asNumber(r['manual']),
    periods: asNumber(r['periods']),
    q: asNumber(r['q']),
  };
}

function readFunnel(x: unknown): ReportFunnel | undefined {
  const r = asRecord(x);
  if (!r) return undefined;
  const points = asArray(r['points']).flatMap((p) => {
    const pr = asRecord(p);
    const px = asNumber(pr?.['x']);
    const py = asNumber(pr?.['y']);
    return pr && px !== null && py !== null
      ? [{ unit: asString(pr['unit']), x: px, y: py, q: asNumber(pr['q']) }]
      : [];
  });
  const limits = asArray(r['limits']).flatMap((l) => {
    const lr = asRecord(l);
    const lx = asNumber(lr?.['x']);
    return lr && lx !== null
      ? [
          {
            x: lx,
            lower95: asNumber(lr['lower95']),
            upper95: asNumber(lr['upper95']),
            lower998: asNumber(lr['lower998']),
            upper998: asNumber(lr['upper998']),
          },
        ]
      : [];
  });
  const scale = r['scale'] === 'difference' ? 'difference' : 'ratio';
  return {
    indicator: asString(r['indicator']),
    kind: asString(r['kind']),
    scale,
    target: asNumber(r['target']) ?? (scale === 'ratio' ? 1 : 0),
    phi: asNumber(r['phi']),
    overdispersed: r['overdispersed'] === true,
    points,
    limits,
  };
}

/** First and last period labels of a section's rows (e.g. `2025-Q1`), when the dataset does not say. */
function periodsOf(...sections: unknown[]): { from: string | null; to: string | null } {
  const labels = sections
    .flatMap((section) => asArray(asRecord(section)?.['rows']))
    .map((row) => asRecord(row)?.['period'])
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .sort();
  return { from: labels[0] ?? null, to: labels[labels.length - 1] ?? null };
}

/** The report's view of an analysis document. */
export function readReportData(doc: Readonly<Record<string, unknown>>): ReportData {
  const dataset = asRecord(doc['dataset']);
  const config = asRecord(doc['config']) ?? {};
  const otherSections: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!knownKeys.has(key) && value !== null && typeof value === 'object') {
      otherSections[key] = value;
    }
  }
  const periods = periodsOf(doc['performance'], doc['release_times']);
  return {
    datasetName: firstString(dataset, ['name']),
    declarations: asNumber(dataset?.['declarations']),
    periodFrom:
      firstString(dataset, ['from', 'periodStart', 'period_start', 'firstDate', 'first']) ??
      periods.from,
    periodTo:
      firstString(dataset, ['to', 'periodEnd', 'period_end', 'lastDate', 'last']) ?? periods.to,
    generatedAt: typeof doc['generated_at'] === 'string' ? doc['generated_at'] : null,
    runId: typeof doc['run_id'] === 'string' ? doc['run_id'] : null,
    idsRevealed: doc['ids'] === 'revealed',
    config,
    fdrLevel: asNumber(config['fdrLevel']) ?? 0.05,
    watchLevel: asNumber(config['watchLevel']) ?? 0.2,
    minVolume: asNumber(config['minVolume']) ?? 30,
    peerPeriod: typeof config['period'] === 'string' ? config['period'] : null,
    indicatorsRun: asArray(doc['indicators_run']).map((x) => asString(x)),
    indicatorsSkipped: asArray(doc['indicators_skipped']).flatMap((x) => {
      const r = asRecord(x);
      return r ? [{ id: asString(r['id']), reason: asString(r['reason']) }] : [];
    }),
    units: asArray(doc['units'])
      .map(readUnit)
      .filter((u): u is ReportUnit => u !== undefined),
    pairs: asArray(doc['pairs'])
      .map(readPair)
      .filter((p): p is ReportPair => p !== undefined),
    pairsObserved: asNumber(doc['pairs_observed']),
    funnels: asArray(doc['funnels'])
      .map(readFunnel)
      .filter((f): f is ReportFunnel => f !== undefined),
    releaseTimes: doc['release_times'],
    performance: doc['performance'],
    mirror: doc['mirror'],
    otherSections,
  };
}
