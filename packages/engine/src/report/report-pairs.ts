import { escapeHtml } from './html-escape.js';
import type { ReportContext } from './report-context.js';
import { idClass } from './report-labels.js';

/** How many pairs the report lists. */
const pairsShown = 25;

/** Officer–declarant pairs: how many are significant, and those with the strongest evidence. */
export function renderPairs(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const head = `<section id="pairs-${tx.locale}" aria-labelledby="h-pairs-${tx.locale}"><h2 id="h-pairs-${tx.locale}">${tx.t('pairs')}</h2><p>${tx.t('pairs_intro')}</p>`;
  if (data.pairs.length === 0) return `${head}<p>${tx.t('pairs_none')}</p></section>`;
  const significant = data.pairs.filter((p) => p.q !== null && p.q < data.fdrLevel).length;
  const top = [...data.pairs]
    .sort((a, b) => (a.q ?? 1) - (b.q ?? 1) || (b.lift ?? 0) - (a.lift ?? 0))
    .slice(0, Math.max(pairsShown, 0));
  const fdr = new Intl.NumberFormat(tx.locale, { maximumFractionDigits: 4 }).format(data.fdrLevel);
  return (
    head +
    `<p>${tx.tHtml('pairs_significant', {
      n: tx.count(significant),
      fdr: escapeHtml(fdr),
      tested: tx.count(data.pairs.length),
      observed: tx.count(data.pairsObserved ?? data.pairs.length),
    })}</p>` +
    `<div class="table-scroll"><table class="pairs"><caption>${tx.t('pairs_top')}</caption><thead><tr>` +
    ['officer', 'declarant', 'office']
      .map((k) => `<th scope="col">${tx.t(k as 'officer')}</th>`)
      .join('') +
    ['observed', 'expected', 'lift', 'manual', 'periods', 'q']
      .map((k) => `<th scope="col" class="num">${tx.t(k as 'observed')}</th>`)
      .join('') +
    '</tr></thead><tbody>' +
    top
      .map(
        (p) =>
          `<tr class="${p.q !== null && p.q < data.fdrLevel ? 'status-flagged' : ''}"><th scope="row" class="${idClass(p.officer)}">${escapeHtml(p.officer)}</th>` +
          `<td class="${idClass(p.declarant)}">${escapeHtml(p.declarant)}</td><td>${escapeHtml(p.office)}</td>` +
          `<td class="num">${tx.count(p.observed)}</td><td class="num">${tx.decimal(p.expected, 1)}</td>` +
          `<td class="num">${tx.decimal(p.lift, 1)}</td><td class="num">${tx.count(p.manual)}</td>` +
          `<td class="num">${tx.count(p.periods)}</td><td class="num">${tx.probability(p.q)}</td></tr>`,
      )
      .join('') +
    '</tbody></table></div></section>'
  );
}
