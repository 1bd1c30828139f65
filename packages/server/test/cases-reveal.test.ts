import { execute, queryRows } from '@probity/engine';
import type { Warehouse } from '@probity/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { verifyAuditChain } from '../src/audit/audit-trail.js';
import type { TestLogin } from './helpers/login-as.js';
import { loginAs } from './helpers/login-as.js';
import { casesApp, fixture } from './cases-fixture.js';

let app: ProbityApp;
let warehouse: Warehouse;
let close: () => Promise<void>;
let analyst: TestLogin;
let investigator: TestLogin;
let manager: TestLogin;

const justification = 'Interview scheduled; identity needed to summon the officer.';

beforeEach(async () => {
  ({ app, warehouse, close } = await casesApp());
  analyst = await loginAs(app, 'analyst');
  investigator = await loginAs(app, 'investigator');
  manager = await loginAs(app, 'manager');
});
afterEach(async () => close());

async function post(who: TestLogin, url: string, payload: object) {
  return app.inject({ method: 'POST', url, headers: who.headers, payload });
}
async function openAssigned(payload: object): Promise<number> {
  const r = await post(analyst, '/api/cases', payload);
  expect(r.statusCode, r.body).toBe(201);
  const id = (r.json() as { case: { id: number } }).case.id;
  await post(manager, `/api/cases/${id}/assign`, { investigatorId: investigator.userId });
  return id;
}
const officerCase = {
  title: 'Green-channel overrides',
  source: 'unit_flag',
  subject: { kind: 'officer', pseudonym: fixture.officerPseudonym },
};

interface Detail {
  evidence: {
    flags: { indicator: string; status: string; run: { run_id: string } }[];
    declarations: { declarationId: string; indicator: string; data: Record<string, unknown> }[];
  };
}

describe('reveal', () => {
  it("reveals the subject's real id to the assigned investigator, recorded without the id on the chain", async () => {
    const id = await openAssigned(officerCase);
    const r = await post(investigator, `/api/cases/${id}/reveal`, { justification });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      subjectKind: 'officer',
      ids: [{ kind: 'officer', pseudonym: fixture.officerPseudonym, id: fixture.officer }],
    });
    const stored = app.store.db.prepare('SELECT * FROM case_reveals').all() as Record<
      string,
      unknown
    >[];
    expect(stored).toEqual([
      expect.objectContaining({ case_id: id, user_id: investigator.userId, justification }),
    ]);
    const audit = app.store.db
      .prepare(
        "SELECT actor_id, target_type, target_id, details FROM audit_log WHERE action = 'reveal'",
      )
      .all() as { actor_id: number; target_type: string; target_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: investigator.userId,
      target_type: 'case',
      target_id: String(id),
    });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ subjectKind: 'officer' });
    expect(audit[0]?.details).not.toContain(fixture.officer);
    expect(audit[0]?.details).not.toContain('Interview');
    expect(verifyAuditChain(app.store.db)).toMatchObject({ ok: true });
  });

  it('reveals both ids of a pair case to a manager', async () => {
    const id = await openAssigned({
      title: 'Pair',
      source: 'pair',
      subject: {
        kind: 'pair',
        pseudonym: fixture.officerPseudonym,
        declarantPseudonym: fixture.declarantPseudonym,
      },
    });
    const r = await post(manager, `/api/cases/${id}/reveal`, { justification });
    expect((r.json() as { ids: { id: string }[] }).ids.map((i) => i.id)).toEqual([
      fixture.officer,
      fixture.declarant,
    ]);
  });

  it('refuses a short justification, analysts, granted colleagues and excluded people', async () => {
    const id = await openAssigned(officerCase);
    const short = await post(investigator, `/api/cases/${id}/reveal`, { justification: 'because' });
    expect(short.statusCode).toBe(400);
    const padded = await post(investigator, `/api/cases/${id}/reveal`, {
      justification: `${' '.repeat(19)}x`,
    });
    expect(padded.json()).toMatchObject({ error: { code: 'REVEAL_JUSTIFICATION_TOO_SHORT' } });
    expect((await post(analyst, `/api/cases/${id}/reveal`, { justification })).statusCode).toBe(
      403,
    );
    const colleague = await loginAs(app, 'investigator', { username: 'colleague' });
    await post(manager, `/api/cases/${id}/access`, { userId: colleague.userId });
    expect((await post(colleague, `/api/cases/${id}/reveal`, { justification })).statusCode).toBe(
      403,
    );
    await post(manager, `/api/cases/${id}/exclusions`, {
      userId: investigator.userId,
      reason: 'Conflict.',
    });
    expect(
      (await post(investigator, `/api/cases/${id}/reveal`, { justification })).statusCode,
    ).toBe(404);
    expect(app.store.db.prepare('SELECT count(*) AS n FROM case_reveals').get()).toEqual({ n: 0 });
  });
});

describe('frozen evidence', () => {
  it('keeps the flags and declarations of the opening even after the warehouse is reloaded', async () => {
    const id = await openAssigned(officerCase);
    const read = async () =>
      (
        await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: investigator.headers })
      ).json() as Detail;
    const before = await read();
    expect(before.evidence.flags.map((f) => [f.indicator, f.status, f.run.run_id])).toEqual([
      ['green_override', 'flagged', 'run-1'],
    ]);
    expect(before.evidence.declarations.map((d) => d.declarationId)).toEqual(['D-1', 'D-2']);
    // Person ids inside the declarations are pseudonyms.
    const d1 = before.evidence.declarations[0]?.data ?? {};
    expect(d1['officer_id']).toBe(fixture.officerPseudonym);
    expect(d1['declarant_id']).toBe(fixture.declarantPseudonym);
    expect(d1['channel_changed_by']).toBe(fixture.officerPseudonym);
    expect(JSON.stringify(before)).not.toContain(fixture.officer);

    // A new analysis run and a corrected load replace the warehouse tables.
    const c = warehouse.connection;
    await execute(c, "UPDATE analysis_flags SET status = 'clear'");
    await execute(c, 'DELETE FROM analysis_evidence');
    await execute(c, "UPDATE declarations SET declared_value = 1, final_channel = 'red'");
    await execute(c, "UPDATE analysis_runs SET run_id = 'run-2'");
    // The warehouse did change under the case: the reload is real.
    expect(
      await queryRows<{ v: number }>(
        c,
        'SELECT DISTINCT declared_value::DOUBLE AS v FROM declarations',
      ),
    ).toEqual([{ v: 1 }]);
    const after = await read();
    expect(after).toEqual(before);
    expect(after.evidence.declarations[0]?.data['declared_value']).toBe('1200.50');
  });

  it('freezes only the named indicator when the case is opened from one flag', async () => {
    const flagged = await openAssigned({ ...officerCase, indicator: 'green_override' });
    const clear = await openAssigned({ ...officerCase, indicator: 'release_time' });
    const read = async (id: number) =>
      (
        await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: manager.headers })
      ).json() as Detail;
    expect((await read(flagged)).evidence.declarations).toHaveLength(2);
    expect((await read(clear)).evidence).toMatchObject({ flags: [], declarations: [] });
  });

  it('freezes the pair row and the declarations of the pair', async () => {
    const id = await openAssigned({
      title: 'Pair',
      source: 'pair',
      subject: {
        kind: 'pair',
        pseudonym: fixture.officerPseudonym,
        declarantPseudonym: fixture.declarantPseudonym,
      },
    });
    const r = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}`,
      headers: manager.headers,
    });
    const body = r.json() as {
      evidence: { pairs: { lift: number }[]; declarations: { declarationId: string }[] };
    };
    expect(body.evidence.pairs).toMatchObject([{ lift: 6 }]);
    expect(body.evidence.declarations.map((d) => d.declarationId)).toEqual(['D-1', 'D-2', 'D-3']);
  });
});
