// Workspace benchmark (issue 5): the dashboard API under 20 concurrent users,
// and the overview's first meaningful paint in headless Chromium, against the
// real server (`probity serve`, its own process) over an analysed warehouse of
// N generated declarations (default 1,000,000; generated, loaded and analysed
// first when bench/out has none). Signs in through the real API (password,
// TOTP enrolment, password change), then for each dashboard call runs
// autocannon with 20 connections and records every response time to report
// exact p50/p95/p99, once the server says its dashboards are ready (the
// warm-up time and each route's first, possibly uncached, answer are reported
// too). Run `npm run build` first:
//   node bench/api-latency.mjs [declarations=1000000] [seconds-per-route=10]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import { chromium } from 'playwright-core';

const declarations = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 10);
const connections = 20;
const out = fileURLToPath(new URL('./out/', import.meta.url));
const cli = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));
const dataset = path.join(out, `dataset-${declarations}`);
const warehouse = path.join(
  out,
  declarations === 1_000_000 ? 'warehouse-1m.duckdb' : `warehouse-${declarations}.duckdb`,
);
mkdirSync(out, { recursive: true });

function probity(args) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`probity ${args.join(' ')} failed (${run.status})`);
}

function analysed(file) {
  if (!existsSync(file)) return false;
  const run = spawnSync(process.execPath, [cli, 'status', '--db', file], { encoding: 'utf8' });
  return run.status === 0 && /analys/i.test(run.stdout);
}

if (!analysed(warehouse)) {
  if (!existsSync(path.join(dataset, 'milestones.csv'))) {
    probity(['generate', '--declarations', String(declarations), dataset]);
  }
  probity(['load', '--db', warehouse, dataset]);
  probity(['analyze', '--db', warehouse, '--memory-limit', '2GB']);
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const state = path.join(out, `api-bench-state-${process.pid}.sqlite`);
const server = spawn(
  process.execPath,
  [cli, 'serve', '--db', warehouse, '--state', state, '--port', String(port), '--quiet'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let banner = '';
const adminPassword = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    banner += chunk;
    const m = /password:\s+(\S+)/.exec(banner);
    if (m && banner.includes('Press Ctrl+C')) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited (${code})`)));
});
const base = `http://127.0.0.1:${port}`;
// People arrive once the server says its dashboards are computed; the time that takes is reported.
const startedAt = Date.now();
const warmUpMs = await new Promise((resolve) => {
  const check = () =>
    banner.includes('Dashboards ready') ? resolve(Date.now() - startedAt) : setTimeout(check, 100);
  check();
});

/** A signed-in person over plain fetch: cookie jar and CSRF token. */
async function signIn(username, password, { newPassword } = {}) {
  const jar = new Map();
  let csrf = '';
  const call = async (method, url, body) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const login = await call('POST', '/api/auth/login', { username, password });
  if (login.status !== 'enrolment_required')
    throw new Error(`unexpected login step ${login.status}`);
  const enrolled = await call('POST', '/api/auth/enrol', {
    code: await generate({ secret: login.secret }),
  });
  csrf = enrolled.csrfToken;
  if (enrolled.user.mustChangePassword) {
    await call('POST', '/api/account/password', { currentPassword: password, newPassword });
    csrf = (await call('GET', '/api/auth/session')).csrfToken;
  }
  return { call, cookie: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '), jar };
}

const percentile = (sorted, p) =>
  Math.round(10 * sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) /
  10;
const results = [];
try {
  const admin = await signIn('admin', adminPassword);
  const created = await admin.call('POST', '/api/users', {
    username: 'bench-analyst',
    displayName: 'Benchmark analyst',
    role: 'analyst',
  });
  const analyst = await signIn('bench-analyst', created.temporaryPassword, {
    newPassword: 'a long benchmark passphrase 2026',
  });

  // Concrete URLs for the parameterised routes, taken from the answers themselves.
  const units = await analyst.call('GET', '/api/integrity/units?kind=officer&limit=50');
  const firstUnit = units.items[0];
  const funnels = await analyst.call('GET', '/api/integrity/funnels');
  const firstFunnel = funnels.funnels[0];
  const routes = [
    '/api/overview',
    '/api/release-times',
    '/api/release-times/distribution',
    '/api/integrity/units?kind=officer&limit=50',
    '/api/integrity/funnels',
    firstFunnel && `/api/integrity/funnels/${firstFunnel.kind}/${firstFunnel.indicator}`,
    firstUnit && `/api/integrity/units/${firstUnit.kind}/${encodeURIComponent(firstUnit.unit)}`,
    firstUnit &&
      `/api/integrity/units/${firstUnit.kind}/${encodeURIComponent(firstUnit.unit)}/evidence`,
    '/api/integrity/pairs',
    '/api/mirror',
    '/api/mirror/gaps',
    '/api/data/loads',
    '/api/cases',
  ].filter(Boolean);

  // Pages of many different units: what an analyst browsing the ranking hits (mostly not cached).
  const pool = [];
  for (const kind of ['officer', 'declarant', 'trader']) {
    const page = await analyst.call('GET', `/api/integrity/units?kind=${kind}&limit=500`);
    for (const u of page.items)
      pool.push(`/api/integrity/units/${u.kind}/${encodeURIComponent(u.unit)}`);
  }
  const varied = [
    { label: `unit detail, ${pool.length} different units`, paths: pool },
    { label: `evidence, ${pool.length} different units`, paths: pool.map((p) => `${p}/evidence`) },
  ];

  for (const route of [...routes, ...varied]) {
    const paths = typeof route === 'string' ? [route] : route.paths;
    const label = typeof route === 'string' ? route : route.label;
    let next = 0;
    // The first answer after start may be computed (cold); what users then get comes from the cache.
    const t0 = performance.now();
    const first = await fetch(base + paths[0], { headers: { cookie: analyst.cookie() } });
    const coldMs = performance.now() - t0;
    if (!first.ok) throw new Error(`${label}: ${first.status} ${await first.text()}`);
    const times = [];
    const instance = autocannon({
      url: base,
      connections,
      duration: seconds,
      headers: { cookie: analyst.cookie() },
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) throw new Error(`${label}: status ${statusCode} under load`);
      times.push(responseTime);
    });
    const summary = await instance;
    times.sort((a, b) => a - b);
    const row = {
      route: label,
      requests: times.length,
      rps: Math.round(summary.requests.average),
      coldMs: Math.round(coldMs),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      errors: summary.errors + summary.non2xx,
    };
    results.push(row);
    process.stderr.write(`${label}: p95 ${row.p95} ms (${row.rps}/s, cold ${row.coldMs} ms)\n`);
  }

  // First meaningful paint: the overview's figures on screen, in headless Chromium, signed in.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const context = await browser.newContext();
  await context.addCookies([...analyst.jar].map(([name, value]) => ({ name, value, url: base })));
  const paints = [];
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.waitForSelector('main table, main figure svg', { timeout: 30_000 });
    paints.push(Date.now() - t0);
    await page.close();
  }
  await browser.close();
  paints.sort((a, b) => a - b);

  const p95s = results.map((r) => r.p95);
  console.log(
    JSON.stringify({
      bench: 'api-latency',
      declarations,
      connections,
      secondsPerRoute: seconds,
      warmUpMs,
      worstP95Ms: Math.max(...p95s),
      targetP95Ms: 150,
      overviewPaintMedianMs: paints[2],
      overviewPaintWorstMs: paints[4],
      targetPaintMs: 2000,
      routes: results,
    }),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  for (const f of [state, `${state}-wal`, `${state}-shm`]) rmSync(f, { force: true });
}
