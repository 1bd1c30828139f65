import type { ReportLocale } from './report-format.js';

/** Text of a chart in both languages. */
export type Bilingual<T> = Readonly<Record<ReportLocale, T>>;

/** A chart drawn in the page by Observable Plot from embedded data (see `reportClientScript`). */
export type ChartSpec =
  | {
      readonly type: 'funnel';
      readonly scale: 'ratio' | 'difference';
      readonly target: number;
      readonly points: readonly {
        unit: string;
        x: number;
        y: number;
        q: number | null;
        status: string;
      }[];
      readonly limits: readonly Readonly<Record<string, number | null>>[];
      readonly labels: Bilingual<{ x: string; y: string; aria: string }>;
    }
  | {
      readonly type: 'status';
      readonly rows: readonly { kind: string; status: string; count: number }[];
      readonly labels: Bilingual<{ aria: string }>;
    }
  | {
      readonly type: 'bars';
      /** Keep the rows' order (e.g. the clearance process) instead of sorting by value. */
      readonly keepOrder?: boolean;
      /** `extra`: a second value drawn as a tick (e.g. the 90th percentile beside the median). */
      readonly rows: readonly { label: Bilingual<string>; value: number; extra?: number }[];
      readonly labels: Bilingual<{ x: string; aria: string }>;
    }
  | {
      readonly type: 'scatter';
      readonly points: readonly { x: number; y: number; label: string }[];
      readonly line: { readonly slope: number; readonly intercept: number } | null;
      readonly labels: Bilingual<{ x: string; y: string; aria: string }>;
    };

/**
 * The charts of one report. Both languages' pages ask for the same charts
 * by key; each is stored once and drawn in each language from its labels.
 */
export class ChartRegistry {
  readonly specs: ChartSpec[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the chart under `key`, building it on first use. */
  id(key: string, build: () => ChartSpec): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.specs.length;
    this.specs.push(build());
    this.ids.set(key, id);
    return id;
  }
}
