import { escapeHtml } from './html-escape.js';
import type { MessageKey, Messages } from './messages-en.js';

/** The report's languages. */
export type ReportLocale = 'en' | 'fr';

/** Text and number formatting in one language; every method returns escaped HTML. */
export interface ReportText {
  readonly locale: ReportLocale;
  /** A message with its `{name}` placeholders filled in, all HTML-escaped. */
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /** A message whose `vars` are already escaped HTML (formatted numbers, names, badges). */
  tHtml(key: MessageKey, vars: Readonly<Record<string, string>>): string;
  /** A message filled in, as plain (unescaped) text for JSON and chart labels. */
  plain(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /** A whole number (1,234 / 1 234). */
  count(x: number | null | undefined): string;
  /** A decimal number with at most `digits` fraction digits. */
  decimal(x: number | null | undefined, digits?: number): string;
  /** A probability or q-value, two significant digits; below 0.001 shown as "< 0.001". */
  probability(x: number | null | undefined): string;
  /** A share (0.25 → 25%). */
  percent(x: number | null | undefined): string;
  /** An ISO date-time, formatted in UTC. */
  dateTime(iso: string): string;
  /** An ISO date, formatted in UTC. */
  date(iso: string): string;
}

/** Formatting for one language with its message catalogue. */
export function reportText(locale: ReportLocale, messages: Messages): ReportText {
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimalFormat = (digits: number) => {
    let f = decimals.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      decimals.set(digits, f);
    }
    return f;
  };
  const small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateTimes = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dash = messages.dash;
  const finite = (x: number | null | undefined): x is number =>
    typeof x === 'number' && Number.isFinite(x);
  // Template text is escaped when the page is HTML; values are escaped unless already HTML.
  const fill = (
    key: MessageKey,
    vars: Readonly<Record<string, string | number>>,
    escapeTemplate: boolean,
    escapeValues: boolean,
  ) =>
    (escapeTemplate ? escapeHtml(messages[key]) : messages[key]).replace(
      /\{(\w+)\}/g,
      (whole, name: string) => {
        const v = vars[name];
        if (v === undefined) return whole;
        return escapeValues ? escapeHtml(String(v)) : String(v);
      },
    );
  const when = (f: Intl.DateTimeFormat, iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? escapeHtml(iso) : escapeHtml(f.format(d));
  };
  return {
    locale,
    t: (key, vars = {}) => fill(key, vars, true, true),
    tHtml: (key, vars) => fill(key, vars, true, false),
    plain: (key, vars = {}) => fill(key, vars, false, false),
    count: (x) => (finite(x) ? escapeHtml(counts.format(x)) : dash),
    decimal: (x, digits = 1) => (finite(x) ? escapeHtml(decimalFormat(digits).format(x)) : dash),
    probability: (x) => {
      if (!finite(x)) return dash;
      // Below 0.001 the exact figure means nothing more to a reader than "very strong".
      if (x < 0.001) return `&lt; ${escapeHtml(small.format(0.001))}`;
      return escapeHtml(small.format(x));
    },
    percent: (x) => (finite(x) ? escapeHtml(percents.format(x)) : dash),
    dateTime: (iso) => when(dateTimes, iso),
    date: (iso) => when(dates, iso),
  };
}
