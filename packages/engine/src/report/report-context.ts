import type { ChartRegistry, Bilingual } from './chart-registry.js';
import type { ReportData } from './report-data.js';
import type { ReportLocale, ReportText } from './report-format.js';
import type { MessageKey } from './messages-en.js';

/** What a section renderer needs: the data, the page's language, both languages' text, the charts. */
export interface ReportContext {
  readonly data: ReportData;
  readonly tx: ReportText;
  readonly texts: Bilingual<ReportText>;
  readonly charts: ChartRegistry;
}

/** Unit kinds in the order the report shows them. */
export const reportKinds = ['officer', 'declarant', 'trader', 'office'] as const;

/** Unit statuses in the order the report shows them. */
export const reportStatuses = ['flagged', 'watch', 'clear', 'insufficient_data'] as const;

/** A message key if `prefix + id` is in the catalogue. */
export function messageKey(prefix: string, id: string, known: object): MessageKey | undefined {
  const key = `${prefix}${id}`;
  return Object.prototype.hasOwnProperty.call(known, key) ? (key as MessageKey) : undefined;
}

/** Plain-text chart labels built in both languages. */
export function bilingualLabels<T>(ctx: ReportContext, build: (tx: ReportText) => T): Bilingual<T> {
  return { en: build(ctx.texts.en), fr: build(ctx.texts.fr) };
}

/** The languages of the report, default first. */
export const reportLocales: readonly ReportLocale[] = ['en', 'fr'];

/** A chart placeholder filled in the page by Plot, with its accessible name and caption (escaped HTML). */
export function chartFigure(id: number, aria: string, caption: string, extra = ''): string {
  return (
    `<figure class="chart"><div class="plot" data-chart="${id}" role="img" aria-label="${aria}"></div>` +
    `<figcaption>${caption}</figcaption>${extra}</figure>`
  );
}
