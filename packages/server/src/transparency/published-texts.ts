import type { TransparencyTexts, TransparencyTextsState } from '../api/transparency.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';

/**
 * Row of the key-value `settings` table that holds the page's texts (a key the workspace
 * settings ignore: they read only their own keys).
 */
export const transparencyTextsKey = 'transparency.texts';

const none: TransparencyTexts = { intro: null, notice: null };

/** The published texts and when they last changed. */
export function publishedTexts(db: Db): TransparencyTextsState {
  const row = db
    .prepare('SELECT value, updated_at FROM settings WHERE key = ?')
    .get(transparencyTextsKey) as { value: string; updated_at: string } | undefined;
  if (!row) return { texts: none, updatedAt: null };
  const stored = JSON.parse(row.value) as Partial<TransparencyTexts>;
  return {
    texts: { intro: stored.intro ?? null, notice: stored.notice ?? null },
    updatedAt: row.updated_at,
  };
}

/**
 * Replace the published texts (already validated by the route schema), on the audit trail
 * with the names of the parts that changed (not their text).
 */
export function setPublishedTexts(
  db: Db,
  actorId: number,
  texts: TransparencyTexts,
  now: Date,
): TransparencyTextsState {
  return db.transaction(() => {
    const before = publishedTexts(db).texts;
    const changed = (['intro', 'notice'] as const).filter(
      (part) => JSON.stringify(before[part]) !== JSON.stringify(texts[part]),
    );
    db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                       updated_by = excluded.updated_by`,
    ).run(transparencyTextsKey, JSON.stringify(texts), now.toISOString(), actorId);
    appendAudit(db, {
      actorId,
      action: 'transparency.texts_change',
      targetType: 'transparency_page',
      targetId: null,
      details: { changed },
    });
    return publishedTexts(db);
  })();
}
