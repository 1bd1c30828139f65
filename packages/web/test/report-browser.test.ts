/**
 * The public report page in Chromium against the real server: a report written in the page,
 * encrypted there (the browser's libsodium and argon2id), read by a recipient in Node, answered,
 * and the answer read back on the follow-up page with the receipt. The page loads nothing from
 * another origin and breaks no Content-Security-Policy rule.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import type { ProbityApp } from '../../server/src/app.js';
import type { ReportDetail, ReportList } from '../../server/src/api/reporting.js';
import { serverConfig } from '../../server/src/config.js';
import { openStore } from '../../server/src/store/database.js';
import { cheapProofOfWork, makeRecipient } from '../../server/test/reporting-fixture.js';
import type { TestRecipient } from '../../server/test/reporting-fixture.js';
import { decryptReportContent, encryptMessage } from '../src/public/shared/report-crypto.js';
import { openReportKey } from '../src/public/shared/recipient-crypto.js';
import { openReport } from '../src/public/shared/recipient-inbox.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repoRoot = path.resolve(webDir, '../..');

let dir: string;
let app: ProbityApp;
let browser: Browser;
let base: string;
let manager: TestRecipient;

/** Serious and critical axe-core violations on the page (run outside the page's CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(
    await readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'),
  );
  const result = (await page.evaluate('axe.run({ resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string | null; help: string }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-report-page-'));
  const out = path.join(dir, 'dist');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'],
    {
      cwd: webDir,
      stdio: 'pipe',
    },
  );
  const store = openStore(':memory:');
  app = await buildApp(
    serverConfig({
      stateFile: ':memory:',
      pseudonymKey: 'probity-demo-pseudonym-key',
      cookieSecure: false,
      webRoot: out,
      port: 0,
    }),
    { store, warehouse: null },
  );
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  cheapProofOfWork(app, 10);
  manager = await makeRecipient(app, 'manager', 'mona');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the public report page in Chromium', () => {
  it('encrypts a report in the page that a recipient decrypts, and shows the reply to the receipt', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    const origins = new Set<string>();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => origins.add(new URL(r.url()).origin));

    await page.goto(`${base}/report`);
    await page.waitForSelector('#q-what');
    expect(await page.locator('h1').textContent()).toContain('Signaler');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#q-what', 'Le chef de poste demande 300 euros par camion.');
    await page.fill('#q-office', 'Bureau du port');
    await page.setInputFiles('#attachments', {
      name: 'note.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('preuve jointe'),
    });
    await page.click('button[type=submit]');
    const receiptText = await page.locator('.receipt').textContent({ timeout: 60_000 });
    const receipt = (receiptText ?? '').replace(/\s/g, '');
    expect(receipt).toMatch(/^\d{20}$/);

    // The recipient reads it in Node with their private key, and answers.
    const [r] = (
      await app.inject({ method: 'GET', url: '/api/reporting/reports', headers: manager.headers })
    ).json<ReportList>().items;
    if (!r) throw new Error('no report stored');
    const d = (
      await app.inject({
        method: 'GET',
        url: `/api/reporting/reports/${r.id}`,
        headers: manager.headers,
      })
    ).json<ReportDetail>();
    const key = await openReportKey(manager.keyPair, d.sealedKey);
    const content = await decryptReportContent(key, d.content);
    expect(content.answers).toMatchObject({
      what: 'Le chef de poste demande 300 euros par camion.',
      office: 'Bureau du port',
    });
    expect(content.locale).toBe('fr');
    expect(content.attachments).toEqual([{ name: 'note.txt', type: 'text/plain', size: 13 }]);
    await app.inject({
      method: 'POST',
      url: `/api/reporting/reports/${r.id}/messages`,
      headers: manager.headers,
      payload: {
        kind: 'acknowledgement',
        message: await encryptMessage(key, 'recipient', 'Bien reçu, merci.'),
      },
    });

    // The reporter comes back with the receipt.
    await page.goto(`${base}/report/follow-up`);
    await page.fill('#receipt', receiptText ?? '');
    await page.click('button[type=submit]');
    await page.waitForSelector('.thread', { timeout: 60_000 });
    expect(await page.locator('dt').first().textContent()).toBe('Que s’est-il passé ?');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('.thread .text').first().textContent()).toBe('Bien reçu, merci.');
    await page.fill('#reply', 'Il était là mardi.');
    await page.setInputFiles('#reply-files', {
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([137, 80, 78, 71]),
    });
    await page.click('button[type=submit]');
    await page.waitForSelector('.thread li.reporter', { timeout: 30_000 });
    expect(await page.locator('.thread li.reporter .meta').last().textContent()).toContain(
      'photo.png',
    );
    const after = (
      await app.inject({
        method: 'GET',
        url: `/api/reporting/reports/${r.id}`,
        headers: manager.headers,
      })
    ).json<ReportDetail>();
    const opened = await openReport(manager.keyPair, after);
    expect(opened.thread.at(-1)).toMatchObject({
      text: 'Il était là mardi.',
      attachments: [{ position: 1, name: 'photo.png', type: 'image/png', size: 4 }],
    });

    expect(problems).toEqual([]);
    expect([...origins]).toEqual([base]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 120_000);
});
