import { escapeHtml } from './html-escape.js';
import { messagesEn } from './messages-en.js';
import { messageKey } from './report-context.js';
import type { ReportContext } from './report-context.js';

/** A configuration value in words: numbers in the page's locale, lists joined, objects as JSON. */
function configValue(ctx: ReportContext, value: unknown): string {
  const { tx } = ctx;
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
      `<td>${configValue(ctx, value)}</td></tr>`
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
