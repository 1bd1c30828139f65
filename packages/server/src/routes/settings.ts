import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../api/common.js';
import { Settings, SettingsUpdate } from '../api/settings.js';
import { unauthenticated } from '../errors.js';
import { getSettings, updateSettings } from '../store/settings.js';

/** Workspace settings: everyone signed in reads them (thresholds shown in the app); admins change them. */
const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;

  app.get(
    '/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Current workspace settings',
        response: { 200: Settings, 401: ErrorResponse },
      },
    },
    async () => getSettings(db),
  );

  app.put(
    '/settings',
    {
      preHandler: app.requireRole(['admin']),
      schema: {
        tags: ['settings'],
        summary: 'Change workspace settings (admin)',
        body: SettingsUpdate,
        response: { 200: Settings, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      return updateSettings(db, request.user.id, request.body);
    },
  );
};
export default settingsRoutes;
