import { escapeHtml } from './html-escape.js';
import { messagesEn } from './messages-en.js';
import { bilingualLabels, chartFigure, messageKey } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { asArray, asNumber, asRecord, asString } from './report-data.js';
import type { ReportText } from './report-format.js';
import { renderGenericBody } from './report-generic-section.js';

interface CatalogueEntry {
  readonly id: string;
  readonly name: Record<string, unknown>;
  readonly definition: Record<string, unknown>;
  readonly unit: string;
  readonly direction: string;
  readonly dimension: string;
}

/** Offices shown as columns at most; beyond, only the overall value. */
const officeColumns = 12;

function value(tx: ReportText, unit: string, x: number | null): string {
  switch (unit) {
    case 'share':
      return tx.percent(x);
    case 'hours':
    case 'months':
      return tx.decimal(x, 1);
    default:
      return tx.count(x);
  }
}

function direction(tx: ReportText, d: string): string {
  if (d === 'higher_is_better') return tx.t('direction_higher');
  if (d === 'lower_is_better') return tx.t('direction_lower');
  return tx.t('direction_neutral');
}

/** PMM-style indicators by dimension: overall and per office, with a chart of the shares. */
export function renderPerformance(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const id = `performance-${tx.locale}`;
  const head = `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${tx.t('performance')}</h2><p>${tx.t('performance_intro')}</p>`;
  const section = asRecord(data.performance);
  const catalogue: CatalogueEntry[] = asArray(section?.['catalogue']).flatMap((x) => {
    const r = asRecord(x);
    return r && typeof r['id'] === 'string'
      ? [
          {
            id: r['id'],
            name: asRecord(r['name']) ?? {},
            definition: asRecord(r['definition']) ?? {},
            unit: asString(r['unit']),
            direction: asString(r['direction']),
            dimension: asString(r['dimension']),
          },
        ]
      : [];
  });
  const rows = asArray(section?.['rows']).flatMap((x) => {
    const r = asRecord(x);
    return r && typeof r['indicatorId'] === 'string'
      ? [
          {
            indicator: r['indicatorId'],
            office: typeof r['officeCode'] === 'string' ? r['officeCode'] : null,
            period: typeof r['period'] === 'string' ? r['period'] : null,
            value: asNumber(r['value']),
          },
        ]
      : [];
  });
  if (!section || catalogue.length === 0 || rows.length === 0) {
    return `${head}${renderGenericBody(ctx, 'performance', data.performance)}</section>`;
  }
  const whole = rows.filter((r) => r.period === null);
  const offices = [
    ...new Set(whole.map((r) => r.office).filter((o): o is string => o !== null)),
  ].sort();
  const shownOffices = offices.length <= officeColumns ? offices : [];
  const cellOf = (indicator: string, office: string | null) =>
    whole.find((r) => r.indicator === indicator && r.office === office)?.value ?? null;
  const dimensions = asArray(section['dimensions']).flatMap((x) => {
    const r = asRecord(x);
    return r && typeof r['id'] === 'string'
      ? [{ id: r['id'], name: asRecord(r['name']) ?? {} }]
      : [];
  });
  for (const c of catalogue) {
    if (!dimensions.some((d) => d.id === c.dimension))
      dimensions.push({ id: c.dimension, name: {} });
  }
  const name = (t: ReportText, r: Record<string, unknown>, fallback: string) =>
    asString(r[t.locale], fallback);
  const parts = dimensions.map((dimension) => {
    const entries = catalogue.filter((c) => c.dimension === dimension.id);
    if (entries.length === 0) return '';
    const title = escapeHtml(name(tx, dimension.name, dimension.id));
    const table =
      `<div class="table-scroll"><table class="performance"><caption>${title}</caption><thead><tr><th scope="col">${tx.t('indicator')}</th>` +
      `<th scope="col">${tx.t('unit_of_measure')}</th><th scope="col">${tx.t('direction')}</th>` +
      `<th scope="col" class="num">${tx.t('performance_overall')}</th>` +
      shownOffices.map((o) => `<th scope="col" class="num">${escapeHtml(o)}</th>`).join('') +
      '</tr></thead><tbody>' +
      entries
        .map((c) => {
          const unitKey = messageKey('unit_', c.unit, messagesEn);
          return (
            `<tr><th scope="row">${escapeHtml(name(tx, c.name, c.id))}<span class="note">${escapeHtml(name(tx, c.definition, ''))}</span></th>` +
            `<td>${unitKey ? tx.t(unitKey) : escapeHtml(c.unit)}</td><td>${direction(tx, c.direction)}</td>` +
            `<td class="num">${value(tx, c.unit, cellOf(c.id, null))}</td>` +
            shownOffices
              .map((o) => `<td class="num">${value(tx, c.unit, cellOf(c.id, o))}</td>`)
              .join('') +
            '</tr>'
          );
        })
        .join('') +
      '</tbody></table></div>';
    const shares = entries.filter((c) => c.unit === 'share' && cellOf(c.id, null) !== null);
    let figure = '';
    if (shares.length > 0) {
      const chart = ctx.charts.id(`performance:${dimension.id}`, () => ({
        type: 'bars',
        keepOrder: true,
        rows: shares.map((c) => ({
          label: bilingualLabels(ctx, (t) => name(t, c.name, c.id)),
          value: 100 * (cellOf(c.id, null) ?? 0),
        })),
        labels: bilingualLabels(ctx, (t) => ({
          x: t.plain('performance_share_x'),
          aria: t.plain('performance_chart_aria', {
            dimension: name(t, dimension.name, dimension.id),
          }),
        })),
      }));
      figure = chartFigure(
        chart,
        tx.t('performance_chart_aria', { dimension: name(tx, dimension.name, dimension.id) }),
        tx.t('performance_share_chart', { dimension: name(tx, dimension.name, dimension.id) }),
      );
    }
    return `<h3>${title}</h3>${table}${figure}`;
  });
  return `${head}${parts.join('')}</section>`;
}
