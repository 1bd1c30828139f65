import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type { TestLogin } from './helpers/login-as.js';
import { loginAs } from './helpers/login-as.js';
import { casesApp, fixture } from './cases-fixture.js';

let app: ProbityApp;
let close: () => Promise<void>;
let analyst: TestLogin;
let investigator: TestLogin;
let colleague: TestLogin;
let manager: TestLogin;
let manager2: TestLogin;

beforeEach(async () => {
  ({ app, close } = await casesApp());
  analyst = await loginAs(app, 'analyst');
  investigator = await loginAs(app, 'investigator');
  colleague = await loginAs(app, 'investigator', { username: 'colleague' });
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
async function listed(who: TestLogin): Promise<number[]> {
  const r = await get(who, '/api/cases');
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { cases: { id: number }[] }).cases.map((c) => c.id);
}
async function openCase(): Promise<number> {
  const r = await post(analyst, '/api/cases', {
    title: 'Pair concentration',
    source: 'pair',
    subject: {
      kind: 'pair',
      pseudonym: fixture.officerPseudonym,
      declarantPseudonym: fixture.declarantPseudonym,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { case: { id: number } }).case.id;
}

describe('case access', () => {
  it('shows investigators only the cases assigned or granted to them', async () => {
    const id = await openCase();
    expect(await listed(investigator)).toEqual([]);
    expect((await get(investigator, `/api/cases/${id}`)).statusCode).toBe(404);
    await post(manager, `/api/cases/${id}/assign`, { investigatorId: investigator.userId });
    expect(await listed(investigator)).toEqual([id]);
    expect(await listed(colleague)).toEqual([]);
    await post(manager, `/api/cases/${id}/access`, { userId: colleague.userId });
    expect(await listed(colleague)).toEqual([id]);
    const seen = await get(colleague, `/api/cases/${id}`);
    expect(seen.json()).toMatchObject({
      view: 'full',
      permissions: { reveal: false, addNote: true },
    });
    await post(manager, `/api/cases/${id}/access`, { userId: colleague.userId, grant: false });
    expect(await listed(colleague)).toEqual([]);
  });

  it('gives the analyst who opened a case its summary only, and nothing of others', async () => {
    const id = await openCase();
    const assigned = await post(manager, `/api/cases/${id}/assign`, {
      investigatorId: investigator.userId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const note = await post(investigator, `/api/cases/${id}/notes`, { text: 'Confidential lead.' });
    expect(note.statusCode, note.body).toBe(200);
    // The note and the assignment are there for the manager, hidden from the analyst only.
    const full = await get(manager, `/api/cases/${id}`);
    expect(full.body).toContain('Confidential lead.');
    expect(full.json()).toMatchObject({ case: { assignedTo: { id: investigator.userId } } });
    const detail = await get(analyst, `/api/cases/${id}`);
    expect(detail.json()).toMatchObject({
      view: 'summary',
      notes: [],
      evidence: null,
      case: { assignedTo: null },
    });
    expect(detail.body).not.toContain('Confidential');
    expect((await get(analyst, `/api/cases/${id}/history`)).statusCode).toBe(403);
    expect((await post(analyst, `/api/cases/${id}/notes`, { text: 'x' })).statusCode).toBe(403);
    const other = await loginAs(app, 'analyst', { username: 'analyst2' });
    expect(await listed(other)).toEqual([]);
    expect((await get(other, `/api/cases/${id}`)).statusCode).toBe(404);
    const manual = await post(analyst, '/api/cases', { title: 'By hand', source: 'manual' });
    expect(manual.statusCode).toBe(403);
  });

  it('hides a case from an excluded person entirely: not listed, 404, assignment ended', async () => {
    const id = await openCase();
    await post(manager, `/api/cases/${id}/assign`, { investigatorId: investigator.userId });
    const excluded = await post(manager, `/api/cases/${id}/exclusions`, {
      userId: investigator.userId,
      reason: 'Related to the declarant.',
    });
    expect(excluded.json()).toMatchObject({ case: { assignedTo: null } });
    expect(await listed(investigator)).toEqual([]);
    const direct = await get(investigator, `/api/cases/${id}`);
    expect(direct.statusCode).toBe(404);
    expect(direct.json()).toMatchObject({ error: { code: 'CASE_NOT_FOUND' } });
    expect((await get(investigator, `/api/cases/${id + 999}`)).json()).toEqual(direct.json());
    expect((await get(investigator, `/api/cases/${id}/history`)).statusCode).toBe(404);
    expect((await post(investigator, `/api/cases/${id}/notes`, { text: 'x' })).statusCode).toBe(
      404,
    );
    const reassign = await post(manager, `/api/cases/${id}/assign`, {
      investigatorId: investigator.userId,
    });
    expect(reassign.json()).toMatchObject({ error: { code: 'CASE_PERSON_EXCLUDED' } });
    // Managers too: an excluded manager does not see the case.
    await post(manager, `/api/cases/${id}/exclusions`, {
      userId: manager2.userId,
      reason: 'Family tie.',
    });
    expect(await listed(manager2)).toEqual([]);
    expect((await get(manager2, `/api/cases/${id}`)).statusCode).toBe(404);
    const self = await post(manager, `/api/cases/${id}/exclusions`, {
      userId: manager.userId,
      reason: 'Me me.',
    });
    expect(self.statusCode).toBe(409);
    // Lifting restores nothing by itself; the exclusion list is for managers.
    await post(manager, `/api/cases/${id}/exclusions`, { userId: investigator.userId, lift: true });
    expect(await listed(investigator)).toEqual([]);
    const detail = (await get(manager, `/api/cases/${id}`)).json() as { exclusions: unknown[] };
    expect(detail.exclusions).toHaveLength(1);
  });

  it('refuses admins on every case route and auditors on all but statistics', async () => {
    const id = await openCase();
    const admin = await loginAs(app, 'admin');
    const auditor = await loginAs(app, 'auditor');
    const routes: [string, string][] = [
      ['GET', '/api/cases'],
      ['GET', `/api/cases/${id}`],
      ['GET', `/api/cases/${id}/history`],
      ['GET', '/api/cases/reminders'],
      ['POST', '/api/cases'],
      ['POST', `/api/cases/${id}/notes`],
      ['POST', `/api/cases/${id}/assign`],
      ['POST', `/api/cases/${id}/reveal`],
      ['POST', `/api/cases/${id}/close-approval`],
    ];
    for (const [method, url] of routes) {
      for (const who of [admin, auditor]) {
        const r = await app.inject({
          method: method as 'GET',
          url,
          headers: who.headers,
          payload: method === 'POST' ? {} : undefined,
        });
        expect(r.statusCode, `${who.role} ${method} ${url}`).toBe(403);
      }
    }
    expect((await get(admin, '/api/cases/statistics')).statusCode).toBe(403);
    expect((await get(auditor, '/api/cases/statistics')).statusCode).toBe(200);
  });

  it('assigns only to investigators, and only managers assign', async () => {
    const id = await openCase();
    const toAnalyst = await post(manager, `/api/cases/${id}/assign`, {
      investigatorId: analyst.userId,
    });
    expect(toAnalyst.json()).toMatchObject({ error: { code: 'CASE_BAD_ASSIGNEE' } });
    await post(manager, `/api/cases/${id}/assign`, { investigatorId: investigator.userId });
    const byInvestigator = await post(investigator, `/api/cases/${id}/assign`, {
      investigatorId: colleague.userId,
    });
    expect(byInvestigator.statusCode).toBe(403);
  });

  it('lists the investigators a manager may assign, without those excluded from the case', async () => {
    const id = await openCase();
    const names = async (url: string) =>
      ((await get(manager, url)).json() as { people: { id: number; role: string }[] }).people;
    const assignees = await names('/api/cases/assignees');
    expect(assignees.map((p) => p.id).sort()).toEqual(
      [investigator.userId, colleague.userId].sort(),
    );
    await post(manager, `/api/cases/${id}/exclusions`, {
      userId: colleague.userId,
      reason: 'Cousin.',
    });
    expect((await names(`/api/cases/assignees?caseId=${id}`)).map((p) => p.id)).toEqual([
      investigator.userId,
    ]);
    const people = await names(`/api/cases/people?caseId=${id}`);
    expect(people.map((p) => p.role).sort()).toEqual([
      'analyst',
      'investigator',
      'manager',
      'manager',
    ]);
    expect((await get(investigator, '/api/cases/assignees')).statusCode).toBe(403);
    await post(manager, `/api/cases/${id}/exclusions`, {
      userId: manager2.userId,
      reason: 'Brother.',
    });
    expect((await get(manager2, `/api/cases/people?caseId=${id}`)).statusCode).toBe(404);
  });
});
