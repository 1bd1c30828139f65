import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../api/common.js';
import {
  PublicSurvey,
  PublicSurveyParams,
  SurveyAnswerReceived,
  SurveyAnswerSubmission,
} from '../api/surveys.js';
import { AnswerBudget } from '../surveys/answer-budget.js';
import { submitAnswer } from '../surveys/survey-answers.js';
import { questionnaireOf } from '../surveys/survey-results.js';
import { roundByToken, roundStatus } from '../surveys/survey-rounds.js';
import { pageHandler, publicPagePolicy, withPagePolicy } from './public-pages.js';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
};

/**
 * Respondents' routes: no account, no cookie. `logLevel: 'error'` keeps the
 * request log lines (which carry the client's address) off these routes; no
 * handler reads any request header; the stored answer holds no request data.
 */
const anonymous = { public: true } as const;
const quiet = 'error' as const;

/** The anonymous survey API under /api/public/surveys (docs/surveys.md). */
const publicSurveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const budget = new AnswerBudget();

  app.get(
    '/public/surveys/:token',
    {
      config: anonymous,
      logLevel: quiet,
      schema: {
        tags: ['public'],
        summary: 'A survey round’s questionnaire, for its respondents (public)',
        params: PublicSurveyParams,
        response: { 200: PublicSurvey, ...errors },
      },
    },
    async (request) => {
      const round = roundByToken(db, request.params.token);
      const status = roundStatus(round, new Date());
      return {
        title: round.title,
        status,
        opensOn: round.opens_on,
        closesOn: round.closes_on,
        accessMode: round.access_mode,
        minGroupSize: round.min_group_size,
        questionnaire: status === 'open' ? questionnaireOf(round) : null,
      };
    },
  );

  app.post(
    '/public/surveys/:token/answers',
    {
      config: anonymous,
      logLevel: quiet,
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['public'],
        summary: 'Answer a survey round anonymously (public)',
        params: PublicSurveyParams,
        body: SurveyAnswerSubmission,
        response: { 201: SurveyAnswerReceived, ...errors },
      },
    },
    async (request, reply) => {
      submitAnswer(db, budget, request.params.token, request.body, new Date());
      return reply.status(201).send({ received: true as const });
    },
  );
};
export default publicSurveyRoutes;

/** The respondents' page at /survey/:token (registered without the /api prefix). */
export const surveyPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/survey/:token',
    {
      config: anonymous,
      logLevel: quiet,
      schema: { hide: true },
      onSend: withPagePolicy(publicPagePolicy),
    },
    pageHandler(app.serverConfig.webRoot, 'survey.html'),
  );
};
