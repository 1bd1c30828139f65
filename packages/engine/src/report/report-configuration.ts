import { escapeHtml } from './html-escape.js';
import { messagesEn } from './messages-en.js';
import { messageKey } from './report-context.js';
import type { ReportContext } from './report-context.js';
import { asArray, asNumber, asRecord } from './report-data.js';

/** Working hours in words: "07:00–18:00, Mon, Tue, …" with weekday names in the page's language. */
function workingHours(ctx: ReportContext, value: unknown): string | undefined {
  const r = asRecord(value);
  const start = asNumber(r?.['start']);
  const end = asNumber(r?.['end']);
  const days = asArray(r?.['days']).filter((d): d is number => typeof d === 'number');
  if (start === null || end === null || days.length === 0) return undefined;
  // 2024-01-01 was a Monday: ISO weekday d is January d of 2024.
  const weekday = new Intl.DateTimeFormat(ctx.tx.locale, { weekday: 'short', timeZone: 'UTC' });
  const names = days.map((d) => weekday.format(new Date(Date.UTC(2024, 0, d))));
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return escapeHtml(`${hh(start)}–${hh(end)}, ${names.join(', ')}`);
}

/** A configuration value in words: numbers in the page's locale, lists joined, objects as JSON. */
function configValue(ctx: ReportContext, value: unknown, key = ''): string {
  const { tx } = ctx;
  if (key === 'workingHours') {
    const words = workingHours(ctx, value);
    if (words) return words;
  }
  if (key === 'officeWorkingHours') {
    const offices = Object.entries(asRecord(value) ?? {});
    if (offices.length === 0) return tx.t('dash');
    const words = offices.map(([office, hours]) => {
      const w = workingHours(ctx, hours);
      return w ? `${escapeHtml(office)}: ${w}` : undefined;
    });
    if (words.every((w) => w !== undefined)) return words.join('<br>');
  }
  if (typeof value === 'number') return tx.decimal(value, 6);
  if (typeof value === 'boolean') return tx.t(value ? 'yes' : 'no');
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return escapeHtml(value.map(String).join(', '));
  }
  if (value === null || value === undefined) return tx.t('dash');
  return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
}

/** The configuration used, setting by setting, so that every figure can be reproduced. */
export function renderConfiguration(ctx: ReportContext): string {
  const { data, tx } = ctx;
  const rows = Object.entries(data.config).map(([key, value]) => {
    const label = messageKey('config_', key, messagesEn);
    return (
      `<tr><th scope="row">${label ? tx.t(label) : ''} <code>${escapeHtml(key)}</code></th>` +
      `<td>${configValue(ctx, value, key)}</td></tr>`
    );
  });
  return (
    `<section id="configuration-${tx.locale}" aria-labelledby="h-configuration-${tx.locale}">` +
    `<h2 id="h-configuration-${tx.locale}">${tx.t('configuration')}</h2><p>${tx.t('configuration_intro')}</p>` +
    (rows.length > 0
      ? `<table class="config"><thead><tr><th scope="col">${tx.t('setting')}</th><th scope="col">${tx.t('value')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : `<p>${tx.t('no_data')}</p>`) +
    '</section>'
  );
}
