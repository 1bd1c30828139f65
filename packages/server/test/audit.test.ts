import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { appendAudit, verifyAuditChain } from '../src/audit/audit-trail.js';
import { canonicalJson } from '../src/audit/canonical-json.js';
import { openStore } from '../src/store/database.js';
import type { Store } from '../src/store/database.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  prev_hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hashed content of a stored entry, as the trail's own hash reads it. */
const contentOf = (row: AuditRow) => ({
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  details: JSON.parse(row.details) as unknown,
});

describe('audit chain', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
    const db = store.db;
    db.transaction(() => {
      for (let i = 1; i <= 5; i += 1) {
        appendAudit(db, {
          actorId: i,
          action: 'case.note',
          targetType: 'case',
          targetId: String(100 + i),
          details: { noteId: i, nested: { b: 2, a: 1 } },
        });
      }
    })();
  });
  afterEach(() => store.close());

  it('verifies an untouched chain', () => {
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5 });
  });

  it('refuses to append outside a transaction', () => {
    expect(() =>
      appendAudit(store.db, { actorId: 1, action: 'x', targetType: null, targetId: null }),
    ).toThrow(expect.objectContaining({ code: 'AUDIT_OUTSIDE_TRANSACTION' }));
  });

  it('names the entry whose details were changed', () => {
    store.db.prepare('UPDATE audit_log SET details = ? WHERE id = 3').run('{"noteId":99}');
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('names the entry whose actor was changed, even with its hash recomputed naively', () => {
    store.db.prepare('UPDATE audit_log SET actor_id = 42 WHERE id = 2').run();
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBrokenId: 2 });
    // Naively: a hash of the new content alone, without the previous entry's hash.
    const row = store.db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as AuditRow;
    store.db
      .prepare('UPDATE audit_log SET hash = ? WHERE id = 2')
      .run(sha256(canonicalJson(contentOf(row))));
    expect(verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      firstBrokenId: 2,
      reason: expect.stringMatching(/does not match its content/),
    });
  });

  it('names the entry after a deleted one', () => {
    store.db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('names the first of two swapped entries', () => {
    const db = store.db;
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET id = -2 WHERE id = 2').run();
      db.prepare('UPDATE audit_log SET id = 2 WHERE id = 4').run();
      db.prepare('UPDATE audit_log SET id = 4 WHERE id = -2').run();
    })();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('names the entry whose hash was rewritten to match its new content', () => {
    // Re-hashing one entry breaks the link of the next one.
    const db = store.db;
    // (Change the first hex digit to another one: a fixed 'f' would be no change 1 time in 16.)
    db.prepare(
      "UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 1) = 'f' THEN '0' ELSE 'f' END) || substr(hash, 2) WHERE id = 4",
    ).run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('names the entry after one edited and re-hashed exactly as the trail does', () => {
    const db = store.db;
    db.prepare('UPDATE audit_log SET details = ? WHERE id = 4').run('{"noteId":99}');
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 4').get() as AuditRow;
    const rehashed = sha256(`${row.prev_hash}\n${canonicalJson(contentOf(row))}`);
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = 4').run(rehashed);
    // The edited entry now checks out on its own; only the next entry's link gives it away.
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenId: 5,
      reason: expect.stringMatching(/previous hash/),
    });
  });

  it('hashes canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('audit routes', () => {
  let app: ProbityApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('pages through entries newest first for an auditor', async () => {
    const auditor = await loginAs(app, 'auditor');
    const db = app.store.db;
    db.transaction(() => {
      for (let i = 0; i < 5; i += 1) {
        appendAudit(db, { actorId: 1, action: 'export', targetType: null, targetId: null });
      }
    })();
    const first = await app.inject({
      method: 'GET',
      url: '/api/audit?limit=3',
      headers: auditor.headers,
    });
    expect(first.statusCode).toBe(200);
    const page = first.json<{ entries: { id: number }[]; nextBeforeId: number | null }>();
    expect(page.entries.map((e) => e.id)).toEqual([5, 4, 3]);
    expect(page.nextBeforeId).toBe(3);
    const second = await app.inject({
      method: 'GET',
      url: `/api/audit?limit=3&beforeId=${page.nextBeforeId}`,
      headers: auditor.headers,
    });
    expect(second.json()).toMatchObject({ entries: [{ id: 2 }, { id: 1 }], nextBeforeId: null });
  });

  it('reports the first broken entry through the verify route', async () => {
    const auditor = await loginAs(app, 'auditor');
    const db = app.store.db;
    db.transaction(() => {
      for (let i = 0; i < 3; i += 1) {
        appendAudit(db, { actorId: 1, action: 'export', targetType: null, targetId: null });
      }
    })();
    const ok = await app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: auditor.headers,
    });
    expect(ok.json()).toMatchObject({ ok: true, entries: 3, headId: 3 });
    db.prepare("UPDATE audit_log SET action = 'nothing' WHERE id = 2").run();
    const broken = await app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: auditor.headers,
    });
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('records sign-in, sign-out and settings changes in the same chain, without usernames', async () => {
    const admin = await loginAs(app, 'admin');
    await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin.headers,
      payload: { minVolume: 50 },
    });
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: admin.headers });
    const rows = app.store.db.prepare('SELECT action, details FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([
      { action: 'settings.change', details: '{"minVolume":{"from":30,"to":50}}' },
      { action: 'auth.logout', details: '{}' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(admin.username);
    expect(verifyAuditChain(app.store.db)).toEqual({ ok: true, entries: 2 });
  });
});
