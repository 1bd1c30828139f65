import { escapeHtml } from './html-escape.js';
import { bilingualLabels, chartFigure, reportKinds } from './report-context.js';
import type { ReportContext } from './report-context.js';
import type { ReportData, ReportFunnel } from './report-data.js';
import type { ReportText } from './report-format.js';
import {
  indicatorAbout,
  indicatorName,
  indicatorNamePlain,
  kindName,
  kindNamePlain,
} from './report-labels.js';

/** Four significant digits: more than a chart can show, and the page stays small with many units. */
const round = (x: number) => Number(x.toPrecision(4));

const statusOrder: Readonly<Record<string, number>> = { clear: 0, watch: 1, flagged: 2 };

/** Each point's status: the unit's own status for this indicator, else from its q-value. */
function pointStatuses(data: ReportData, funnel: ReportFunnel): string[] {
  const statuses = new Map<string, string>();
  for (const u of data.units) {
    if (u.kind !== funnel.kind) continue;
    const f = u.flags.find((x) => x.indicator === funnel.indicator);
    if (f) statuses.set(u.id, f.status);
  }
  return funnel.points.map((p) => {
    const known = statuses.get(p.unit);
    if (known === 'flagged' || known === 'watch' || known === 'clear') return known;
    if (p.q !== null && p.q < data.fdrLevel) return 'flagged';
    if (p.q !== null && p.q < data.watchLevel) return 'watch';
    return 'clear';
  });
}

function axisLabels(tx: ReportText, funnel: ReportFunnel) {
  return funnel.scale === 'ratio'
    ? { x: tx.plain('funnel_x_ratio'), y: tx.plain('funnel_y_ratio') }
    : { x: tx.plain('funnel_x_difference'), y: tx.plain('funnel_y_difference') };
}

/** The legend shared by every funnel plot, in HTML so that it is read once. */
function funnelLegend(tx: ReportText): string {
  const dot = (status: string) =>
    `<li><span class="swatch dot dot-${status}" aria-hidden="true"></span>${tx.t(`status_${status}` as 'status_clear')}</li>`;
  return (
    `<ul class="legend">${dot('flagged')}${dot('watch')}${dot('clear')}` +
    `<li><span class="swatch line-target" aria-hidden="true"></span>${tx.t('funnel_target')}</li>` +
    `<li><span class="swatch line-95" aria-hidden="true"></span>${tx.t('funnel_limit_95')}</li>` +
    `<li><span class="swatch line-998" aria-hidden="true"></span>${tx.t('funnel_limit_998')}</li></ul>`
  );
}

/** A short guide to funnel plots for readers who are not statisticians. */
export function renderHowToRead(ctx: ReportContext): string {
  const { tx } = ctx;
  return (
    `<section id="how-to-read-${tx.locale}" aria-labelledby="h-how-${tx.locale}"><h2 id="h-how-${tx.locale}">${tx.t('how_to_read')}</h2>` +
    `<p>${tx.t('how_to_read_1')}</p><p>${tx.t('how_to_read_2')}</p><p>${tx.t('how_to_read_3')}</p>` +
    `<p>${tx.t('how_to_read_overdispersion')}</p></section>`
  );
}

/** Funnel plots, one group per indicator with a figure per kind of unit. */
export function renderFunnels(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const head = `<section id="funnels-${tx.locale}" aria-labelledby="h-funnels-${tx.locale}"><h2 id="h-funnels-${tx.locale}">${tx.t('funnels')}</h2>`;
  const shown = data.funnels.filter((f) => f.points.length > 0);
  if (shown.length === 0) return `${head}<p>${tx.t('funnel_none')}</p></section>`;
  const indicators = [...new Set([...data.indicatorsRun, ...shown.map((f) => f.indicator)])].filter(
    (id) => shown.some((f) => f.indicator === id),
  );
  const kindIndex = (k: string) => {
    const i = (reportKinds as readonly string[]).indexOf(k);
    return i < 0 ? reportKinds.length : i;
  };
  const groups = indicators.map((indicator) => {
    const funnels = shown
      .filter((f) => f.indicator === indicator)
      .sort((a, b) => kindIndex(a.kind) - kindIndex(b.kind));
    const figures = funnels.map((funnel) => {
      const statuses = pointStatuses(data, funnel);
      const flagged = statuses.filter((s) => s === 'flagged').length;
      const watch = statuses.filter((s) => s === 'watch').length;
      const ariaVars = (t: ReportText) => ({
        indicator: indicatorNamePlain(t, indicator),
        kind: kindNamePlain(t, funnel.kind).toLowerCase(),
        tested: new Intl.NumberFormat(t.locale).format(funnel.points.length),
        flagged: new Intl.NumberFormat(t.locale).format(flagged),
        watch: new Intl.NumberFormat(t.locale).format(watch),
      });
      const id = ctx.charts.id(`funnel:${funnel.indicator}:${funnel.kind}`, () => ({
        type: 'funnel',
        scale: funnel.scale,
        target: funnel.target,
        points: funnel.points
          .map((p, i) => ({
            unit: p.unit,
            x: round(p.x),
            y: round(p.y),
            q: p.q === null ? null : round(p.q),
            status: statuses[i] ?? 'clear',
          }))
          .sort((a, b) => (statusOrder[a.status] ?? 0) - (statusOrder[b.status] ?? 0)),
        limits: funnel.limits.map((l) => ({
          x: round(l.x),
          lower95: l.lower95 === null ? null : round(l.lower95),
          upper95: l.upper95 === null ? null : round(l.upper95),
          lower998: l.lower998 === null ? null : round(l.lower998),
          upper998: l.upper998 === null ? null : round(l.upper998),
        })),
        labels: bilingualLabels(ctx, (t) => ({
          ...axisLabels(t, funnel),
          aria: t.plain('funnel_aria', ariaVars(t)),
        })),
      }));
      const summary =
        `<p class="funnel-summary">${tx.tHtml('funnel_summary', {
          tested: tx.count(funnel.points.length),
          flagged: tx.count(flagged),
          watch: tx.count(watch),
        })}` +
        (funnel.overdispersed ? ` ${tx.t('funnel_overdispersed')}` : '') +
        '</p>';
      return chartFigure(
        id,
        tx.t('funnel_aria', ariaVars(tx)),
        `<strong>${kindName(tx, funnel.kind)}</strong>`,
        summary,
      );
    });
    const about = indicatorAbout(tx, indicator);
    const hid = `funnel-${escapeHtml(indicator)}-${tx.locale}`;
    return (
      `<section aria-labelledby="${hid}" class="funnel-group"><h3 id="${hid}">${indicatorName(tx, indicator)}</h3>` +
      (about ? `<p>${about}</p>` : '') +
      `<div class="chart-grid">${figures.join('')}</div></section>`
    );
  });
  return `${head}${funnelLegend(tx)}${groups.join('')}</section>`;
}
