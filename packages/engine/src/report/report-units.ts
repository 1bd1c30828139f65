import { escapeHtml } from './html-escape.js';
import { reportKinds } from './report-context.js';
import type { ReportContext } from './report-context.js';
import type { ReportFlag, ReportUnit } from './report-data.js';
import { idClass, indicatorName, kindName, statusBadge } from './report-labels.js';

/** How many clear units each kind lists in its collapsed table. */
const clearShown = 20;

const byRank = (a: ReportUnit, b: ReportUnit) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
  (b.score ?? 0) - (a.score ?? 0);

/** The reasons of a unit's status: its flagged and watched indicators, in plain words. */
function flagList(ctx: ReportContext, flags: readonly ReportFlag[]): string {
  const { tx } = ctx;
  const shown = flags
    .filter((f) => f.status === 'flagged' || f.status === 'watch')
    .sort((a, b) => (a.q ?? 1) - (b.q ?? 1));
  if (shown.length === 0) return '';
  // Below 0.001 the exact q says nothing more to a reader than "very strong evidence".
  const evidence = (q: number | null) =>
    q !== null && q < 0.001
      ? tx.tHtml('flag_evidence_below', { q: tx.decimal(0.001, 3) })
      : tx.tHtml('flag_evidence', { q: tx.probability(q) });
  return (
    '<ul class="flags">' +
    shown
      .map((f) => {
        const explanation = tx.locale === 'fr' ? f.explanationFr : f.explanation;
        return (
          `<li>${statusBadge(tx, f.status)} ` +
          tx.tHtml('flag_line', {
            indicator: `<strong>${indicatorName(tx, f.indicator)}</strong>`,
            explanation: escapeHtml(explanation),
          }) +
          ` <span class="evidence" title="${tx.t('flag_evidence_title')}">(${evidence(f.q)})</span></li>`
        );
      })
      .join('') +
    '</ul>'
  );
}

function unitRow(ctx: ReportContext, u: ReportUnit, withReasons: boolean): string {
  const { tx } = ctx;
  return (
    `<tr class="status-${/^[a-z_]+$/.test(u.status) ? u.status : 'unknown'}"><td class="num">${tx.count(u.rank)}</td>` +
    `<th scope="row" class="${idClass(u.id)}">${escapeHtml(u.id)}</th><td class="office">${escapeHtml(u.office)}</td>` +
    `<td class="num">${tx.count(u.volume)}</td><td class="num">${tx.decimal(u.score, 1)}</td>` +
    `<td>${statusBadge(tx, u.status)}</td>` +
    (withReasons ? `<td>${flagList(ctx, u.flags)}</td>` : '') +
    '</tr>'
  );
}

function unitTable(
  ctx: ReportContext,
  units: readonly ReportUnit[],
  caption: string,
  withReasons: boolean,
): string {
  const { tx } = ctx;
  return (
    `<div class="table-scroll"><table class="units"><caption class="visually-hidden">${caption}</caption><thead><tr>` +
    `<th scope="col" class="num">${tx.t('rank')}</th><th scope="col">${tx.t('unit')}</th>` +
    `<th scope="col">${tx.t('office')}</th><th scope="col" class="num">${tx.t('volume')}</th>` +
    `<th scope="col" class="num">${tx.t('score')}</th><th scope="col">${tx.t('status')}</th>` +
    (withReasons ? `<th scope="col">${tx.t('why')}</th>` : '') +
    `</tr></thead><tbody>${units.map((u) => unitRow(ctx, u, withReasons)).join('')}</tbody></table></div>`
  );
}

/** Ranked units of each kind: flagged and watched in full with reasons, clear ones counted and collapsed. */
export function renderUnits(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const kinds = [
    ...reportKinds,
    ...new Set(
      data.units.map((u) => u.kind).filter((k) => !(reportKinds as readonly string[]).includes(k)),
    ),
  ];
  const parts = kinds.flatMap((kind) => {
    const units = data.units.filter((u) => u.kind === kind).sort(byRank);
    if (units.length === 0) return [];
    const attention = units.filter((u) => u.status === 'flagged' || u.status === 'watch');
    const clear = units.filter((u) => u.status === 'clear');
    const insufficient = units.filter((u) => u.status === 'insufficient_data').length;
    const name = kindName(tx, kind);
    const id = `units-${escapeHtml(kind)}-${tx.locale}`;
    return [
      `<section aria-labelledby="${id}"><h3 id="${id}">${name}</h3>` +
        (attention.length > 0
          ? unitTable(ctx, attention, name, true)
          : `<p>${tx.t('units_none_flagged')}</p>`) +
        `<p>${tx.tHtml('units_clear_count', { clear: tx.count(clear.length), insufficient: tx.count(insufficient) })}</p>` +
        (clear.length > 0
          ? `<details><summary>${tx.tHtml('units_clear_details', { n: tx.count(Math.min(clearShown, clear.length)) })}</summary>` +
            unitTable(ctx, clear.slice(0, clearShown), name, false) +
            '</details>'
          : '') +
        '</section>',
    ];
  });
  return (
    `<section id="units-${tx.locale}" aria-labelledby="h-units-${tx.locale}"><h2 id="h-units-${tx.locale}">${tx.t('units')}</h2>` +
    `<p>${tx.t('units_intro')}</p><p class="note"><strong>${tx.t('due_process_title')}.</strong></p>` +
    (parts.length > 0 ? parts.join('') : `<p>${tx.t('no_data')}</p>`) +
    '</section>'
  );
}
