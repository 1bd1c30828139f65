// What the benchmarks that drive the real server share: the `probity` command, a free port,
// `probity serve` in its own process, and a person signed in over plain fetch.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';

/** The built `probity` command (run `npm run build` first). */
export const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));

/** Runs `probity args…`, its errors shown; throws when it fails. */
export function probity(args) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`probity ${args.join(' ')} failed (${run.status})`);
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * Starts `probity serve` over `warehouse` with a fresh state file and waits for its banner.
 * Returns the base URL, the first admin's password, `waitFor(text)` (ms from the banner until
 * the output says `text`) and `stop()`, which ends the server and removes the state files.
 */
export async function startServer({ warehouse, state }) {
  const port = await freePort();
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
  const listeningAt = Date.now();
  return {
    base: `http://127.0.0.1:${port}`,
    adminPassword,
    /** Milliseconds from the banner (the server listening) until its output includes `text`. */
    waitFor: (text) =>
      new Promise((resolve) => {
        const check = () =>
          banner.includes(text) ? resolve(Date.now() - listeningAt) : setTimeout(check, 100);
        check();
      }),
    stop: async () => {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      // A server that does not stop would hold the benchmark (and bench/run.mjs) forever: say so
      // and end it.
      const late = setTimeout(() => {
        process.stderr.write('probity serve did not stop 15 s after SIGTERM: killing it\n');
        server.kill('SIGKILL');
      }, 15_000);
      await exited;
      clearTimeout(late);
      for (const suffix of ['', '-wal', '-shm', '.receipt-pepper'])
        rmSync(state + suffix, { force: true });
    },
  };
}

/**
 * A person signed in over plain fetch (password, TOTP enrolment, password change when asked):
 * `call(method, url, body)` with the cookie jar and CSRF token, `cookie()` and the `jar`.
 */
export async function signIn(base, username, password, { newPassword } = {}) {
  const jar = new Map();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let csrf = '';
  const call = async (method, url, body) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        cookie: cookie(),
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
  return { call, cookie, jar };
}

/** The p-th percentile (nearest rank) of ascending `sorted`, to 0.1. */
export const percentile = (sorted, p) =>
  Math.round(10 * sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) /
  10;
