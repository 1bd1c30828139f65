import { escapeHtml } from './html-escape.js';
import type { ReportContext } from './report-context.js';
import { messagesEn } from './messages-en.js';
import { messageKey } from './report-context.js';
import { asRecord } from './report-data.js';

/** Rows a generic table shows at most. */
const rowsShown = 30;

function cell(ctx: ReportContext, value: unknown): string {
  const { tx } = ctx;
  if (typeof value === 'number') {
    return `<td class="num">${Number.isInteger(value) ? tx.count(value) : tx.decimal(value, 3)}</td>`;
  }
  if (typeof value === 'boolean') return `<td>${tx.t(value ? 'yes' : 'no')}</td>`;
  if (typeof value === 'string') return `<td>${escapeHtml(value)}</td>`;
  if (value === null || value === undefined) return `<td>${tx.t('dash')}</td>`;
  const lang = asRecord(value);
  if (lang && typeof lang['en'] === 'string' && typeof lang['fr'] === 'string') {
    return `<td>${escapeHtml(lang[tx.locale] as string)}</td>`;
  }
  return `<td><code>${escapeHtml(JSON.stringify(value).slice(0, 200))}</code></td>`;
}

/** A table of an array of objects: columns are the keys of its first rows, at most `rowsShown` rows. */
export function genericTable(ctx: ReportContext, name: string, rows: readonly unknown[]): string {
  const { tx } = ctx;
  const records = rows.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined);
  if (records.length === 0) return '';
  const columns = [...new Set(records.slice(0, 20).flatMap((r) => Object.keys(r)))];
  const shown = records.slice(0, rowsShown);
  return (
    `<table><caption>${tx.t('section_table_caption', { name, rows: records.length })}</caption><thead><tr>` +
    columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('') +
    '</tr></thead><tbody>' +
    shown.map((r) => `<tr>${columns.map((c) => cell(ctx, r[c])).join('')}</tr>`).join('') +
    '</tbody></table>' +
    (records.length > shown.length
      ? `<p class="note">${tx.tHtml('section_rows_shown', { shown: tx.count(shown.length), rows: tx.count(records.length) })}</p>`
      : '')
  );
}

/** Any section the report does not know: its scalar fields, then a table per array of objects (two levels deep). */
export function renderGenericBody(
  ctx: ReportContext,
  name: string,
  value: unknown,
  depth = 0,
): string {
  if (Array.isArray(value)) return genericTable(ctx, name, value);
  const record = asRecord(value);
  if (!record) return '';
  const scalars = Object.entries(record).filter(
    ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  );
  const facts =
    scalars.length > 0
      ? `<table class="config"><tbody>${scalars
          .map(
            ([k, v]) =>
              `<tr><th scope="row"><code>${escapeHtml(k)}</code></th>${cell(ctx, v)}</tr>`,
          )
          .join('')}</tbody></table>`
      : '';
  const nested =
    depth >= 2
      ? ''
      : Object.entries(record)
          .filter(([, v]) => typeof v === 'object' && v !== null)
          .map(([k, v]) => renderGenericBody(ctx, `${name}.${k}`, v, depth + 1))
          .join('');
  return facts + nested;
}

/** A section's title: from the catalogue (`section_<key>`) when known, else its key. */
export function sectionTitle(ctx: ReportContext, key: string): string {
  const known = messageKey('section_', key, messagesEn);
  return known ? ctx.tx.t(known) : escapeHtml(key);
}

/**
 * A section for a top-level key the report has no layout for. Known keys get
 * their title, an introduction (`<key>_intro`) and labelled fields
 * (`uv_<field>` for unit values); anything else shows as it is.
 */
export function renderGenericSection(ctx: ReportContext, key: string, value: unknown): string {
  const { tx } = ctx;
  const id = `section-${escapeHtml(key.replace(/[^a-zA-Z0-9_-]/g, '_'))}-${tx.locale}`;
  const intro = messageKey('', `${key}_intro`, messagesEn);
  const record = asRecord(value);
  const labelled =
    key === 'unit_values' && record
      ? `<table class="config"><tbody>${Object.entries(record)
          .map(([field, v]) => {
            const label = messageKey('uv_', field, messagesEn);
            return `<tr><th scope="row">${label ? tx.t(label) : `<code>${escapeHtml(field)}</code>`}</th>${cell(ctx, v)}</tr>`;
          })
          .join('')}</tbody></table>`
      : renderGenericBody(ctx, key, value);
  return (
    `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${sectionTitle(ctx, key)}</h2>` +
    (intro ? `<p>${tx.t(intro)}</p>` : '') +
    labelled +
    '</section>'
  );
}
