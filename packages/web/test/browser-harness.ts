/**
 * Harness of the browser tests: a small analysed demo warehouse, the real
 * server (buildApp) on a random port serving the freshly built web app, users
 * created in its store, and Debian's Chromium driven by playwright-core.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeWarehouse,
  defaultAnalysisConfig,
  generateDemo,
  loadDataset,
  openWarehouse,
  standardExtensions,
} from '@probity/engine';
import { generate } from 'otplib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/src/app.js';
import type { ProbityApp } from '../../server/src/app.js';
import { serverConfig } from '../../server/src/config.js';
import { hashPassword } from '../../server/src/auth/password-hash.js';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../server/src/auth/totp-secrets.js';
import { newTotpSecret } from '../../server/src/auth/totp.js';
import { insertUser } from '../../server/src/auth/users.js';
import type { Role } from '../../server/src/access/roles.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The web package folder. */
export const webDir = path.resolve(here, '..');
const repoRoot = path.resolve(webDir, '../..');
/** Where screenshots go (a test artefact). */
export const screenshotDir = path.join(repoRoot, 'test-results', 'web');
/** The pseudonym key the demo analysis uses (analysis-config.ts default). */
const demoPseudonymKey = 'probity-demo-pseudonym-key';
/** Password of every test account. */
export const password = 'a long and unusual test passphrase 7';

/** A person of the test administration. */
export interface Person {
  username: string;
  displayName: string;
  role: Role;
  /** TOTP secret when enrolled beforehand; null: the person enrols in the browser. */
  secret: string | null;
  /** Password when not the shared test one (a temporary password from the admin). */
  password?: string;
}

/** Everything a browser test needs. */
export interface Harness {
  app: ProbityApp;
  baseUrl: string;
  browser: Browser;
  people: Record<string, Person>;
  close(): Promise<void>;
}

/**
 * Builds the web app from the current sources into a private folder (not
 * packages/web/dist, which other test files may be serving at the same time).
 */
async function buildWebApp(outDir: string): Promise<void> {
  await build({
    root: webDir,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

/** Generates, loads and analyses a small demo administration into a DuckDB file. */
async function demoWarehouse(dir: string, declarations: number): Promise<string> {
  const data = path.join(dir, 'data');
  const file = path.join(dir, 'warehouse.duckdb');
  await generateDemo({ dir: data, declarations, seed: 5 });
  // One unreadable date, so the Data page has a rejected row to show.
  const csv = path.join(data, 'declarations.csv');
  const lines = (await readFile(csv, 'utf8')).split('\n');
  const fields = (lines[2] ?? '').split(',');
  fields[3] = 'not-a-date';
  lines[2] = fields.join(',');
  await writeFile(csv, lines.join('\n'));
  const writer = await openWarehouse(file);
  try {
    await loadDataset(writer.connection, data);
    await analyzeWarehouse(writer.connection, defaultAnalysisConfig, {
      extensions: standardExtensions(),
    });
  } finally {
    writer.close();
  }
  return file;
}

async function addPeople(app: ProbityApp, people: Person[]): Promise<void> {
  const hash = await hashPassword(password);
  const db = app.store.db;
  db.transaction(() => {
    for (const person of people) {
      const id = insertUser(db, {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        passwordHash: hash,
        mustChangePassword: false,
      });
      if (person.secret) {
        startTotpEnrolment(db, id, person.secret);
        confirmTotpEnrolment(db, id, 0);
      }
    }
  })();
}

/** Starts everything: web build, warehouse, server on a random port, Chromium. */
export async function startHarness(declarations = 8000): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'probity-web-'));
  const webRoot = path.join(dir, 'web');
  await buildWebApp(webRoot);
  const warehouseFile = await demoWarehouse(dir, declarations);
  const app = await buildApp(
    serverConfig({
      stateFile: path.join(dir, 'state.sqlite'),
      warehouseFile,
      webRoot,
      pseudonymKey: demoPseudonymKey,
      cookieSecure: false,
      port: 0,
    }),
  );
  const people: Record<string, Person> = {
    analyst: {
      username: 'anna',
      displayName: 'Anna Analyst',
      role: 'analyst',
      secret: newTotpSecret(),
    },
    investigator: {
      username: 'ines',
      displayName: 'Inès Investigator',
      role: 'investigator',
      secret: null,
    },
    manager: { username: 'marc', displayName: 'Marc Manager', role: 'manager', secret: null },
    admin: { username: 'ada', displayName: 'Ada Admin', role: 'admin', secret: newTotpSecret() },
    auditor: {
      username: 'aude',
      displayName: 'Aude Auditor',
      role: 'auditor',
      secret: newTotpSecret(),
    },
  };
  await addPeople(app, Object.values(people));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  await mkdir(screenshotDir, { recursive: true });
  return {
    app,
    baseUrl: address,
    browser,
    people,
    async close() {
      await browser.close();
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A current TOTP code for a secret. */
export function totpCode(secret: string): Promise<string> {
  return generate({ secret });
}

/**
 * Signs a person in through the login page: password, then either a code from
 * their known secret, or first-time enrolment (secret read off the page,
 * recovery codes acknowledged). Remembers the secret learnt at enrolment.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  person: Person,
  onStep?: (step: 'enrol' | 'recovery') => Promise<void>,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/Username|Identifiant/).fill(person.username);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(person.password ?? password);
  await page.getByRole('button', { name: /Continue|Continuer/ }).click();
  const secretBox = page.getByTestId('totp-secret');
  const codeBox = page.getByLabel(/^Code$/);
  await codeBox.waitFor();
  if (person.secret === null) {
    await onStep?.('enrol');
    const secret = (await secretBox.textContent())?.trim() ?? '';
    person.secret = secret;
  }
  await codeBox.fill(await totpCode(person.secret));
  await page.getByRole('button', { name: /^(Sign in|Confirm|Se connecter|Confirmer)$/ }).click();
  const recovery = page.getByTestId('recovery-codes');
  const nav = page.getByRole('navigation', { name: /Main navigation|Navigation principale/ });
  const passwordChange = page.getByRole('heading', { name: /Choose a new password/ });
  await Promise.race([recovery.waitFor(), nav.waitFor(), passwordChange.waitFor()]);
  if (await recovery.isVisible()) {
    await onStep?.('recovery');
    await page.getByRole('button', { name: /continue|continuer/i }).click();
  }
  await Promise.race([nav.waitFor(), passwordChange.waitFor()]);
}

let axeSource: string | undefined;

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(
    path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'),
    'utf8',
  );
  // evaluate() runs through DevTools, outside the page's CSP (an injected <script> would be refused).
  await page.evaluate(axeSource);
  // A string expression: the test files are type-checked without the DOM library.
  const result = (await page.evaluate('axe.run({ resultTypes: ["violations"] })')) as {
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown }[];
    }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    );
}

/** Saves a full-page screenshot as test-results/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
