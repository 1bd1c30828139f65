import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnalysisReport } from '../../src/report/index.js';
import { fullDocument } from './report-fixture.js';

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `Skipping the report's browser test: ${chromiumPath} is absent (apt-get install chromium).`,
  );
}
const screenshots = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../test-results',
);

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'the HTML report in Chromium'
    : `the HTML report in Chromium (skipped: ${chromiumPath} is absent; apt-get install chromium)`,
  () => {
    let browser: Browser;
    let dir: string;
    let file: string;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'probity-report-'));
      file = path.join(dir, 'report.html');
      await writeFile(file, renderAnalysisReport(fullDocument()));
      await mkdir(screenshots, { recursive: true });
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    });

    afterAll(async () => {
      await browser?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('opens from disk without errors or network, draws the funnels, and switches to French', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));

      await page.goto(pathToFileURL(file).href);
      const en = page.locator('[data-lang="en"]');
      await expect
        .poll(() => en.locator('.plot svg').count())
        .toBe(await en.locator('[data-chart]').count());
      const funnels = await en.locator('[data-chart][aria-label^="Funnel plot"]').count();
      expect(funnels).toBe(2);
      // Two funnels of 31 units each: one dot per unit, with its hover title.
      expect(await en.locator('.plot svg title').count()).toBeGreaterThanOrEqual(62);
      expect(await en.locator('.plot svg title', { hasText: 'OFR-WATCH001' }).count()).toBe(1);
      expect(await page.locator('img, iframe').count()).toBe(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // Nothing, not even a long hostile id, pushes the page wider than the window.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      await page.screenshot({ path: path.join(screenshots, 'report-en.png'), fullPage: true });
      await page
        .locator('#funnels-en')
        .screenshot({ path: path.join(screenshots, 'report-funnels-en.png') });

      await en.locator('button[data-switch-to="fr"]').click();
      const fr = page.locator('[data-lang="fr"]');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await en.isHidden()).toBe(true);
      expect(await fr.isVisible()).toBe(true);
      await expect
        .poll(() => fr.locator('.plot svg').count())
        .toBe(await fr.locator('[data-chart]').count());
      expect(await fr.locator('h2', { hasText: 'Vue d’ensemble' }).count()).toBe(1);
      expect(await page.title()).toBe('Rapport d’intégrité et de performance');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      await page.screenshot({ path: path.join(screenshots, 'report-fr.png'), fullPage: true });

      expect(problems).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      await page.close();
    });
  },
);
