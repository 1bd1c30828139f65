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
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { openWarehouse, queryRows } from '@probity/engine';
import { percentile, probity, signIn, startServer } from './lib/server.mjs';

const declarations = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 10);
const connections = 20;
const out = fileURLToPath(new URL('./out/', import.meta.url));
const dataset = path.join(out, `dataset-${declarations}`);
const warehouse = path.join(
  out,
  declarations === 1_000_000 ? 'warehouse-1m.duckdb' : `warehouse-${declarations}.duckdb`,
);
mkdirSync(out, { recursive: true });

/** Whether `file` holds an analysis run (`probity status` says nothing of analyses). */
async function analysed(file) {
  if (!existsSync(file)) return false;
  const opened = await openWarehouse(file, { readOnly: true });
  try {
    const [table] = await queryRows(
      opened.connection,
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'analysis_runs'`,
    );
    if (!table?.n) return false;
    const [runs] = await queryRows(
      opened.connection,
      'SELECT count(*)::INTEGER AS n FROM analysis_runs',
    );
    return (runs?.n ?? 0) > 0;
  } finally {
    opened.close();
  }
}

if (!(await analysed(warehouse))) {
  if (!existsSync(path.join(dataset, 'milestones.csv'))) {
    probity(['generate', '--declarations', String(declarations), dataset]);
  }
  probity(['load', '--db', warehouse, dataset]);
  probity(['analyze', '--db', warehouse, '--memory-limit', '2GB']);
}

const state = path.join(out, `api-bench-state-${process.pid}.sqlite`);
const { base, adminPassword, waitFor, stop } = await startServer({ warehouse, state });
// People arrive once the server says its dashboards are computed; the time that takes is reported.
const warmUpMs = await waitFor('Dashboards ready');

const results = [];
try {
  const admin = await signIn(base, 'admin', adminPassword);
  const created = await admin.call('POST', '/api/users', {
    username: 'bench-analyst',
    displayName: 'Benchmark analyst',
    role: 'analyst',
  });
  const analyst = await signIn(base, 'bench-analyst', created.temporaryPassword, {
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
  await stop();
}
