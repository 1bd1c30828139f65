import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import { buildApp } from '../src/app.js';
import type { ReportDetail, ReportList } from '../src/api/reporting.js';
import { serverConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { encryptMessage } from '../../web/src/public/shared/report-crypto.js';
import { openReportKey } from '../../web/src/public/shared/recipient-crypto.js';
import { testApp } from './helpers/test-app.js';
import {
  cheapProofOfWork,
  followUpToken,
  lookupKeyOf,
  makeRecipient,
  solvedProof,
  submitReport,
} from './reporting-fixture.js';

const secretText = 'Inspector Zebulon Quartermaine took 4711 euros at the Tilbury gate';
const secretFile = 'FILE-CONTENT-marmalade-ledger-9931';
const dirs: string[] = [];
let app: ProbityApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'probity-reporting-'));
  dirs.push(d);
  return d;
}

/** Every byte of the state file and its WAL and shared-memory files. */
function stateBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => ['state.sqlite', 'state.sqlite-wal', 'state.sqlite-shm'].includes(f))
      .map((f) => readFileSync(path.join(dir, f))),
  );
}

async function fileApp(dir: string, extra: Parameters<typeof serverConfig>[0] | object = {}) {
  const config = serverConfig({
    stateFile: path.join(dir, 'state.sqlite'),
    pseudonymKey: 'probity-demo-pseudonym-key',
    cookieSecure: false,
    ...extra,
  });
  const store = openStore(config.stateFile);
  const lines: string[] = [];
  const built = await buildApp(config, {
    warehouse: null,
    store,
    logStream: { write: (line: string) => void lines.push(line) },
  });
  built.addHook('onClose', async () => store.close());
  await built.ready();
  return { app: built, lines };
}

describe('reporting channel privacy', () => {
  it('stores no plaintext of a report, its attachment or its thread in the state files', async () => {
    const dir = tempDir();
    ({ app } = await fileApp(dir));
    cheapProofOfWork(app);
    const manager = await makeRecipient(app, 'manager', 'mona');
    const sent = await submitReport(app, {
      answers: { what: secretText, who: 'Zebulon Quartermaine' },
      locale: 'en',
      attachments: [
        { name: 'quartermaine-bribe.pdf', type: 'application/pdf', data: Buffer.from(secretFile) },
      ],
    });
    expect(sent.statusCode).toBe(201);
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const d = (
      await app.inject({
        method: 'GET',
        url: `/api/reporting/reports/${r.id}`,
        headers: manager.headers,
      })
    ).json<ReportDetail>();
    const key = await openReportKey(manager.keyPair, d.sealedKey);
    await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/messages`,
      headers: manager.headers,
      payload: { message: await encryptMessage(key, 'recipient', 'Dear Quartermaine witness') },
    });
    const lookupKey = await lookupKeyOf(app, sent.receipt);
    await app.close();
    app = undefined;

    const bytes = stateBytes(dir);
    // The scan would find the report's reference: it reads the real files.
    expect(bytes.includes(Buffer.from(sent.reference))).toBe(true);
    for (const needle of [
      'Quartermaine',
      'Zebulon',
      '4711 euros',
      'marmalade',
      'quartermaine-bribe',
      sent.receipt,
    ]) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false);
    }
    // Not even the receipt's lookup key: only its keyed hash.
    expect(bytes.includes(Buffer.from(lookupKey, 'base64'))).toBe(false);
    expect(bytes.includes(Buffer.from(lookupKey))).toBe(false);
    // The lookup hashes' key lives beside the database, readable by the server's user only.
    const pepperFile = path.join(dir, 'state.sqlite.receipt-pepper');
    expect(statSync(pepperFile).mode & 0o777).toBe(0o600);
    expect(bytes.includes(readFileSync(pepperFile))).toBe(false);
  });

  it('leaves no ciphertext of a deleted report in the state files', async () => {
    const dir = tempDir();
    ({ app } = await fileApp(dir));
    cheapProofOfWork(app);
    const manager = await makeRecipient(app, 'manager', 'mona');
    await submitReport(app, {
      answers: { what: secretText },
      locale: 'en',
      attachments: [{ name: 'a.pdf', type: 'application/pdf', data: Buffer.alloc(4096, 7) }],
    });
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report');
    const file = await app.inject({
      method: 'GET',
      url: `/api/reporting/reports/${r.id}/attachments/0`,
      headers: manager.headers,
    });
    const ciphertext = Buffer.from(file.json<{ ciphertext: string }>().ciphertext, 'base64');
    const probe = ciphertext.subarray(100, 164);
    expect(stateBytes(dir).includes(probe)).toBe(true);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/reporting/reports/${r.id}`,
      headers: manager.headers,
    });
    expect(del.statusCode).toBe(200);
    await app.close();
    app = undefined;
    expect(stateBytes(dir).includes(probe)).toBe(false);
  });

  it('writes no IP address or user agent of a submission or a follow-up to the log', async () => {
    const dir = tempDir();
    const web = path.join(dir, 'web');
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>w</title>');
    writeFileSync(path.join(web, 'report.html'), '<!doctype html><title>r</title>');
    writeFileSync(path.join(web, 'assets', 'report.js'), 'export {};');
    const built = await fileApp(dir, { logLevel: 'trace', webRoot: web });
    app = built.app;
    cheapProofOfWork(app);
    await makeRecipient(app, 'manager', 'mona');
    const who = {
      'user-agent': 'Mozilla/5.0 (Reporter-Agent-7734)',
      'x-forwarded-for': '203.0.113.77',
    };
    const remoteAddress = '198.51.100.23';
    const page = await app.inject({ method: 'GET', url: '/report', headers: who, remoteAddress });
    expect(page.statusCode).toBe(200);
    const asset = await app.inject({
      method: 'GET',
      url: '/assets/report.js',
      headers: who,
      remoteAddress,
    });
    expect(asset.statusCode).toBe(200);
    const form = await app.inject({
      method: 'GET',
      url: '/api/public/report-form',
      headers: who,
      remoteAddress,
    });
    expect(form.statusCode).toBe(200);
    const sent = await submitReport(
      app,
      { answers: { what: 'x' }, locale: 'fr', attachments: [] },
      { headers: who },
    );
    expect(sent.statusCode).toBe(201);
    const followUp = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: { ...who, ...(await solvedProof(app)) },
      remoteAddress,
      payload: { receiptKey: await lookupKeyOf(app, sent.receipt) },
    });
    expect(followUp.statusCode).toBe(201);
    const log = built.lines.join('');
    for (const needle of ['Reporter-Agent-7734', '203.0.113.77', remoteAddress, sent.receipt]) {
      expect(log.includes(needle), needle).toBe(false);
    }
    // The check can fail: a workspace route does log the caller's address.
    await app.inject({ method: 'GET', url: '/api/health', headers: who, remoteAddress });
    expect(built.lines.join('')).toContain(remoteAddress);
  });

  it('serves the report page with a strict policy, no referrer and no cookie', async () => {
    const dir = tempDir();
    const web = path.join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(web, 'report.html'), '<!doctype html><title>r</title>');
    app = await testApp({ webRoot: web });
    for (const url of ['/report', '/report/follow-up', '/report/', '/report/follow-up/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>r</title>');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('reporting channel abuse resistance', () => {
  it('throttles receipt guessing globally, then refuses even the right receipt, revealing nothing', async () => {
    app = await testApp();
    cheapProofOfWork(app);
    app.store.db.prepare('UPDATE reporting_config SET follow_up_failures_per_minute = 3').run();
    await makeRecipient(app, 'manager', 'mona');
    const sent = await submitReport(app, { answers: { what: 'x' }, locale: 'en', attachments: [] });
    const rightKey = await lookupKeyOf(app, sent.receipt);
    const near = sent.receipt.replace(/^./, (d) => String((Number(d) + 1) % 10));
    const wrongKeys = [
      await lookupKeyOf(app, near),
      Buffer.alloc(32, 5).toString('base64'),
      await lookupKeyOf(app, '0000000000000000'),
    ];
    const answers: string[] = [];
    for (const receiptKey of wrongKeys) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/reports/follow-up',
        headers: await solvedProof(app),
        payload: { receiptKey },
      });
      expect(res.statusCode).toBe(404);
      answers.push(res.body);
    }
    // A near miss, a random key and another receipt get the very same answer.
    expect(new Set(answers).size).toBe(1);
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/public/reports/follow-up',
      headers: await solvedProof(app),
      payload: { receiptKey: rightKey },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'REPORT_FOLLOW_UP_THROTTLED' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('says clearly when the channel’s hourly budget of reports is spent', async () => {
    app = await testApp();
    cheapProofOfWork(app);
    app.store.db.prepare('UPDATE reporting_config SET submissions_per_hour = 2').run();
    await makeRecipient(app, 'manager', 'mona');
    const draft = { answers: { what: 'x' }, locale: 'en', attachments: [] };
    expect((await submitReport(app, draft)).statusCode).toBe(201);
    expect((await submitReport(app, draft)).statusCode).toBe(201);
    const third = await submitReport(app, draft);
    expect(third.statusCode).toBe(429);
    expect(JSON.parse(third.body)).toMatchObject({ error: { code: 'REPORT_CHANNEL_BUSY' } });
  });

  it('refuses a submission without a valid proof of work', async () => {
    app = await testApp();
    await makeRecipient(app, 'manager', 'mona');
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      headers: { 'x-report-proof': `${Buffer.alloc(41).toString('base64')}.1` },
      payload: {
        receiptKey: Buffer.alloc(32).toString('base64'),
        reporterKeyWrap: { nonce: Buffer.alloc(24).toString('base64'), ciphertext: 'AAAA' },
        content: { nonce: Buffer.alloc(24).toString('base64'), ciphertext: 'AAAA' },
        sealedKeys: [{ recipientId: 1, sealedKey: 'AAAA' }],
        attachments: [],
      },
    });
    expect(res.json()).toMatchObject({ error: { code: 'REPORT_PROOF_INVALID' } });
    // A challenge from the server, but the nonce not solved: refused before the body is read.
    const issued = await app.inject({ method: 'POST', url: '/api/public/report-challenges' });
    const { challenge } = issued.json<{ challenge: string }>();
    app.store.db.prepare('UPDATE reporting_config SET pow_difficulty = 24').run();
    const unsolved = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      headers: { 'x-report-proof': `${challenge}.0`, 'content-type': 'application/json' },
      payload: '{"this is": not even JSON',
    });
    expect(unsolved.json()).toMatchObject({ error: { code: 'REPORT_PROOF_INVALID' } });
  });
});

describe('a wrong receipt reveals nothing', () => {
  it('answers a deleted report’s receipt as any wrong one, in about the same time as a right one', async () => {
    app = await testApp();
    cheapProofOfWork(app, 0);
    app.store.db.prepare('UPDATE reporting_config SET follow_up_failures_per_minute = 10000').run();
    const manager = await makeRecipient(app, 'manager', 'mona');
    const draft = { answers: { what: 'x' }, locale: 'en', attachments: [] };
    const kept = await submitReport(app, draft);
    const gone = await submitReport(app, draft);
    const [newest] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    expect(newest?.reference).toBe(gone.reference);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/reporting/reports/${newest?.id ?? 0}`,
      headers: manager.headers,
    });
    expect(removed.statusCode).toBe(200);
    const attempt = async (receiptKey: string) => {
      const headers = await solvedProof(app as ProbityApp);
      const t0 = performance.now();
      const res = await (app as ProbityApp).inject({
        method: 'POST',
        url: '/api/public/reports/follow-up',
        headers,
        payload: { receiptKey },
      });
      return { ms: performance.now() - t0, status: res.statusCode, body: res.body };
    };
    const goneKey = await lookupKeyOf(app, gone.receipt);
    const randomKey = Buffer.alloc(32, 9).toString('base64');
    const deleted = await attempt(goneKey);
    const random = await attempt(randomKey);
    expect(deleted.status).toBe(404);
    expect(deleted.body).toBe(random.body);

    const rightKey = await lookupKeyOf(app, kept.receipt);
    // The timing below compares a found receipt with a wrong one, not two misses.
    expect((await attempt(rightKey)).status).toBe(201);
    const right: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      right.push((await attempt(rightKey)).ms);
      wrong.push((await attempt(randomKey)).ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Both paths are one HMAC and one indexed lookup: no slow path (an argon2id, say, at
    // 100 ms) gives a right receipt away. The bound leaves room for a loaded test machine.
    expect(Math.abs(median(right) - median(wrong))).toBeLessThan(10);
  });
});

describe('a returning reporter', () => {
  it('may send 20 messages an hour on a report, not more', async () => {
    app = await testApp();
    cheapProofOfWork(app);
    await makeRecipient(app, 'manager', 'mona');
    const sent = await submitReport(app, { answers: { what: 'x' }, locale: 'en', attachments: [] });
    const token = await followUpToken(app, sent.receipt);
    const message = {
      nonce: Buffer.alloc(24).toString('base64'),
      ciphertext: Buffer.alloc(40).toString('base64'),
    };
    const post = () =>
      (app as ProbityApp).inject({
        method: 'POST',
        url: '/api/public/reports/thread/messages',
        headers: { 'x-report-session': token },
        payload: { message },
      });
    for (let i = 0; i < 20; i += 1) expect((await post()).statusCode).toBe(201);
    const refused = await post();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'REPORT_CHANNEL_BUSY' } });
  });
});
