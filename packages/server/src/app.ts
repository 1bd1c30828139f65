import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { openWarehouse } from '@probity/engine';
import type { Warehouse } from '@probity/engine';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import './access/fastify-types.js';
import { authenticate } from './access/authenticate.js';
import { readerOf } from './analytics/analytics-reader.js';
import { AnalyticsService } from './analytics/analytics-service.js';
import { hoistRoleChecks, requireRole } from './access/require-role.js';
import type { Role } from './access/roles.js';
import { securityHeaders } from './access/security-headers.js';
import { purgeLoginFailures } from './auth/login-throttle.js';
import { purgeSessions } from './auth/sessions.js';
import { eraseExpiredCases } from './cases/case-retention.js';
import { deleteExpiredReports } from './reporting/report-retention.js';
import { getSettings } from './store/settings.js';
import type { ServerConfig } from './config.js';
import { isServerError, ServerError } from './errors.js';
import { openStore } from './store/database.js';
import type { Store } from './store/database.js';
import accountRoutes from './routes/account.js';
import auditRoutes from './routes/audit.js';
import authRoutes from './routes/auth.js';
import healthRoutes from './routes/health.js';
import settingsRoutes from './routes/settings.js';
import usersRoutes from './routes/users.js';
import casesRoutes from './routes/cases.js';
import revealRoutes from './routes/reveal.js';
import overviewRoutes from './routes/overview.js';
import releaseTimesRoutes from './routes/release-times.js';
import integrityRoutes from './routes/integrity.js';
import mirrorRoutes from './routes/mirror.js';
import dataRoutes from './routes/data.js';
import publicReportsRoutes, { reportPages } from './routes/public-reports.js';
import reportInboxRoutes from './routes/report-inbox.js';
import recipientKeysRoutes from './routes/recipient-keys.js';
import surveyRoutes from './routes/surveys.js';
import publicSurveyRoutes, { surveyPageRoutes } from './routes/public-surveys.js';
import transparencyRoutes, { transparencyPageRoutes } from './routes/transparency.js';

/** The Fastify instance Probity builds: TypeBox type provider, Probity's decorators. */
export type ProbityApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Things the app uses but does not own; opened from the configuration when absent. */
export interface AppDependencies {
  /** State store; when absent the app opens `config.stateFile` and closes it with the app. */
  store?: Store;
  /** Warehouse; when absent the app opens `config.warehouseFile` read-only, if set. */
  warehouse?: Warehouse | null;
  /** Where log lines go (standard output when absent); tests read the redaction here. */
  logStream?: { write(line: string): void };
}

/** One registered route as the access layer sees it (for the role matrix and the docs). */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  /** Roles allowed by `requireRole`, or null when any signed-in person may call it. */
  roles: readonly Role[] | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered (HEAD twins left out), in registration order. */
    routeCatalog: RouteEntry[];
  }
}

// Credentials, cookies, CSRF tokens, reporters' follow-up sessions and codes never reach the log.
const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-report-session"]',
  'req.headers["x-report-proof"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.code',
  '*.csrfToken',
  '*.secret',
];

/** Build the Probity server: API under /api, docs at /api/docs, the web app at /. */
export async function buildApp(
  config: ServerConfig,
  deps: AppDependencies = {},
): Promise<ProbityApp> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: { paths: redactPaths, censor: '[redacted]' },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    // Fastify's Ajv already knows the standard formats (ajv-formats) and drops extra properties.
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Infrastructure.
  const ownsStore = deps.store === undefined;
  const store = deps.store ?? openStore(config.stateFile);
  const ownsWarehouse = deps.warehouse === undefined && config.warehouseFile !== null;
  const warehouse = deps.warehouse ?? (await openConfiguredWarehouse(config.warehouseFile));
  // Housekeeping at start and every hour: ended sessions and old failed attempts go, closed
  // cases past the retention period lose their personal data (docs/cases.md), and closed
  // reports past theirs are deleted (docs/reporting-channel.md).
  const purge = () => {
    const now = new Date();
    purgeSessions(store.db);
    purgeLoginFailures(store.db);
    eraseExpiredCases(store.db, getSettings(store.db).retentionDays, now);
    deleteExpiredReports(store.db, now);
  };
  purge();
  const housekeeping = setInterval(purge, 3_600_000);
  housekeeping.unref();
  app.addHook('onClose', async () => {
    clearInterval(housekeeping);
    if (ownsWarehouse) warehouse?.close();
    if (ownsStore) store.close();
  });

  // JSON bodies only: text/plain is a type a cross-site form may send.
  app.removeContentTypeParser('text/plain');

  // Cookie parsing is an onRequest hook of its own and must run before `authenticate`.
  await app.register(fastifyCookie);

  // Decorators.
  app.decorate('store', store);
  app.decorate('warehouse', warehouse);
  app.decorate(
    'analytics',
    new AnalyticsService(warehouse ? readerOf(warehouse) : null, config.pseudonymKey),
  );
  app.decorate('serverConfig', config);
  app.decorate('requireRole', requireRole);
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.decorateRequest('user', null);
  app.decorateRequest('authSession', null);

  // Hooks, before any plugin with routes: Fastify copies hooks into a plugin when it is
  // registered, so the docs' routes get default-deny only if these come first.
  app.addHook('onRoute', (route) => {
    const roles = hoistRoleChecks(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' && route.exposeHeadRoute !== false) continue;
      app.routeCatalog.push({
        method,
        url: route.url,
        public: route.config?.public === true,
        roles,
      });
    }
  });
  app.addHook('onRequest', authenticate);
  app.addHook('onSend', securityHeaders);
  app.setErrorHandler(errorHandler);

  // OpenAPI document from the route schemas; UI and JSON for signed-in users.
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Probity API',
        version: '0.1.0',
        description: 'Integrity workspace API. Every route needs a session unless marked public.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'probity_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Routes: one plugin per resource.
  const api = [
    healthRoutes,
    authRoutes,
    accountRoutes,
    usersRoutes,
    settingsRoutes,
    auditRoutes,
    casesRoutes,
    revealRoutes,
    overviewRoutes,
    releaseTimesRoutes,
    integrityRoutes,
    mirrorRoutes,
    dataRoutes,
    ...[publicReportsRoutes, reportInboxRoutes, recipientKeysRoutes],
    ...[surveyRoutes, publicSurveyRoutes, transparencyRoutes],
  ];
  for (const plugin of api) await app.register(plugin, { prefix: '/api' });
  for (const plugin of [reportPages, surveyPageRoutes, transparencyPageRoutes])
    await app.register(plugin);
  await registerWebApp(app, config);
  return app;
}

function errorHandler(
  this: FastifyInstance,
  error: FastifyError,
  request: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[1],
  reply: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[2],
) {
  if (isServerError(error)) {
    if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
    return reply
      .status(error.statusCode)
      .send({ error: { code: error.code, message: error.message } });
  }
  if (error.validation) {
    return reply.status(400).send({ error: { code: 'INVALID_REQUEST', message: error.message } });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .status(error.statusCode)
      .send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .status(500)
    .send({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server.' } });
}

/** Open the configured warehouse read-only, naming the file when that fails. */
async function openConfiguredWarehouse(file: string | null): Promise<Warehouse | null> {
  if (file === null) return null;
  try {
    return await openWarehouse(file, { readOnly: true });
  } catch (cause) {
    throw new ServerError('WAREHOUSE_OPEN_FAILED', 500, `Cannot open the warehouse ${file}.`, {
      cause,
    });
  }
}

/** Serve the built web app at `/`, with index.html for any unknown non-API GET (SPA routes). */
async function registerWebApp(app: ProbityApp, config: ServerConfig): Promise<void> {
  const root = config.webRoot ? path.resolve(config.webRoot) : null;
  const hasWebApp = root !== null && existsSync(path.join(root, 'index.html'));
  if (hasWebApp) {
    // The web app's static files are also the anonymous report page's script and styles:
    // their requests are never logged, so loading that page leaves no address in the log.
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      logLevel: 'silent',
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (hasWebApp && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
}
