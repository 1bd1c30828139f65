import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type { ReportDetail, ReporterThread, ReportList } from '../src/api/reporting.js';
import { verifyAuditChain } from '../src/audit/audit-trail.js';
import {
  decryptAttachment,
  decryptMessage,
  decryptReportContent,
  encryptMessage,
  reporterReportKey,
} from '../../web/src/public/shared/report-crypto.js';
import { openReportKey } from '../../web/src/public/shared/recipient-crypto.js';
import { loginAs } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';
import {
  cheapProofOfWork,
  followUpToken,
  lookupKeyOf,
  makeRecipient,
  nativeArgon2id,
  solvedProof,
  submitReport,
} from './reporting-fixture.js';
import type { TestRecipient } from './reporting-fixture.js';

let app: ProbityApp;
let manager: TestRecipient;
let investigator: TestRecipient;

beforeEach(async () => {
  app = await testApp();
  cheapProofOfWork(app);
  manager = await makeRecipient(app, 'manager', 'mona');
  investigator = await makeRecipient(app, 'investigator', 'ivan', manager);
});
afterEach(async () => {
  await app.close();
});

const draft = {
  answers: { what: 'The officer at gate 3 asked for 200 dollars per container.' },
  locale: 'en',
  attachments: [{ name: 'photo.jpg', type: 'image/jpeg', data: new Uint8Array([9, 8, 7, 6]) }],
};

async function detail(who: TestRecipient, id: number) {
  return app.inject({ method: 'GET', url: `/api/reporting/reports/${id}`, headers: who.headers });
}

describe('reporting channel', () => {
  it('stores a submitted report that each chosen recipient decrypts, attachments included', async () => {
    const sent = await submitReport(app, draft);
    expect(sent.statusCode).toBe(201);
    expect(sent.reference).toMatch(/^R-[0-9A-Z]{8}$/);
    const list = (
      await app.inject({
        method: 'GET',
        url: '/api/reporting/reports',
        headers: investigator.headers,
      })
    ).json<ReportList>();
    expect(list.items).toHaveLength(1);
    const summary = list.items[0];
    if (!summary) throw new Error('no report');
    expect(summary.status).toBe('new');
    expect(summary.attachments).toBe(1);
    const d = (await detail(investigator, summary.id)).json<ReportDetail>();
    const key = await openReportKey(investigator.keyPair, d.sealedKey);
    const content = await decryptReportContent(key, d.content);
    expect(content.answers['what']).toContain('200 dollars');
    const file = await app.inject({
      method: 'GET',
      url: `/api/reporting/reports/${summary.id}/attachments/0`,
      headers: investigator.headers,
    });
    expect([...(await decryptAttachment(key, 0, file.json()))]).toEqual([9, 8, 7, 6]);
    expect(d.attachmentSizes).toEqual([4]);
  });

  it('computes the Directive clocks: acknowledgement in 7 days, feedback 3 months after it', async () => {
    await submitReport(app, draft);
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const received = new Date(r.receivedAt).getTime();
    expect(new Date(r.acknowledgementDueAt).getTime() - received).toBe(7 * 86_400_000);
    expect(r.acknowledgementOverdue).toBe(false);
    // Eight days on, the acknowledgement is overdue; a reminder lists it.
    app.store.db
      .prepare('UPDATE reports SET received_at = ? WHERE id = ?')
      .run(new Date(Date.now() - 8 * 86_400_000).toISOString(), r.id);
    const reminders = await app.inject({
      method: 'GET',
      url: '/api/reporting/reminders',
      headers: manager.headers,
    });
    expect(reminders.json()).toMatchObject({
      acknowledgement: { overdue: [{ id: r.id, reference: r.reference }], dueSoon: [] },
      feedback: { overdue: [], dueSoon: [] },
    });
    const d = (await detail(manager, r.id)).json<ReportDetail>();
    const key = await openReportKey(manager.keyPair, d.sealedKey);
    const ack = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/messages`,
      headers: manager.headers,
      payload: {
        kind: 'acknowledgement',
        message: await encryptMessage(key, 'recipient', 'Received.'),
      },
    });
    expect(ack.statusCode).toBe(201);
    const [after] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    expect(after?.status).toBe('acknowledged');
    const ackAt = new Date(after?.acknowledgedAt ?? '');
    const due = new Date(after?.feedbackDueAt ?? '');
    expect(due.getUTCMonth()).toBe((ackAt.getUTCMonth() + 3) % 12);
  });

  it('lets the reporter come back with the receipt, read the reply and answer, without a cookie', async () => {
    const sent = await submitReport(app, draft);
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const d = (await detail(manager, r.id)).json<ReportDetail>();
    const key = await openReportKey(manager.keyPair, d.sealedKey);
    await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/messages`,
      headers: manager.headers,
      payload: { message: await encryptMessage(key, 'recipient', 'Which terminal?') },
    });

    const login = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: await solvedProof(app),
      payload: { receiptKey: await lookupKeyOf(app, sent.receipt) },
    });
    expect(login.statusCode).toBe(201);
    expect(login.headers['set-cookie']).toBeUndefined();
    const token = login.json<{ token: string }>().token;
    const thread = (
      await app.inject({
        method: 'GET',
        url: '/api/public/reports/thread',
        headers: { 'x-report-session': token },
      })
    ).json<ReporterThread>();
    const reporterKey = await reporterReportKey(
      sent.receipt,
      thread.reporterKeyWrap,
      nativeArgon2id,
    );
    const [reply] = thread.messages;
    if (!reply) throw new Error('no reply');
    expect(await decryptMessage(reporterKey, 'recipient', reply)).toBe('Which terminal?');
    const answer = await app.inject({
      method: 'POST',
      url: '/api/public/reports/thread/messages',
      headers: { 'x-report-session': token },
      payload: { message: await encryptMessage(reporterKey, 'reporter', 'Terminal B.') },
    });
    expect(answer.statusCode).toBe(201);
    const again = (await detail(manager, r.id)).json<ReportDetail>();
    const last = again.thread.at(-1);
    if (!last) throw new Error('no answer');
    expect(last.author).toBe('reporter');
    expect(await decryptMessage(key, 'reporter', last)).toBe('Terminal B.');
    const noToken = await app.inject({ method: 'GET', url: '/api/public/reports/thread' });
    expect(noToken.statusCode).toBe(401);
  });

  it('hides a report from a recipient the reporter left out and from an excluded one (404)', async () => {
    const carl = await makeRecipient(app, 'investigator', 'carl', manager);
    await submitReport(app, draft, { leaveOut: [carl.userId] });
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    expect((await detail(carl, r.id)).statusCode).toBe(404);
    const excluded = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/exclusions`,
      headers: manager.headers,
      payload: { userId: investigator.userId, reason: 'Works at the office named.' },
    });
    expect(excluded.statusCode).toBe(200);
    expect((await detail(investigator, r.id)).statusCode).toBe(404);
    const theirList = await app.inject({
      method: 'GET',
      url: '/api/reporting/reports',
      headers: investigator.headers,
    });
    expect(theirList.json<ReportList>().items).toHaveLength(0);

    // Triage: the case carries both exclusions over, and no report text.
    const triage = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/triage`,
      headers: manager.headers,
      payload: {},
    });
    expect(triage.statusCode).toBe(201);
    const caseId = triage.json<{ caseId: number }>().caseId;
    const rows = app.store.db
      .prepare('SELECT user_id FROM case_exclusions WHERE case_id = ? ORDER BY user_id')
      .all(caseId) as { user_id: number }[];
    expect(rows.map((x) => x.user_id).sort()).toEqual([investigator.userId, carl.userId].sort());
    const title = app.store.db.prepare('SELECT title FROM cases WHERE id = ?').get(caseId) as {
      title: string;
    };
    expect(title.title).toBe(`Report ${r.reference}`);
    const caseForCarl = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: carl.headers,
    });
    expect(caseForCarl.statusCode).toBe(404);
  });

  it('leaves a recipient whose key awaits approval off the public form', async () => {
    const pending = await makeRecipient(app, 'investigator', 'paul');
    const form = await app.inject({ method: 'GET', url: '/api/public/report-form' });
    const offered = form.json<{ recipients: { id: number }[] }>().recipients.map((r) => r.id);
    // The active recipients are offered, so an empty or failed list cannot pass.
    expect(offered.sort()).toEqual([manager.userId, investigator.userId].sort());
    expect(offered).not.toContain(pending.userId);
  });

  it('closes with an outcome that sets the retention date, and deletes for real on the trail', async () => {
    await submitReport(app, draft);
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const close = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/status`,
      headers: manager.headers,
      payload: { status: 'closed', outcome: 'unfounded' },
    });
    expect(close.statusCode).toBe(200);
    const [closed] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    expect(new Date(closed?.deleteAfter ?? '').getTime() - Date.now()).toBeGreaterThan(
      89 * 86_400_000,
    );
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/reporting/reports/${r.id}`,
      headers: manager.headers,
    });
    expect(del.statusCode).toBe(200);
    const db = app.store.db;
    for (const table of ['reports', 'report_keys', 'report_attachments', 'report_messages']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    const entry = db
      .prepare("SELECT details FROM audit_log WHERE action = 'report.delete'")
      .get() as { details: string };
    expect(JSON.parse(entry.details)).toEqual({
      reason: 'manual',
      attachments: 1,
      messages: 0,
      outcome: 'unfounded',
    });
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('asks admins for the settings and refuses a proof of work that is wrong or reused', async () => {
    const admin = await loginAs(app, 'admin');
    const settings = await app.inject({
      method: 'GET',
      url: '/api/reporting/settings',
      headers: admin.headers,
    });
    expect(settings.json()).toMatchObject({ proofOfWorkBits: 8, submissionsPerHour: 120 });
    const forged = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: { 'x-report-proof': `${Buffer.alloc(41).toString('base64')}.1` },
      payload: { receiptKey: Buffer.alloc(32, 1).toString('base64') },
    });
    expect(forged.json()).toMatchObject({ error: { code: 'REPORT_PROOF_INVALID' } });
    const proof = await solvedProof(app);
    const key = Buffer.alloc(32, 1).toString('base64');
    const first = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: proof,
      payload: { receiptKey: key },
    });
    expect(first.statusCode).toBe(404);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: proof,
      payload: { receiptKey: key },
    });
    expect(reused.json()).toMatchObject({ error: { code: 'REPORT_PROOF_INVALID' } });
  });
});

describe('recipient keys', () => {
  it('activates only the first manager at once; a later manager waits for another manager', async () => {
    const second = await makeRecipient(app, 'manager', 'max');
    const mine = await app.inject({
      method: 'GET',
      url: '/api/reporting/keys/me',
      headers: second.headers,
    });
    expect(mine.json()).toMatchObject({ key: { status: 'pending' } });
    const self = await app.inject({
      method: 'POST',
      url: `/api/reporting/recipients/${second.userId}/status`,
      headers: second.headers,
      payload: { status: 'active' },
    });
    expect(self.statusCode).toBe(409);
    const approved = await app.inject({
      method: 'POST',
      url: `/api/reporting/recipients/${second.userId}/status`,
      headers: manager.headers,
      payload: { status: 'active' },
    });
    expect(approved.statusCode).toBe(200);
    const list = await app.inject({
      method: 'GET',
      url: '/api/reporting/recipients',
      headers: manager.headers,
    });
    expect(list.json<{ items: { userId: number; status: string }[] }>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: second.userId, status: 'active' }),
      ]),
    );
  });
});

describe('re-sealing and the questionnaire', () => {
  it('lets a manager seal a report to a recipient who joined later, not to one the reporter left out', async () => {
    const { openReport, sealKeyFor } =
      await import('../../web/src/public/shared/recipient-inbox.js');
    await submitReport(app, draft, { leaveOut: [investigator.userId] });
    const nina = await makeRecipient(app, 'investigator', 'nina', manager);
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const opened = await openReport(
      manager.keyPair,
      (await detail(manager, r.id)).json<ReportDetail>(),
    );
    const keyOf = async (who: TestRecipient) =>
      sealKeyFor(opened, Buffer.from(who.keyPair.publicKey).toString('base64'));
    const forIvan = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/keys`,
      headers: manager.headers,
      payload: { recipientId: investigator.userId, sealedKey: await keyOf(investigator) },
    });
    expect(forIvan.json()).toMatchObject({ error: { code: 'REPORT_RESEAL_REFUSED' } });
    const forNina = await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/keys`,
      headers: manager.headers,
      payload: { recipientId: nina.userId, sealedKey: await keyOf(nina) },
    });
    expect(forNina.statusCode).toBe(201);
    const theirs = (await detail(nina, r.id)).json<ReportDetail>();
    const content = await decryptReportContent(
      await openReportKey(nina.keyPair, theirs.sealedKey),
      theirs.content,
    );
    expect(content.answers['what']).toContain('200 dollars');
  });

  it('serves the questionnaire an admin sets, and the default one again after a reset', async () => {
    const admin = await loginAs(app, 'admin');
    const question = {
      id: 'what',
      kind: 'textarea',
      required: true,
      label: { en: 'Tell us', fr: 'Racontez' },
      help: { en: '', fr: '' },
    };
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/reporting/questionnaire',
      headers: admin.headers,
      payload: { questions: [question, question] },
    });
    expect(bad.json()).toMatchObject({ error: { code: 'REPORT_BAD_QUESTIONNAIRE' } });
    const set = await app.inject({
      method: 'PUT',
      url: '/api/reporting/questionnaire',
      headers: admin.headers,
      payload: { questions: [question] },
    });
    expect(set.statusCode).toBe(200);
    const form = await app.inject({ method: 'GET', url: '/api/public/report-form' });
    expect(form.json<{ questions: unknown[] }>().questions).toEqual([question]);
    await app.inject({
      method: 'PUT',
      url: '/api/reporting/questionnaire',
      headers: admin.headers,
      payload: { questions: null },
    });
    const again = await app.inject({ method: 'GET', url: '/api/public/report-form' });
    expect(again.json<{ questions: { id: string }[] }>().questions.map((q) => q.id)).toEqual([
      'what',
      'office',
      'when',
      'who',
      'amount',
      'details',
    ]);
  });
});

describe('attachment limits', () => {
  it('accepts an attachment of 10 MB and refuses a sixth attachment', async () => {
    const big = new Uint8Array(10 * 1_048_576).fill(42);
    const sent = await submitReport(app, {
      answers: { what: 'large file' },
      locale: 'en',
      attachments: [{ name: 'scan.pdf', type: 'application/pdf', data: big }],
    });
    expect(sent.statusCode).toBe(201);
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: `f${i}.txt`,
      type: 'text/plain',
      data: new Uint8Array([i]),
    }));
    const refused = await submitReport(app, {
      answers: { what: 'too many' },
      locale: 'en',
      attachments: six,
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('a returning reporter adding files', () => {
  it('stores files added to the thread after the report’s own, which recipients decrypt', async () => {
    const { encryptReporterMessage } = await import('../../web/src/public/shared/report-crypto.js');
    const { openReport, openAttachment } =
      await import('../../web/src/public/shared/recipient-inbox.js');
    const sent = await submitReport(app, draft);
    const token = await followUpToken(app, sent.receipt);
    const thread = (
      await app.inject({
        method: 'GET',
        url: '/api/public/reports/thread',
        headers: { 'x-report-session': token },
      })
    ).json<ReporterThread>();
    expect(thread.attachmentCount).toBe(1);
    const reporterKey = await reporterReportKey(
      sent.receipt,
      thread.reporterKeyWrap,
      nativeArgon2id,
    );
    const file = { name: 'receipt.png', type: 'image/png', data: new Uint8Array([1, 2, 3]) };
    const stale = await encryptReporterMessage(reporterKey, 'Another photo.', [file], 0);
    const conflict = await app.inject({
      method: 'POST',
      url: '/api/public/reports/thread/messages',
      headers: { 'x-report-session': token },
      payload: stale,
    });
    expect(conflict.json()).toMatchObject({ error: { code: 'REPORT_ATTACHMENT_CONFLICT' } });
    const body = await encryptReporterMessage(
      reporterKey,
      'Another photo.',
      [file],
      thread.attachmentCount,
    );
    const posted = await app.inject({
      method: 'POST',
      url: '/api/public/reports/thread/messages',
      headers: { 'x-report-session': token },
      payload: body,
    });
    expect(posted.statusCode).toBe(201);

    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    expect(r.attachments).toBe(2);
    const opened = await openReport(
      manager.keyPair,
      (await detail(manager, r.id)).json<ReportDetail>(),
    );
    const message = opened.thread.at(-1);
    expect(message?.text).toBe('Another photo.');
    expect(message?.attachments).toEqual([
      { position: 1, name: 'receipt.png', type: 'image/png', size: 3 },
    ]);
    const stored = await app.inject({
      method: 'GET',
      url: `/api/reporting/reports/${r.id}/attachments/1`,
      headers: manager.headers,
    });
    expect([...(await openAttachment(opened, 1, stored.json()))]).toEqual([1, 2, 3]);
  });
});
