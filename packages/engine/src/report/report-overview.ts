import { bilingualLabels, chartFigure, reportKinds, reportStatuses } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { indicatorName, kindName, statusBadge } from './report-labels.js';
import { escapeHtml } from './html-escape.js';
import type { MessageKey } from './messages-en.js';

/** The overview: dataset, period, units by status, what statuses mean, due process. */
export function renderOverview(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const counts = reportKinds.map((kind) => ({
    kind,
    byStatus: reportStatuses.map(
      (status) => data.units.filter((u) => u.kind === kind && u.status === status).length,
    ),
  }));
  const present = counts.filter((c) => c.byStatus.some((n) => n > 0));
  const facts: [string, string][] = [
    [tx.t('dataset'), data.datasetName ? escapeHtml(data.datasetName) : tx.t('dataset_unnamed')],
    [tx.t('declarations_analysed'), tx.count(data.declarations)],
  ];
  if (data.periodFrom && data.periodTo) {
    facts.push([
      tx.t('period_covered'),
      tx.tHtml('period_range', { from: tx.date(data.periodFrom), to: tx.date(data.periodTo) }),
    ]);
  }
  const periodKey = `period_${data.peerPeriod ?? ''}`;
  const periodWord =
    periodKey === 'period_month' || periodKey === 'period_quarter' || periodKey === 'period_year'
      ? tx.plain(periodKey as MessageKey)
      : (data.peerPeriod ?? '');
  const statusChart =
    present.length === 0
      ? -1
      : ctx.charts.id('status', () => ({
          type: 'status',
          rows: present.flatMap((c) =>
            reportStatuses.map((status, i) => ({
              kind: c.kind,
              status,
              count: c.byStatus[i] ?? 0,
            })),
          ),
          labels: bilingualLabels(ctx, (t) => ({ aria: t.plain('units_by_status_chart') })),
        }));
  const meanings = reportStatuses
    .map((s) => {
      const key = `status_${s}_means` as MessageKey;
      const text = tx.t(key, {
        fdr: formatPlain(ctx, data.fdrLevel),
        watch: formatPlain(ctx, data.watchLevel),
        min: formatPlain(ctx, data.minVolume),
      });
      return `<dt>${statusBadge(tx, s)}</dt><dd>${text}</dd>`;
    })
    .join('');
  const table =
    present.length === 0
      ? `<p>${tx.t('no_data')}</p>`
      : `<table><caption>${tx.t('units_by_status_caption')}</caption><thead><tr><th scope="col">${tx.t('kind')}</th>` +
        reportStatuses
          .map((s) => `<th scope="col" class="num">${statusBadge(tx, s)}</th>`)
          .join('') +
        `<th scope="col" class="num">${tx.t('total')}</th></tr></thead><tbody>` +
        present
          .map(
            (c) =>
              `<tr><th scope="row">${kindName(tx, c.kind)}</th>` +
              c.byStatus.map((n) => `<td class="num">${tx.count(n)}</td>`).join('') +
              `<td class="num">${tx.count(c.byStatus.reduce((a, b) => a + b, 0))}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  const run = data.indicatorsRun.map((id) => `<li>${indicatorName(tx, id)}</li>`).join('');
  const skipped = data.indicatorsSkipped
    .map(
      (s) =>
        `<li>${tx.tHtml('indicators_skipped_reason', { indicator: indicatorName(tx, s.id), reason: escapeHtml(s.reason) })}</li>`,
    )
    .join('');
  return (
    `<section id="overview-${tx.locale}" aria-labelledby="h-overview-${tx.locale}">` +
    `<h2 id="h-overview-${tx.locale}">${tx.t('overview')}</h2>` +
    `<div class="due-process" role="note"><h3>${tx.t('due_process_title')}</h3><p>${tx.t('due_process')}</p>` +
    `<p>${tx.t(data.idsRevealed ? 'ids_revealed' : 'ids_pseudonyms')}</p></div>` +
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>` +
    (periodWord ? `<p>${tx.t('peer_period', { period: periodWord })}</p>` : '') +
    `<h3>${tx.t('units_by_status')}</h3>` +
    table +
    (present.length > 0
      ? chartFigure(statusChart, tx.t('units_by_status_chart'), tx.t('units_by_status_caption'))
      : '') +
    `<h3>${tx.t('status_meanings')}</h3><dl class="meanings">${meanings}</dl>` +
    (run ? `<h3>${tx.t('indicators_run')}</h3><ul class="inline-list">${run}</ul>` : '') +
    (skipped ? `<h3>${tx.t('indicators_skipped')}</h3><ul>${skipped}</ul>` : '') +
    '</section>'
  );
}

/** A threshold as plain text in the page's language (escaped later with the message). */
function formatPlain(ctx: ReportContext, x: number): string {
  return new Intl.NumberFormat(ctx.tx.locale, { maximumFractionDigits: 4 }).format(x);
}
