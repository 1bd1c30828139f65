import { ChartRegistry } from './chart-registry.js';
import { escapeHtml, scriptJson } from './html-escape.js';
import { messagesEn } from './messages-en.js';
import type { MessageKey, Messages } from './messages-en.js';
import { messagesFr } from './messages-fr.js';
import { chartLibraries } from './report-assets.js';
import { reportClientScript } from './report-client-script.js';
import { renderConfiguration } from './report-configuration.js';
import { reportLocales } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { readReportData } from './report-data.js';
import type { ReportData } from './report-data.js';
import { reportText } from './report-format.js';
import type { ReportLocale } from './report-format.js';
import { renderFunnels, renderHowToRead } from './report-funnels.js';
import { renderGenericSection, sectionTitle } from './report-generic-section.js';
import { renderOverview } from './report-overview.js';
import { renderPairs } from './report-pairs.js';
import { renderMirror, renderPerformance, renderReleaseTimes } from './report-optional-sections.js';
import { reportStyle } from './report-style.js';
import { renderUnits } from './report-units.js';

/** The report's message catalogues by language. */
export const reportMessages: Readonly<Record<ReportLocale, Messages>> = {
  en: messagesEn,
  fr: messagesFr,
};

interface BodySection {
  readonly key: MessageKey | null;
  readonly anchor: string;
  readonly title: string;
  readonly html: string;
}

function sections(ctx: ReportContext): BodySection[] {
  const { tx, data } = ctx;
  const list: BodySection[] = [];
  const add = (key: MessageKey, anchor: string, html: string) => {
    if (html) list.push({ key, anchor: `${anchor}-${tx.locale}`, title: tx.t(key), html });
  };
  add('overview', 'overview', renderOverview(ctx));
  add('units', 'units', renderUnits(ctx));
  add('pairs', 'pairs', renderPairs(ctx));
  add('how_to_read', 'how-to-read', renderHowToRead(ctx));
  add('funnels', 'funnels', renderFunnels(ctx));
  if (data.releaseTimes !== undefined && data.releaseTimes !== null) {
    add('release_times', 'release-times', renderReleaseTimes(ctx));
  }
  if (data.performance !== undefined && data.performance !== null) {
    add('performance', 'performance', renderPerformance(ctx));
  }
  if (data.mirror !== undefined && data.mirror !== null) {
    add('mirror', 'mirror', renderMirror(ctx));
  }
  for (const [key, value] of Object.entries(data.otherSections)) {
    const anchor = `section-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}-${tx.locale}`;
    list.push({
      key: null,
      anchor,
      title: sectionTitle(ctx, key),
      html: renderGenericSection(ctx, key, value),
    });
  }
  add('configuration', 'configuration', renderConfiguration(ctx));
  return list;
}

function languageRoot(ctx: ReportContext, hidden: boolean): string {
  const { tx, data } = ctx;
  const other: ReportLocale = tx.locale === 'en' ? 'fr' : 'en';
  const body = sections(ctx);
  const subtitle = [
    data.datasetName ? escapeHtml(data.datasetName) : tx.t('dataset_unnamed'),
    data.generatedAt ? tx.tHtml('generated', { date: tx.dateTime(data.generatedAt) }) : '',
  ]
    .filter((s) => s)
    .join(' · ');
  return (
    `<div data-lang="${tx.locale}" lang="${tx.locale}" data-title="${tx.t('title')}"${hidden ? ' hidden' : ''}>` +
    `<a class="skip" href="#main-${tx.locale}">${tx.t('contents')}</a>` +
    `<header class="top"><div class="inner"><div><h1>${tx.t('title')}</h1><p>${subtitle}</p></div>` +
    `<button type="button" class="lang" data-switch-to="${other}" lang="${other}" aria-label="${tx.t('switch_label')}">${tx.t('switch_to')}</button>` +
    `</div></header><main id="main-${tx.locale}">` +
    `<nav class="toc" aria-labelledby="toc-${tx.locale}"><h2 id="toc-${tx.locale}">${tx.t('contents')}</h2><ol>` +
    body.map((s) => `<li><a href="#${s.anchor}">${s.title}</a></li>`).join('') +
    '</ol></nav>' +
    `<noscript><p class="note">${tx.t('charts_need_script')}</p></noscript>` +
    body.map((s) => s.html).join('') +
    `</main><footer><p>${tx.t('footer')}</p>` +
    (data.runId ? `<p>${tx.t('run_id', { id: data.runId })}</p>` : '') +
    '</footer></div>'
  );
}

/** The report's pages in both languages, and the charts they refer to. */
function reportBody(data: ReportData): { html: string; charts: ChartRegistry } {
  const charts = new ChartRegistry();
  const texts = { en: reportText('en', messagesEn), fr: reportText('fr', messagesFr) };
  const html = reportLocales
    .map((locale, i) => languageRoot({ data, tx: texts[locale], texts, charts }, i > 0))
    .join('');
  return { html, charts };
}

/**
 * The analysis document (`analysisJson`) as one self-contained HTML file in
 * English and French: overview, ranked units with their explanations, pairs,
 * funnel plots, and the release-time, performance and mirror sections when
 * present. Charts are drawn in the page by Observable Plot, inlined with d3;
 * the page makes no network request. Every value from the data is escaped.
 */
export function renderAnalysisReport(doc: Readonly<Record<string, unknown>>): string {
  const data = readReportData(doc);
  const { html, charts } = reportBody(data);
  const libraries = chartLibraries();
  const payload = { charts: charts.specs, text: reportMessages };
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escapeHtml(messagesEn.title)}</title><style>${reportStyle}</style></head><body>` +
    html +
    `<script type="application/json" id="probity-data">${scriptJson(payload)}</script>` +
    `<script>${libraries.d3}</script><script>${libraries.plot}</script>` +
    `<script>${reportClientScript}</script></body></html>\n`
  );
}
