import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../api/common.js';
import {
  TransparencyResponse,
  TransparencyTexts,
  TransparencyTextsState,
} from '../api/transparency.js';
import { isServerError, unauthenticated } from '../errors.js';
import { publishedTexts, setPublishedTexts } from '../transparency/published-texts.js';
import { releaseStandards } from '../transparency/release-standards.js';
import { pageHandler, publicPagePolicy, withPagePolicy } from './public-pages.js';

/** The Directive's clocks the page states (EU 2019/1937, Art. 9(1)(b) and (f)). */
const reportingClocks = { path: '/report', acknowledgementDays: 7, feedbackMonths: 3 };

/**
 * The public transparency page's data: the administration's texts, published
 * release times per office and channel (aggregates, small cells suppressed)
 * and the reporting clocks; and the routes where managers and admins set
 * those texts.
 */
const transparencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/transparency',
    {
      config: { public: true },
      logLevel: 'error',
      schema: {
        tags: ['public'],
        summary: 'Published service standards: release times by office and channel (public)',
        response: { 200: TransparencyResponse },
      },
    },
    async (request) => {
      let releaseTimes = null;
      try {
        releaseTimes = await releaseStandards(app.analytics);
      } catch (error) {
        // No warehouse or no analysis yet: the page says the figures are not published.
        if (!isServerError(error)) request.log.error({ err: error }, 'release standards failed');
      }
      return {
        texts: publishedTexts(app.store.db).texts,
        releaseTimes,
        reporting: reportingClocks,
      };
    },
  );

  // The administration's texts on the page: managers and admins set them.
  const editors = ['manager', 'admin'] as const;
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

  app.get(
    '/transparency/texts',
    {
      preHandler: app.requireRole(editors),
      schema: {
        tags: ['transparency'],
        summary: 'The texts published on the transparency page (manager, admin)',
        response: { 200: TransparencyTextsState, ...errors },
      },
    },
    async () => publishedTexts(app.store.db),
  );

  app.put(
    '/transparency/texts',
    {
      preHandler: app.requireRole(editors),
      schema: {
        tags: ['transparency'],
        summary: 'Set the texts published on the transparency page (manager, admin)',
        body: TransparencyTexts,
        response: { 200: TransparencyTextsState, ...errors },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      return setPublishedTexts(app.store.db, request.user.id, request.body, new Date());
    },
  );
};
export default transparencyRoutes;

/** The public page at /transparency (registered without the /api prefix). */
export const transparencyPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/transparency',
    {
      config: { public: true },
      logLevel: 'error',
      schema: { hide: true },
      onSend: withPagePolicy(publicPagePolicy),
    },
    pageHandler(app.serverConfig.webRoot, 'transparency.html'),
  );
};
