/**
 * The public survey and transparency pages in Chromium against the real server (built web app,
 * analysed demo warehouse): a respondent answers with the keyboard and the mouse, switches to
 * French without losing answers, sends, and sees the thanks page; a wrong link and a closed round
 * get their messages; the transparency page shows the published release times. No cookie, no
 * other origin, no CSP violation, no serious axe-core finding. Screenshots go to test-results/web.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import type { ProbityApp } from '../../server/src/app.js';
import { serverConfig } from '../../server/src/config.js';
import { openStore } from '../../server/src/store/database.js';
import { analyticsFixture } from '../../server/test/analytics-fixture.js';
import type { AnalyticsFixture } from '../../server/test/analytics-fixture.js';
import { loginAs } from '../../server/test/helpers/login-as.js';
import type { TestLogin } from '../../server/test/helpers/login-as.js';
import { closeRound, openRound } from '../../server/test/surveys-fixture.js';
import { axeViolations } from './browser-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repoRoot = path.resolve(webDir, '../..');
const shots = path.join(repoRoot, 'test-results', 'web');

let dir: string;
let fx: AnalyticsFixture;
let app: ProbityApp;
let browser: Browser;
let base: string;
let manager: TestLogin;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-survey-page-'));
  await mkdir(shots, { recursive: true });
  const out = path.join(dir, 'dist');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    // Into a private folder; --bypass-lock: Vite refuses a second build of the project while
    // another runs (another browser test in a parallel worker), which cannot clash with this one.
    [vite, 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'],
    { cwd: webDir, stdio: 'pipe' },
  );
  fx = await analyticsFixture(3000);
  const store = openStore(':memory:');
  app = await buildApp(
    serverConfig({
      stateFile: ':memory:',
      pseudonymKey: 'probity-demo-pseudonym-key',
      cookieSecure: false,
      webRoot: out,
      port: 0,
    }),
    { store, warehouse: fx.warehouse },
  );
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  manager = await loginAs(app, 'manager');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await fx?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A page that records console errors (CSP violations among them) and the origins it calls. */
async function watchedPage(locale: string) {
  const context: BrowserContext = await browser.newContext({ locale });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  const origins = new Set<string>();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  return { context, page, problems, origins };
}

describe('the public survey page in Chromium', () => {
  it('takes an anonymous answer by keyboard and mouse, in English then French, and thanks', async () => {
    const { round, token } = await openRound(app, manager, { title: 'Trade survey 2026' });
    const { context, page, problems, origins } = await watchedPage('en-GB');
    const response = await page.goto(`${base}/survey/${token}`);
    // The page's own strict policy: no inline style or script, nothing from elsewhere.
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.getByRole('heading', { name: 'Trade survey 2026' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(10);

    // Mouse: a labelled radio in the group named by its statement.
    const first = page.getByRole('group', {
      name: 'The heads of Customs show clearly that they will not tolerate corruption.',
    });
    await first.getByRole('radio', { name: 'Strongly agree' }).check();
    // Keyboard: tab to the next statement's radios, then arrow keys move the choice.
    const second = page.getByRole('group', {
      name: 'Senior officials act on integrity problems reported to them.',
    });
    await second.getByRole('radio', { name: 'Strongly disagree' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(
      await second.getByRole('radio', { name: 'Neither agree nor disagree' }).isChecked(),
    ).toBe(true);
    await page.getByRole('radio', { name: 'Customs broker' }).check();
    await page.getByLabel('Comments on “Automation” (optional)').fill('The portal is often down.');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(shots, 'survey-form-en.png'), fullPage: false });

    // French: same answers, French wording.
    await page.getByRole('button', { name: 'Français' }).click();
    const firstFr = page.getByRole('group', {
      name: 'Les dirigeants de la douane montrent clairement qu’ils ne tolèrent pas la corruption.',
    });
    expect(await firstFr.getByRole('radio', { name: 'Tout à fait d’accord' }).isChecked()).toBe(
      true,
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await firstFr.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'survey-form-fr.png'), fullPage: false });

    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByRole('heading', { name: 'Merci' }).waitFor();
    expect(
      await page.getByText('Vos réponses ont été enregistrées de façon anonyme.').count(),
    ).toBe(1);
    await page.screenshot({ path: path.join(shots, 'survey-thanks-fr.png') });

    const rows = app.store.db
      .prepare('SELECT profile_group, items, comments FROM survey_answers WHERE round_id = ?')
      .all(round.id) as { profile_group: string; items: string; comments: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.profile_group).toBe('broker');
    expect(JSON.parse(rows[0]?.items ?? '{}')).toEqual({
      'ps.leadership.1': 5,
      'ps.leadership.2': 3,
    });
    expect(JSON.parse(rows[0]?.comments ?? '{}')).toEqual({
      automation: 'The portal is often down.',
    });
    expect(problems).toEqual([]);
    expect([...origins]).toEqual([base]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 120_000);

  it('says so when the link is wrong and when the round is closed', async () => {
    const { context, page, problems } = await watchedPage('en-GB');
    await page.goto(`${base}/survey/not-a-real-token`);
    await page.getByText('This survey link is not valid.').waitFor();
    const { round, token } = await openRound(app, manager);
    await closeRound(app, manager, round.id);
    await page.goto(`${base}/survey/${token}`);
    await page.getByRole('heading', { name: 'This survey is closed' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'survey-closed-en.png') });
    // The 404 of the wrong link is the only console error expected.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  }, 60_000);

  it('asks for the invitation code from the link’s fragment in an invitation round', async () => {
    const { round, token } = await openRound(app, manager, { accessMode: 'invitation' });
    const issued = await app.inject({
      method: 'POST',
      url: `/api/surveys/rounds/${round.id}/invitations`,
      headers: manager.headers,
      payload: { count: 1 },
    });
    const [code] = issued.json<{ codes: string[] }>().codes;
    const { context, page } = await watchedPage('en-GB');
    await page.goto(`${base}/survey/${token}#code=${code ?? ''}`);
    expect(await page.getByLabel('Invitation code').inputValue()).toBe(code);
    await page
      .getByRole('group', { name: 'Officials are competent and know the procedures they apply.' })
      .getByRole('radio', { name: 'Agree', exact: true })
      .check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await context.close();
  }, 60_000);
});

describe('the transparency page in Chromium', () => {
  it('shows release times by office and channel, how to report and what happens next', async () => {
    const { context, page, problems, origins } = await watchedPage('en-GB');
    await app.inject({
      method: 'PUT',
      url: '/api/transparency/texts',
      headers: manager.headers,
      payload: {
        intro: null,
        notice: { en: 'Integrity helpline: 0800 000 000.', fr: 'Ligne intégrité : 0800 000 000.' },
      },
    });
    const response = await page.goto(`${base}/transparency`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self';");
    await page.getByRole('heading', { name: 'Release times by office and channel' }).waitFor();
    await page.getByRole('rowheader', { name: 'All offices' }).waitFor();
    expect(await page.getByRole('columnheader').count()).toBeGreaterThan(2);
    expect(
      await page.getByRole('link', { name: 'Report an integrity concern' }).getAttribute('href'),
    ).toBe('/report');
    expect(await page.getByText('Integrity helpline: 0800 000 000.').count()).toBe(1);
    expect(await page.getByText('within 7 days').count()).toBe(1);
    expect(await page.getByText('within 3 months').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'transparency-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('rowheader', { name: 'Tous les bureaux' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'transparency-fr.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect([...origins]).toEqual([base]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 60_000);
});
