import type { FastifyInstance } from 'fastify';
import { readerOf } from './analytics-reader.js';
import { AnalyticsService } from './analytics-service.js';

/** One service per app: keyed by the app's warehouse, or by its configuration when it has none. */
const services = new WeakMap<object, AnalyticsService>();

/**
 * The dashboards' warehouse access for this app, made on first use from
 * `app.warehouse` (opened read-only by `buildApp`, closed with the app) and
 * `app.serverConfig.pseudonymKey`, then shared by every dashboard route.
 */
export function analyticsOf(app: FastifyInstance): AnalyticsService {
  const warehouse = app.warehouse;
  const key: object = warehouse ?? app.serverConfig;
  let service = services.get(key);
  if (!service) {
    service = new AnalyticsService(
      warehouse ? readerOf(warehouse) : null,
      app.serverConfig.pseudonymKey,
    );
    services.set(key, service);
  }
  return service;
}
