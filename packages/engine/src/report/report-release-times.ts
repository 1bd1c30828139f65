import { escapeHtml } from './html-escape.js';
import type { MessageKey } from './messages-en.js';
import { messagesEn } from './messages-en.js';
import { bilingualLabels, chartFigure, messageKey } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { asArray, asNumber, asRecord, asString } from './report-data.js';
import type { ReportText } from './report-format.js';
import { renderGenericBody } from './report-generic-section.js';

interface ReleaseRow {
  readonly segment: string;
  readonly breakdown: string;
  readonly group: string | null;
  readonly period: string | null;
  readonly n: number | null;
  readonly nExcluded: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly within24: number | null;
  readonly within48: number | null;
}

const chartBreakdowns = ['channel', 'office', 'transport_mode', 'hs_section'] as const;

function readRows(section: Record<string, unknown>): ReleaseRow[] {
  return asArray(section['rows']).flatMap((x) => {
    const r = asRecord(x);
    if (!r || typeof r['segment'] !== 'string') return [];
    return [
      {
        segment: r['segment'],
        breakdown: asString(r['breakdown'], 'overall'),
        group: typeof r['groupValue'] === 'string' ? r['groupValue'] : null,
        period: typeof r['period'] === 'string' ? r['period'] : null,
        n: asNumber(r['n']),
        nExcluded: asNumber(r['nExcluded']),
        mean: asNumber(r['meanHours']),
        median: asNumber(r['medianHours']),
        p90: asNumber(r['p90Hours']),
        within24: asNumber(r['within24h']),
        within48: asNumber(r['within48h']),
      },
    ];
  });
}

/** A group's name: channels in words, other groups as they are. */
function groupName(tx: ReportText, breakdown: string, group: string | null): string {
  if (group === null) return '';
  const key = breakdown === 'channel' ? messageKey('channel_', group, messagesEn) : undefined;
  return key ? tx.plain(key) : group;
}

function statsTable(
  ctx: ReportContext,
  caption: string,
  first: string,
  rows: readonly { label: string; row: ReleaseRow }[],
): string {
  const { tx } = ctx;
  const head: MessageKey[] = [
    'release_durations',
    'release_mean',
    'release_median',
    'release_p90',
    'release_within24',
    'release_within48',
    'release_excluded',
  ];
  return (
    `<table><caption>${caption}</caption><thead><tr><th scope="col">${first}</th>` +
    head.map((k) => `<th scope="col" class="num">${tx.t(k)}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows
      .map(
        ({ label, row }) =>
          `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${tx.count(row.n)}</td>` +
          `<td class="num">${tx.decimal(row.mean, 1)}</td><td class="num">${tx.decimal(row.median, 1)}</td>` +
          `<td class="num">${tx.decimal(row.p90, 1)}</td><td class="num">${tx.percent(row.within24)}</td>` +
          `<td class="num">${tx.percent(row.within48)}</td><td class="num">${tx.count(row.nExcluded)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

/** The Time Release Study: segments overall, and the release time by channel, office, mode and HS section. */
export function renderReleaseTimes(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const id = `release-times-${tx.locale}`;
  const head = `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${tx.t('release_times')}</h2><p>${tx.t('release_intro')}</p>`;
  const section = asRecord(data.releaseTimes);
  const rows = section ? readRows(section) : [];
  if (!section || rows.length === 0) {
    return `${head}${renderGenericBody(ctx, 'release_times', data.releaseTimes)}</section>`;
  }
  const names = new Map<string, Record<string, unknown>>();
  for (const s of asArray(section['segments'])) {
    const r = asRecord(s);
    if (r && typeof r['id'] === 'string') names.set(r['id'], asRecord(r['name']) ?? {});
  }
  const segmentName = (t: ReportText, segment: string) =>
    asString(names.get(segment)?.[t.locale], segment);
  const rule = asRecord(section['extremeRule']);
  const coverage = asRecord(section['coverage']);
  const parts: string[] = [head];
  if (rule && typeof rule[tx.locale] === 'string') {
    parts.push(
      `<p class="note">${tx.t('release_extreme_rule', { rule: rule[tx.locale] as string })}</p>`,
    );
  }
  if (coverage && asNumber(coverage['declarations']) !== null) {
    parts.push(
      `<p class="note">${tx.tHtml('release_coverage', {
        with: tx.count(asNumber(coverage['withMilestones'])),
        declarations: tx.count(asNumber(coverage['declarations'])),
      })}</p>`,
    );
  }
  const overall = rows.filter((r) => r.breakdown === 'overall');
  if (overall.length > 0) {
    const chart = ctx.charts.id('release:overall', () => ({
      type: 'bars',
      keepOrder: true,
      rows: overall
        .filter((r) => r.median !== null)
        .map((r) => ({
          label: bilingualLabels(ctx, (t) => segmentName(t, r.segment)),
          value: r.median ?? 0,
          ...(r.p90 !== null ? { extra: r.p90 } : {}),
        })),
      labels: bilingualLabels(ctx, (t) => ({
        x: t.plain('release_chart_x'),
        aria: t.plain('release_chart_aria', { what: t.plain('release_overall_chart') }),
      })),
    }));
    parts.push(
      statsTable(
        ctx,
        tx.t('release_overall'),
        tx.t('release_segment'),
        overall.map((row) => ({ label: segmentName(tx, row.segment), row })),
      ),
      chartFigure(
        chart,
        tx.t('release_chart_aria', { what: tx.plain('release_overall_chart') }),
        tx.t('release_overall_chart'),
      ),
    );
  }
  // The release time a trader feels: lodgement to release, else the first segment ending at release.
  const segmentsPresent = [...new Set(rows.map((r) => r.segment))];
  const ending = asArray(section['segments'])
    .map(asRecord)
    .filter((s) => s?.['endsAtRelease'] === true)
    .map((s) => asString(s?.['id']));
  const main =
    segmentsPresent.find((s) => s === 'lodgement_release') ??
    segmentsPresent.find((s) => ending.includes(s)) ??
    segmentsPresent[0];
  for (const breakdown of chartBreakdowns) {
    const group = rows
      .filter((r) => r.segment === main && r.breakdown === breakdown && r.group !== null)
      .sort((a, b) => (b.median ?? -1) - (a.median ?? -1));
    if (group.length === 0 || main === undefined) continue;
    const key = `release_by_${breakdown}` as MessageKey;
    const chart = ctx.charts.id(`release:${breakdown}`, () => ({
      type: 'bars',
      rows: group
        .filter((r) => r.median !== null)
        .slice(0, 30)
        .map((r) => ({
          label: bilingualLabels(ctx, (t) => groupName(t, breakdown, r.group)),
          value: r.median ?? 0,
          ...(r.p90 !== null ? { extra: r.p90 } : {}),
        })),
      labels: bilingualLabels(ctx, (t) => ({
        x: t.plain('release_chart_x'),
        aria: t.plain('release_chart_aria', {
          what: t.plain(key, { segment: segmentName(t, main) }),
        }),
      })),
    }));
    const title = tx.t(key, { segment: segmentName(tx, main) });
    parts.push(
      `<h3>${title}</h3>`,
      chartFigure(
        chart,
        tx.t('release_chart_aria', { what: tx.plain(key, { segment: segmentName(tx, main) }) }),
        tx.t('release_chart_x'),
      ),
      `<details><summary>${tx.t('release_table_summary')}</summary>${statsTable(
        ctx,
        title,
        tx.t('release_group'),
        group.map((row) => ({ label: groupName(tx, breakdown, row.group), row })),
      )}</details>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
}
