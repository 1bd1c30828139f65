import type { FastifyInstance } from 'fastify';
import { readerOf } from './analytics-reader.js';
import { AnalyticsService } from './analytics-service.js';

/**
 * One service per warehouse and pseudonym key (so per app): keyed by the
 * app's warehouse, or by its configuration when it has none.
 */
const services = new WeakMap<object, Map<string, AnalyticsService>>();

/**
 * The dashboards' warehouse access for this app, made on first use from
 * `app.warehouse` (opened read-only by `buildApp`, closed with the app) and
 * `app.serverConfig.pseudonymKey`, then shared by every dashboard route.
 */
export function analyticsOf(app: FastifyInstance): AnalyticsService {
  const warehouse = app.warehouse;
  const key = app.serverConfig.pseudonymKey;
  const owner: object = warehouse ?? app.serverConfig;
  let byKey = services.get(owner);
  if (!byKey) {
    byKey = new Map();
    services.set(owner, byKey);
  }
  let service = byKey.get(key);
  if (!service) {
    service = new AnalyticsService(warehouse ? readerOf(warehouse) : null, key);
    byKey.set(key, service);
  }
  return service;
}
