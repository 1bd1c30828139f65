// Reporting channel benchmark (issue 6): N concurrent anonymous report submissions with
// attachments (default 200) against the real server (`probity serve`, its own process), each
// encrypted by the same code the public page runs (packages/web/src/public/shared, transpiled
// here with TypeScript), then every report listed, fetched and decrypted by a recipient to
// check that none was lost or altered. Prints JSON: throughput, latency percentiles, counts.
// Run `npm run build` first:
//   node bench/report-submissions.mjs [reports=200] [attachmentKiB=256,64] [powBits=12]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import argon2 from 'argon2';
import ts from 'typescript';
import { percentile, probity, signIn, startServer } from './lib/server.mjs';

const reports = Number(process.argv[2] ?? 200);
const attachmentKiB = (process.argv[3] ?? '256,64').split(',').map(Number);
const powBits = Number(process.argv[4] ?? 12);
// After the concurrent burst, this many more one at a time: the latency without queueing.
const sequential = 20;
const out = fileURLToPath(new URL('./out/', import.meta.url));
const shared = fileURLToPath(new URL('../packages/web/src/public/shared/', import.meta.url));
mkdirSync(out, { recursive: true });

// The browser's crypto modules, transpiled as they are (no bundler) into bench/out, where
// libsodium-wrappers and @noble/hashes resolve from the repository's node_modules.
const cryptoDir = path.join(out, 'report-crypto');
mkdirSync(cryptoDir, { recursive: true });
writeFileSync(path.join(cryptoDir, 'package.json'), '{"type":"module"}');
for (const name of ['sodium', 'report-crypto', 'recipient-crypto', 'proof-of-work']) {
  const source = readFileSync(path.join(shared, `${name}.ts`), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(path.join(cryptoDir, `${name}.js`), js);
}
const load = (name) => import(pathToFileURL(path.join(cryptoDir, `${name}.js`)).href);
const { encryptReport, decryptReportContent, decryptAttachment } = await load('report-crypto');
const { createRecipientKeys, openReportKey } = await load('recipient-crypto');
const { solveChallenge } = await load('proof-of-work');

/** Native argon2id: the same bytes as the page's pure-JS one, faster. */
const nativeArgon2id = async (password, salt, params, length) =>
  new Uint8Array(
    await argon2.hash(Buffer.from(password), {
      salt: Buffer.from(salt),
      raw: true,
      type: argon2.argon2id,
      timeCost: params.t,
      memoryCost: params.m,
      parallelism: params.p,
      hashLength: length,
    }),
  );

// `serve` needs an analysed warehouse: a small one is enough here.
const benchDir = path.join(out, 'report-bench');
const warehouse = path.join(benchDir, 'warehouse.duckdb');
if (!existsSync(warehouse)) {
  mkdirSync(benchDir, { recursive: true });
  probity(['generate', '--declarations', '2000', path.join(benchDir, 'dataset')]);
  probity(['load', '--db', warehouse, path.join(benchDir, 'dataset')]);
  probity(['analyze', '--db', warehouse]);
}

const state = path.join(benchDir, `state-${process.pid}.sqlite`);
const { base, adminPassword, stop } = await startServer({ warehouse, state });

try {
  const admin = await signIn(base, 'admin', adminPassword);
  const current = await admin.call('GET', '/api/reporting/settings');
  await admin.call('PUT', '/api/reporting/settings', {
    ...current,
    proofOfWorkBits: powBits,
    submissionsPerHour: Math.max(current.submissionsPerHour, reports * 2),
  });
  const created = await admin.call('POST', '/api/users', {
    username: 'bench-manager',
    displayName: 'Benchmark manager',
    role: 'manager',
  });
  const manager = await signIn(base, 'bench-manager', created.temporaryPassword, {
    newPassword: 'a long benchmark passphrase 2026',
  });
  const keys = await createRecipientKeys('bench recipient passphrase', nativeArgon2id);
  await manager.call('PUT', '/api/reporting/keys/me', keys.record);

  // Prepare every submission first (encryption, receipt argon2id, proof of work): the
  // reporter's browser does this before sending, so it is not the server's latency.
  const form = await (await fetch(`${base}/api/public/report-form`)).json();
  const prepared = [];
  const t0 = performance.now();
  for (let i = 0; i < reports + sequential; i += 1) {
    const marker = `bench-report-${i}-${Math.random().toString(36).slice(2)}`;
    const attachments = attachmentKiB.map((kib, j) => {
      const data = new Uint8Array(kib * 1024);
      for (let k = 0; k < data.length; k += 1) data[k] = (i * 31 + j * 7 + k) & 255;
      return { name: `evidence-${j}.pdf`, type: 'application/pdf', data };
    });
    const { submission } = await encryptReport(
      { answers: { what: marker }, locale: 'en', attachments },
      form.recipients,
      form.receiptSalt,
      nativeArgon2id,
    );
    const challenge = await (
      await fetch(`${base}/api/public/report-challenges`, { method: 'POST' })
    ).json();
    const proof = `${challenge.challenge}.${await solveChallenge(challenge.challenge, challenge.difficulty)}`;
    prepared.push({ marker, attachments, proof, body: JSON.stringify(submission) });
  }
  const prepareSeconds = (performance.now() - t0) / 1000;
  const bodyBytes = prepared.reduce((n, p) => n + p.body.length, 0) / prepared.length;

  // All submissions at once.
  const times = [];
  const statuses = new Map();
  const start = performance.now();
  const burst = prepared.slice(0, reports);
  await Promise.all(
    burst.map(async (p) => {
      const s = performance.now();
      const res = await fetch(`${base}/api/public/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-report-proof': p.proof },
        body: p.body,
      });
      await res.arrayBuffer();
      times.push(performance.now() - s);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }),
  );
  const wallSeconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const alone = [];
  for (const p of prepared.slice(reports)) {
    const s = performance.now();
    const res = await fetch(`${base}/api/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-report-proof': p.proof },
      body: p.body,
    });
    await res.arrayBuffer();
    alone.push(performance.now() - s);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  alone.sort((a, b) => a - b);

  // The recipient reads every report back and decrypts it, attachments included.
  const listed = await manager.call('GET', '/api/reporting/reports');
  const byMarker = new Map(prepared.map((p) => [p.marker, p]));
  let decrypted = 0;
  let attachmentsChecked = 0;
  const r0 = performance.now();
  for (const item of listed.items) {
    const detail = await manager.call('GET', `/api/reporting/reports/${item.id}`);
    const key = await openReportKey(keys.keyPair, detail.sealedKey);
    const content = await decryptReportContent(key, detail.content);
    const sent = byMarker.get(content.answers.what);
    if (!sent) throw new Error(`report ${item.id} does not match any sent`);
    for (let j = 0; j < sent.attachments.length; j += 1) {
      const file = await manager.call('GET', `/api/reporting/reports/${item.id}/attachments/${j}`);
      const data = await decryptAttachment(key, j, file);
      if (Buffer.compare(Buffer.from(data), Buffer.from(sent.attachments[j].data)) !== 0) {
        throw new Error(`report ${item.id} attachment ${j} differs`);
      }
      attachmentsChecked += 1;
    }
    byMarker.delete(content.answers.what);
    decrypted += 1;
  }
  const readSeconds = (performance.now() - r0) / 1000;

  console.log(
    JSON.stringify(
      {
        benchmark: 'report-submissions',
        reports,
        concurrency: reports,
        attachmentsPerReport: attachmentKiB.length,
        attachmentKiB,
        requestMiB: Math.round((bodyBytes / 1_048_576) * 100) / 100,
        proofOfWorkBits: powBits,
        statuses: Object.fromEntries(statuses),
        stored: listed.items.length,
        decryptedByRecipient: decrypted,
        attachmentsVerified: attachmentsChecked,
        lost: reports + sequential - decrypted,
        wallSeconds: Math.round(wallSeconds * 100) / 100,
        throughputPerSecond: Math.round((reports / wallSeconds) * 10) / 10,
        latencyMs: {
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          max: Math.round(times.at(-1)),
        },
        sequentialSubmissions: sequential,
        sequentialLatencyMs: { p50: percentile(alone, 50), p95: percentile(alone, 95) },
        clientPrepareSeconds: Math.round(prepareSeconds * 10) / 10,
        recipientReadSeconds: Math.round(readSeconds * 10) / 10,
      },
      // One line: bench/run.mjs reads one JSON object per line.
    ),
  );
  if (decrypted !== reports + sequential) process.exitCode = 1;
} finally {
  await stop();
}
