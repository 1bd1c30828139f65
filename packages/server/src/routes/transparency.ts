import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TransparencyResponse } from '../api/transparency.js';
import { analyticsOf } from '../analytics/analytics-plugin.js';
import { isServerError, notFound } from '../errors.js';
import { releaseStandards } from '../transparency/release-standards.js';
import { sendPage, withPublicPagePolicy } from './public-surveys.js';

/** The Directive's clocks the page states (EU 2019/1937, Art. 9(1)(b) and (f)). */
const reportingClocks = { path: '/report', acknowledgementDays: 7, feedbackMonths: 3 };

/**
 * The public transparency page's data: published release times per office
 * and channel (aggregates, small cells suppressed) and the reporting clocks.
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
        releaseTimes = await releaseStandards(analyticsOf(app));
      } catch (error) {
        // No warehouse or no analysis yet: the page says the figures are not published.
        if (!isServerError(error)) request.log.error({ err: error }, 'release standards failed');
      }
      return { releaseTimes, reporting: reportingClocks };
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
      onSend: withPublicPagePolicy,
    },
    async (_request, reply) => {
      const page = await sendPage(app.serverConfig.webRoot, 'transparency.html');
      if (!page) throw notFound();
      return reply.header('cache-control', 'no-cache').type('text/html').send(page.html);
    },
  );
};
