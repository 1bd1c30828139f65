import { escapeHtml } from './html-escape.js';
import { bilingualLabels, chartFigure } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { asArray, asNumber, asRecord, asString } from './report-data.js';
import { renderGenericBody } from './report-generic-section.js';

/** Gaps listed, charted and units shown at most. */
const gapsShown = 20;
const gapsCharted = 15;
const sharesShown = 10;

/** What a declarant looks like under a pseudonym (risk/pseudonyms.ts). */
const declarantPseudonym = /^DCL-[0-9A-Z]{8}$/;

/** Mirror analysis: largest gaps, the tariff–gap relation, and who handles the flows with the largest gaps. */
export function renderMirror(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const id = `mirror-${tx.locale}`;
  const head = `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${tx.t('mirror')}</h2><p>${tx.t('mirror_intro')}</p>`;
  const section = asRecord(data.mirror);
  if (!section || !('cells' in section || 'tariffGap' in section)) {
    return `${head}${renderGenericBody(ctx, 'mirror', data.mirror)}</section>`;
  }
  const parts: string[] = [head];
  const notes = asArray(section['notes']).filter((n): n is string => typeof n === 'string');
  if (section['available'] === false)
    parts.push(`<p><strong>${tx.t('mirror_unavailable')}</strong></p>`);
  if (notes.length > 0) {
    const suffix = tx.t('notes_in_english');
    parts.push(
      `<h3>${tx.t('mirror_notes')}${suffix ? ` ${suffix}` : ''}</h3><ul>` +
        notes.map((n) => `<li lang="en">${escapeHtml(n)}</li>`).join('') +
        '</ul>',
    );
  }
  const cells = asArray(section['cells'])
    .map(asRecord)
    .filter(
      (c): c is Record<string, unknown> => c !== undefined && asNumber(c['gap_usd']) !== null,
    );
  const cellLabel = (c: Record<string, unknown>) =>
    `${asString(c['hs6'])} · ${asString(c['partner_country'])} · ${asString(c['period'])}`;
  if (cells.length > 0) {
    const top = [...cells].sort(
      (a, b) => (asNumber(b['gap_usd']) ?? 0) - (asNumber(a['gap_usd']) ?? 0),
    );
    const chart = ctx.charts.id('mirror:gaps', () => ({
      type: 'bars',
      rows: top.slice(0, gapsCharted).map((c) => ({
        label: { en: cellLabel(c), fr: cellLabel(c) },
        value: asNumber(c['gap_usd']) ?? 0,
      })),
      labels: bilingualLabels(ctx, (t) => ({
        x: t.plain('mirror_gap_chart_x'),
        aria: t.plain('mirror_gaps_aria'),
      })),
    }));
    parts.push(
      `<h3>${tx.t('mirror_gaps')}</h3>`,
      chartFigure(chart, tx.t('mirror_gaps_aria'), tx.t('mirror_gaps')),
      `<div class="table-scroll"><table><caption>${tx.t('mirror_gaps')}</caption><thead><tr><th scope="col">${tx.t('mirror_hs6')}</th>` +
        `<th scope="col">${tx.t('mirror_partner')}</th><th scope="col">${tx.t('period')}</th>` +
        `<th scope="col" class="num">${tx.t('mirror_declared')}</th><th scope="col" class="num">${tx.t('mirror_partner_cif')}</th>` +
        `<th scope="col" class="num">${tx.t('mirror_gap_usd')}</th><th scope="col" class="num">${tx.t('mirror_ratio')}</th></tr></thead><tbody>` +
        top
          .slice(0, gapsShown)
          .map(
            (c) =>
              `<tr><th scope="row">${escapeHtml(asString(c['hs6']))}</th><td>${escapeHtml(asString(c['partner_country']))}</td>` +
              `<td>${escapeHtml(asString(c['period']))}</td><td class="num">${tx.count(asNumber(c['declared_usd']))}</td>` +
              `<td class="num">${tx.count(asNumber(c['partner_cif_usd']))}</td><td class="num">${tx.count(asNumber(c['gap_usd']))}</td>` +
              `<td class="num">${tx.decimal(asNumber(c['ratio']), 2)}</td></tr>`,
          )
          .join('') +
        '</tbody></table></div>',
    );
  }
  const fit = asRecord(section['tariffGap']);
  if (fit) {
    const slope = asNumber(fit['slope']);
    const intercept = asNumber(fit['intercept']);
    const points = asArray(fit['points']).flatMap((x) => {
      const r = asRecord(x);
      const px = asNumber(r?.['tariff_pct']);
      const py = asNumber(r?.['log_gap']);
      return r && px !== null && py !== null ? [{ x: px, y: py, label: asString(r['hs6']) }] : [];
    });
    parts.push(`<h3>${tx.t('mirror_tariff')}</h3>`);
    if (slope === null || points.length === 0) {
      parts.push(`<p>${tx.t('mirror_tariff_none')}</p>`);
    } else {
      parts.push(
        `<p>${tx.tHtml('mirror_tariff_intro', { slope: tx.decimal(slope, 4), se: tx.decimal(asNumber(fit['se']), 4) })} ` +
          `${tx.tHtml('mirror_tariff_fit', { n: tx.count(asNumber(fit['n']) ?? points.length), r2: tx.decimal(asNumber(fit['r2']), 3) })}</p>`,
      );
      const chart = ctx.charts.id('mirror:tariff', () => ({
        type: 'scatter',
        points,
        line: intercept !== null ? { slope, intercept } : null,
        labels: bilingualLabels(ctx, (t) => ({
          x: t.plain('mirror_tariff_x'),
          y: t.plain('mirror_tariff_y'),
          aria: t.plain('mirror_tariff_aria'),
        })),
      }));
      parts.push(chartFigure(chart, tx.t('mirror_tariff_aria'), tx.t('mirror_tariff')));
    }
  }
  const shareTable = (key: 'declarants' | 'offices', title: string) => {
    const rows = asArray(section[key])
      .map(asRecord)
      .filter((r): r is Record<string, unknown> => r !== undefined)
      .slice(0, sharesShown);
    if (rows.length === 0) return '';
    // Declarants are people's firms: never show an id that is not a pseudonym unless ids were revealed.
    const shown = (r: Record<string, unknown>) => {
      const unit = asString(r['unit_id']);
      return key === 'offices' || data.idsRevealed || declarantPseudonym.test(unit)
        ? `<span class="id">${escapeHtml(unit)}</span>`
        : `<em>${tx.t('mirror_withheld')}</em>`;
    };
    return (
      `<div class="table-scroll"><table><caption>${title}</caption><thead><tr><th scope="col">${tx.t('unit')}</th>` +
      `<th scope="col" class="num">${tx.t('volume')}</th><th scope="col" class="num">${tx.t('mirror_top_declarations')}</th>` +
      `<th scope="col" class="num">${tx.t('mirror_share_in_top')}</th><th scope="col" class="num">${tx.t('mirror_overall_share')}</th>` +
      `<th scope="col" class="num">${tx.t('lift')}</th><th scope="col" class="num">${tx.t('mirror_excess')}</th></tr></thead><tbody>` +
      rows
        .map(
          (r) =>
            `<tr><th scope="row">${shown(r)}</th><td class="num">${tx.count(asNumber(r['declarations']))}</td>` +
            `<td class="num">${tx.count(asNumber(r['top_gap_declarations']))}</td>` +
            `<td class="num">${tx.percent(asNumber(r['share_in_top']))}</td><td class="num">${tx.percent(asNumber(r['overall_share']))}</td>` +
            `<td class="num">${tx.decimal(asNumber(r['lift']), 1)}</td><td class="num">${tx.count(asNumber(r['excess_usd']))}</td></tr>`,
        )
        .join('') +
      '</tbody></table></div>'
    );
  };
  const shares =
    shareTable('declarants', tx.t('mirror_declarants')) +
    shareTable('offices', tx.t('mirror_offices'));
  if (shares) parts.push(`<h3>${tx.t('mirror_shares')}</h3>${shares}`);
  parts.push('</section>');
  return parts.join('');
}
