// Fastify declaration merging: the names CORE adds to every instance, request and route.
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Warehouse } from '@probity/engine';
import type { AnalyticsService } from '../analytics/analytics-service.js';
import type { Session } from '../auth/sessions.js';
import type { ServerConfig } from '../config.js';
import type { Store } from '../store/database.js';
import type { AuthenticatedUser, Role } from './roles.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The application state store (SQLite). */
    store: Store;
    /** The analytical warehouse (DuckDB), or null when none is loaded. */
    warehouse: Warehouse | null;
    /** The dashboards' access to the warehouse and their per-run cache (one per app). */
    analytics: AnalyticsService;
    /** The server configuration (validated, frozen). */
    serverConfig: ServerConfig;
    /**
     * Route option `preHandler: app.requireRole(['analyst', 'manager'])`:
     * 401 for anonymous requests, 403 for other roles. Runs before body
     * validation, so a refused caller learns nothing about the schema.
     */
    requireRole(allowed: readonly Role[]): preHandlerAsyncHookHandler;
  }
  interface FastifyRequest {
    /** The signed-in person, or null (anonymous, or sign-in not completed). */
    user: AuthenticatedUser | null;
    /** The session behind the cookie, at any stage (also pending sign-ins), or null. */
    authSession: Session | null;
  }
  interface FastifyContextConfig {
    /** Route answers anonymous requests (listed in docs/security.md). Default: false. */
    public?: boolean;
    /** Set false to exempt a state-changing route from the CSRF check (sign-in only). */
    csrf?: boolean;
    /** Route is reachable while the user must still change a temporary password. */
    allowWithPasswordChangePending?: boolean;
  }
}
