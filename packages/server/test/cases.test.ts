import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { verifyAuditChain } from '../src/audit/audit-trail.js';
import type { TestLogin } from './helpers/login-as.js';
import { loginAs } from './helpers/login-as.js';
import { casesApp, fixture } from './cases-fixture.js';

let app: ProbityApp;
let close: () => Promise<void>;
let analyst: TestLogin;
let investigator: TestLogin;
let manager: TestLogin;
let manager2: TestLogin;

beforeEach(async () => {
  ({ app, close } = await casesApp());
  analyst = await loginAs(app, 'analyst');
  investigator = await loginAs(app, 'investigator');
  manager = await loginAs(app, 'manager');
  manager2 = await loginAs(app, 'manager', { username: 'manager2' });
});
afterEach(async () => close());

async function post(who: TestLogin, url: string, payload: object) {
  return app.inject({ method: 'POST', url, headers: who.headers, payload });
}
async function get(who: TestLogin, url: string) {
  return app.inject({ method: 'GET', url, headers: who.headers });
}
async function openFromFlag(who: TestLogin = analyst): Promise<number> {
  const r = await post(who, '/api/cases', {
    title: 'Green-channel overrides',
    source: 'unit_flag',
    subject: { kind: 'officer', pseudonym: fixture.officerPseudonym },
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { case: { id: number } }).case.id;
}

describe('case lifecycle', () => {
  it('opens a case from a flag with a yearly reference, the subject as a pseudonym only', async () => {
    const r = await post(analyst, '/api/cases', {
      title: 'Green-channel overrides',
      source: 'unit_flag',
      subject: { kind: 'officer', pseudonym: fixture.officerPseudonym },
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json() as { case: Record<string, unknown> };
    expect(body.case).toMatchObject({
      reference: `CASE-${new Date().getUTCFullYear()}-0001`,
      state: 'received',
      source: 'unit_flag',
      subject: { kind: 'officer', pseudonym: fixture.officerPseudonym },
      overdue: false,
    });
    expect(r.body).not.toContain(fixture.officer);
    const second = await openFromFlag();
    const list = await get(manager, '/api/cases');
    const refs = (list.json() as { cases: { id: number; reference: string }[] }).cases;
    expect(refs.find((c) => c.id === second)?.reference).toMatch(/-0002$/);
  });

  it('refuses a pseudonym no analysed unit has', async () => {
    const r = await post(analyst, '/api/cases', {
      title: 'Nobody',
      source: 'unit_flag',
      subject: { kind: 'officer', pseudonym: 'OFR-00000000' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'CASE_SUBJECT_NOT_FOUND' } });
  });

  it('runs received → triage → investigation → review → closed with two people, then reopens', async () => {
    const id = await openFromFlag();
    const base = `/api/cases/${id}`;
    expect((await post(manager, `${base}/transition`, { to: 'triage' })).statusCode).toBe(200);
    const early = await post(manager, `${base}/transition`, { to: 'investigation' });
    expect(early.json()).toMatchObject({ error: { code: 'CASE_NEEDS_INVESTIGATOR' } });
    const assigned = await post(manager, `${base}/assign`, { investigatorId: investigator.userId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const moved = await post(investigator, `${base}/transition`, { to: 'investigation' });
    expect(moved.json()).toMatchObject({ case: { state: 'investigation' } });
    const skip = await post(investigator, `${base}/transition`, { to: 'closed' });
    expect(skip.statusCode).toBe(409);
    expect(
      (await post(investigator, `${base}/notes`, { text: 'Interviewed the supervisor.' }))
        .statusCode,
    ).toBe(200);

    const proposal = await post(investigator, `${base}/close-proposal`, {
      outcome: 'administrative_action',
      reasons: 'Overrides confirmed; warning issued by the office.',
    });
    expect(proposal.json()).toMatchObject({ case: { state: 'review' } });
    const rejected = await post(manager, `${base}/close-approval`, {
      approve: false,
      comment: 'More work',
    });
    expect(rejected.json()).toMatchObject({ case: { state: 'investigation' } });
    await post(investigator, `${base}/close-proposal`, {
      outcome: 'substantiated',
      reasons: 'Overrides confirmed by the supervisor.',
    });
    const approved = await post(manager, `${base}/close-approval`, { approve: true });
    expect(approved.json()).toMatchObject({ case: { state: 'closed', outcome: 'substantiated' } });

    const closedNote = await post(investigator, `${base}/notes`, { text: 'late' });
    expect(closedNote.statusCode).toBe(403);
    const reopened = await post(manager2, `${base}/reopen`, {
      reason: 'New declarations came to light.',
    });
    expect(reopened.json()).toMatchObject({ case: { state: 'investigation', outcome: null } });

    const history = await get(manager, `${base}/history`);
    const types = (history.json() as { entries: { type: string }[] }).entries.map((e) => e.type);
    expect(types).toEqual([
      'create',
      'transition',
      'assign',
      'transition',
      'note',
      'close_proposal',
      'close_rejected',
      'close_proposal',
      'close_approved',
      'reopen',
    ]);
    expect(verifyAuditChain(app.store.db)).toMatchObject({ ok: true });
    const actions = app.store.db
      .prepare("SELECT action, details FROM audit_log WHERE target_type = 'case' ORDER BY id")
      .all() as { action: string; details: string }[];
    expect(actions.map((a) => a.action)).toContain('case.close_approved');
    // The chain holds hashes, never the texts.
    const chain = actions.map((a) => a.details).join('\n');
    expect(chain).not.toContain('Interviewed');
    expect(chain).not.toContain('supervisor');
    expect(chain).not.toContain(fixture.officer);
  });

  it('lets no one approve their own closure proposal', async () => {
    const id = await openFromFlag();
    const base = `/api/cases/${id}`;
    await post(manager, `${base}/transition`, { to: 'triage' });
    await post(manager, `${base}/assign`, { investigatorId: investigator.userId });
    await post(manager, `${base}/transition`, { to: 'investigation' });
    await post(manager, `${base}/close-proposal`, {
      outcome: 'no_further_action',
      reasons: 'Explained by a staffing change.',
    });
    const self = await post(manager, `${base}/close-approval`, { approve: true });
    expect(self.statusCode).toBe(403);
    const detail = await get(manager, base);
    expect(detail.json()).toMatchObject({
      case: { state: 'review' },
      permissions: { decideClosure: false },
    });
    const other = await post(manager2, `${base}/close-approval`, { approve: true });
    expect(other.json()).toMatchObject({ case: { state: 'closed', outcome: 'no_further_action' } });
    const investigatorApproval = await post(investigator, `${base}/close-approval`, {
      approve: true,
    });
    expect(investigatorApproval.statusCode).toBe(403);
  });

  it('flags overdue and due-soon cases and lists them as reminders', async () => {
    const late = await openFromFlag();
    const soon = await openFromFlag();
    await post(manager, `/api/cases/${late}/assign`, { investigatorId: investigator.userId });
    await post(manager, `/api/cases/${soon}/assign`, {
      investigatorId: investigator.userId,
      deadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    app.store.db
      .prepare('UPDATE cases SET state_entered_at = ? WHERE id = ?')
      .run(new Date(Date.now() - 40 * 86_400_000).toISOString(), late);
    const overdue = await get(manager, '/api/cases?overdue=true');
    expect((overdue.json() as { cases: { id: number }[] }).cases.map((c) => c.id)).toEqual([late]);
    const reminders = (await get(investigator, '/api/cases/reminders')).json() as Record<
      string,
      { id: number }[]
    >;
    expect(reminders['overdue']?.map((c) => c.id)).toEqual([late]);
    expect(reminders['dueSoon']?.map((c) => c.id)).toEqual([soon]);
    const mine = await get(investigator, '/api/cases?mine=true&limit=1');
    expect(mine.json()).toMatchObject({ total: 2, limit: 1 });
    expect((mine.json() as { cases: unknown[] }).cases).toHaveLength(1);
  });

  it("gives a new case the settings' deadline and warns within the reminder window", async () => {
    const admin = await loginAs(app, 'admin');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin.headers,
      payload: { caseDeadlineDays: 5, caseReminderDays: 6 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const id = await openFromFlag();
    const detail = (await get(manager, `/api/cases/${id}`)).json() as {
      case: { createdAt: string; deadline: string; dueAt: string; dueSoon: boolean };
    };
    const days =
      (Date.parse(detail.case.deadline) - Date.parse(detail.case.createdAt)) / 86_400_000;
    expect(days).toBe(5);
    expect(detail.case.dueAt).toBe(detail.case.deadline);
    expect(detail.case.dueSoon).toBe(true);
  });

  it('counts cases by state and outcome for auditors, without contents', async () => {
    await openFromFlag();
    const auditor = await loginAs(app, 'auditor');
    const stats = await get(auditor, '/api/cases/statistics');
    expect(stats.json()).toMatchObject({ total: 1, open: 1, byState: { received: 1 } });
    for (const content of ['Green-channel', fixture.officerPseudonym, fixture.officer, 'CASE-']) {
      expect(stats.body, content).not.toContain(content);
    }
    expect((await get(auditor, '/api/cases')).statusCode).toBe(403);
  });
});
