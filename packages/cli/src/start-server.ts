import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildApp,
  ensureFirstAdmin,
  openStore,
  serverConfig,
  warmAnalytics,
} from '@probity/server';
import type { LogLevel } from '@probity/server';

/** Where `npm run build` puts the web app, relative to this file in packages/cli/dist. */
const builtWebApp = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** What `probity serve` and `probity demo --serve` need to start the workspace. */
export interface StartServerOptions {
  port: number;
  host: string;
  warehouseFile: string | null;
  stateFile: string;
  pseudonymKey: string;
  insecureCookies: boolean;
  logLevel: LogLevel;
}

/**
 * Opens the state store (creating the first admin account on first run, whose
 * password is printed once), builds the app and listens until SIGINT/SIGTERM.
 */
export async function startServer(
  opts: StartServerOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  await mkdir(path.dirname(path.resolve(opts.stateFile)), { recursive: true });
  const webRoot = existsSync(path.join(builtWebApp, 'index.html')) ? builtWebApp : null;
  const config = serverConfig({
    port: opts.port,
    host: opts.host,
    stateFile: opts.stateFile,
    warehouseFile: opts.warehouseFile,
    webRoot,
    pseudonymKey: opts.pseudonymKey,
    cookieSecure: !opts.insecureCookies,
    logLevel: opts.logLevel,
  });
  const store = openStore(config.stateFile);
  const firstAdmin = await ensureFirstAdmin(store);
  const app = await buildApp(config, { store });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: config.port, host: config.host });
  // Compute the dashboards' opening answers in the background, so the first people in do not wait.
  const warmStart = Date.now();
  void warmAnalytics(app).then(
    (warmed) => {
      if (warmed)
        out.write(
          `Dashboards ready (computed in ${((Date.now() - warmStart) / 1000).toFixed(1)} s).\n`,
        );
    },
    (err: unknown) => app.log.warn({ err }, 'dashboard warm-up failed'),
  );
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shown}:${config.port}`;
  out.write(`\nProbity is running at ${url}  (API documentation: ${url}/api/docs)\n`);
  if (!webRoot)
    out.write('The web app is not built (run `npm run build`): serving the API only.\n');
  if (firstAdmin) {
    out.write(
      '\nFirst run: an administrator account was created. This password is shown only once:\n' +
        `  user name: ${firstAdmin.username}\n  password:  ${firstAdmin.password}\n` +
        'Sign in at the address above; you will be asked to enrol an authenticator app\n' +
        '(any TOTP app: scan the code or type the key it shows), then to save your recovery codes.\n' +
        'Then create the analysts, investigators, managers and auditors under Settings → Users.\n',
    );
  }
  out.write('Press Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      out.write('\nStopping Probity ...\n');
      void app.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
