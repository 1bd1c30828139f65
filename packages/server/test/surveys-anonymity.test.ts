import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';
import { answer, openRound } from './surveys-fixture.js';

let app: ProbityApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const respondent = {
  'user-agent': 'Mozilla/5.0 (RespondentPhone; UniqueAgent/7.3)',
  'x-forwarded-for': '203.0.113.77',
  'x-real-ip': '203.0.113.78',
};
const address = '198.51.100.23';

describe('anonymity of the answers', () => {
  it('stores the round, the profile answer, the values and the comments, and nothing else', async () => {
    app = await testApp();
    const manager = await loginAs(app, 'manager');
    const { token } = await openRound(app, manager);
    const sent = await app.inject({
      method: 'POST',
      url: `/api/public/surveys/${token}/answers`,
      payload: {
        items: { 'ps.transparency.1': 2, 'ps.leadership.1': 4 },
        group: 'broker',
        comments: { automation: 'ok' },
      },
      headers: respondent,
      remoteAddress: address,
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ received: true });
    expect(sent.headers['set-cookie']).toBeUndefined();
    const db = app.store.db;
    const columns = (db.prepare('PRAGMA table_info(survey_answers)').all() as { name: string }[])
      .map((c) => c.name)
      .sort();
    // No time of any grain (not even the day), no request data, no session, no invitation.
    expect(columns).toEqual(['comments', 'id', 'items', 'profile_group', 'round_id']);
    // No rowid either: rows are kept in the order of their random ids, not of arrival.
    expect(() => db.prepare('SELECT rowid FROM survey_answers').all()).toThrow();
    const row = db.prepare('SELECT * FROM survey_answers').get() as Record<string, unknown>;
    expect(row['id']).toMatch(/^[0-9a-f]{32}$/);
    // The values in the questionnaire's order, whatever the order the respondent answered in.
    expect(row['items']).toBe('{"ps.leadership.1":4,"ps.transparency.1":2}');
    // Nowhere in the database: the address, the forwarded addresses, the user agent.
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((t) => t.name);
    const everything = tables
      .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all()))
      .join('\n');
    // The dump does hold what was sent and kept, so the search below reads the real rows.
    expect(everything).toContain('"profile_group":"broker"');
    for (const needle of [address, '203.0.113.77', '203.0.113.78', 'UniqueAgent']) {
      expect(everything).not.toContain(needle);
    }
    // Nor is the answer on the audit trail.
    const trail = db.prepare('SELECT action FROM audit_log').all() as { action: string }[];
    expect(trail.map((e) => e.action)).toEqual(['survey.round_create']);
  });

  it('logs no address or user agent for the answer routes and the survey page, even at info level', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'probity-survey-web-'));
    dirs.push(webRoot);
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>workspace</title>');
    writeFileSync(path.join(webRoot, 'survey.html'), '<!doctype html><title>survey page</title>');
    const lines: string[] = [];
    app = await testApp(
      { logLevel: 'info', webRoot },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    const manager = await loginAs(app, 'manager');
    const { token } = await openRound(app, manager);
    const before = lines.length;
    const page = await app.inject({
      method: 'GET',
      url: `/survey/${token}`,
      headers: respondent,
      remoteAddress: address,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('survey page');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("style-src 'self';");
    await app.inject({
      method: 'GET',
      url: `/api/public/surveys/${token}`,
      headers: respondent,
      remoteAddress: address,
    });
    const sent = await answer(app, token, { items: { 'ps.leadership.1': 2 } }, respondent);
    expect(sent.statusCode).toBe(201);
    const refused = await answer(
      app,
      'wrong-token',
      { items: { 'ps.leadership.1': 2 } },
      respondent,
    );
    expect(refused.statusCode).toBe(404);
    const logged = lines.slice(before).join('\n');
    for (const needle of [address, '127.0.0.1', '203.0.113.77', 'UniqueAgent', 'remoteAddress']) {
      expect(logged).not.toContain(needle);
    }
    // The workspace's own routes still log (so the test would see a leak if there were one).
    await app.inject({ method: 'GET', url: '/api/health', remoteAddress: address });
    expect(lines.slice(before).join('\n')).toContain(address);
  });
});
