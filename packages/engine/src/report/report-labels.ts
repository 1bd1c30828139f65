import { escapeHtml } from './html-escape.js';
import { messagesEn } from './messages-en.js';
import { messageKey } from './report-context.js';
import type { ReportText } from './report-format.js';

/** An indicator's name in the page's language (escaped), or its id when unknown. */
export function indicatorName(tx: ReportText, id: string): string {
  const key = messageKey('indicator_', id, messagesEn);
  return key ? tx.t(key) : escapeHtml(id);
}

/** What an indicator measures, in plain words (escaped), or empty when unknown. */
export function indicatorAbout(tx: ReportText, id: string): string {
  const key = messageKey('indicator_', `${id}_about`, messagesEn);
  return key ? tx.t(key) : '';
}

/** A unit kind's name (escaped). */
export function kindName(tx: ReportText, kind: string): string {
  const key = messageKey('kind_', kind, messagesEn);
  return key ? tx.t(key) : escapeHtml(kind);
}

/** A status's name (escaped). */
export function statusName(tx: ReportText, status: string): string {
  const key = messageKey('status_', status, messagesEn);
  return key ? tx.t(key) : escapeHtml(status);
}

/** A status badge: coloured, with its name in words (colour is never the only cue). */
export function statusBadge(tx: ReportText, status: string): string {
  const cls = /^[a-z_]+$/.test(status) ? status : 'unknown';
  return `<span class="badge badge-${cls}">${statusName(tx, status)}</span>`;
}

/** An indicator's name as plain text (chart labels). */
export function indicatorNamePlain(tx: ReportText, id: string): string {
  const key = messageKey('indicator_', id, messagesEn);
  return key ? tx.plain(key) : id;
}

/** A unit kind's name as plain text (chart labels). */
export function kindNamePlain(tx: ReportText, kind: string): string {
  const key = messageKey('kind_', kind, messagesEn);
  return key ? tx.plain(key) : kind;
}

/** The class of a cell holding an id: kept on one line unless it is long enough to break the layout. */
export function idClass(id: string): string {
  return id.length > 24 ? 'id id-long' : 'id';
}
