import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { verifyAuditChain } from '../src/audit/audit-trail.js';
import { eraseCasePersonalData, eraseExpiredCases } from '../src/cases/case-retention.js';
import type { TestLogin } from './helpers/login-as.js';
import { loginAs } from './helpers/login-as.js';
import { casesApp, fixture } from './cases-fixture.js';

let app: ProbityApp;
let close: () => Promise<void>;
let manager: TestLogin;
let manager2: TestLogin;
let investigator: TestLogin;

beforeEach(async () => {
  ({ app, close } = await casesApp());
  investigator = await loginAs(app, 'investigator');
  manager = await loginAs(app, 'manager');
  manager2 = await loginAs(app, 'manager', { username: 'manager2' });
});
afterEach(async () => close());

async function post(who: TestLogin, url: string, payload: object) {
  const r = await app.inject({ method: 'POST', url, headers: who.headers, payload });
  expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
  return r;
}

describe('retention', () => {
  it('erases the personal data of a closed case and the audit chain still verifies', async () => {
    const created = await post(manager, '/api/cases', {
      title: 'Overrides by the night shift',
      source: 'unit_flag',
      subject: { kind: 'officer', pseudonym: fixture.officerPseudonym },
    });
    const id = (created.json() as { case: { id: number } }).case.id;
    const base = `/api/cases/${id}`;
    await post(manager, `${base}/assign`, { investigatorId: investigator.userId });
    await post(manager, `${base}/transition`, { to: 'triage' });
    await post(manager, `${base}/transition`, { to: 'investigation' });
    await post(investigator, `${base}/notes`, { text: 'Met the officer at the office.' });
    await post(investigator, `${base}/reveal`, {
      justification: 'Needed to schedule the interview.',
    });
    await post(investigator, `${base}/close-proposal`, {
      outcome: 'unsubstantiated',
      reasons: 'The overrides followed written instructions.',
    });
    const db = app.store.db;
    expect(() => eraseCasePersonalData(db, id, null, new Date())).toThrow(/closed/);
    await post(manager2, `${base}/close-approval`, { approve: true });

    const dump = () =>
      [
        'cases',
        'case_notes',
        'case_evidence',
        'case_reveals',
        'case_events',
        'case_closure_approvals',
      ]
        .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all()))
        .join('\n');
    const personalData = [
      fixture.officer,
      fixture.officerPseudonym,
      'Met the officer',
      'schedule',
      'written instructions',
      'night shift',
    ];
    // Each of them is in the case's rows before the erasure, so its absence after means something.
    const before = dump();
    for (const personal of personalData) expect(before, personal).toContain(personal);

    const erased = eraseCasePersonalData(db, id, null, new Date());
    expect(erased).toMatchObject({ notes: 1, reveals: 1 });
    expect(erased.evidence).toBeGreaterThan(0);
    const after = dump();
    for (const personal of personalData) {
      expect(after, personal).not.toContain(personal);
    }
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    const detail = await app.inject({ method: 'GET', url: base, headers: manager.headers });
    expect(detail.json()).toMatchObject({
      case: { state: 'closed', outcome: 'unsubstantiated', subject: null },
      notes: [],
    });
    const reopen = await app.inject({
      method: 'POST',
      url: `${base}/reopen`,
      headers: manager.headers,
      payload: { reason: 'Trying to reopen an erased case.' },
    });
    expect(reopen.statusCode).toBe(409);
    const stats = await app.inject({
      method: 'GET',
      url: '/api/cases/statistics',
      headers: manager.headers,
    });
    expect(stats.json()).toMatchObject({ byOutcome: { unsubstantiated: 1 } });
  });

  it('erases the cases closed longer ago than the retention period, once', async () => {
    const db = app.store.db;
    const open = async (title: string) => {
      const r = await post(manager, '/api/cases', { title, source: 'manual' });
      return (r.json() as { case: { id: number } }).case.id;
    };
    const old = await open('Old case');
    const recent = await open('Recent case');
    const stillOpen = await open('Open case');
    const day = 86_400_000;
    const close = db.prepare("UPDATE cases SET state = 'closed', closed_at = ? WHERE id = ?");
    close.run(new Date(Date.now() - 400 * day).toISOString(), old);
    close.run(new Date(Date.now() - 10 * day).toISOString(), recent);
    expect(eraseExpiredCases(db, 365, new Date())).toEqual([old]);
    expect(eraseExpiredCases(db, 365, new Date())).toEqual([]);
    const titles = db.prepare('SELECT id, title FROM cases ORDER BY id').all();
    expect(titles).toEqual([
      { id: old, title: '[erased]' },
      { id: recent, title: 'Recent case' },
      { id: stillOpen, title: 'Open case' },
    ]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
