import type { ProbityApp } from '../src/app.js';
import type { SurveyAnswerSubmission, SurveyRound } from '../src/api/surveys.js';
import type { TestLogin } from './helpers/login-as.js';

/** Today, UTC, `YYYY-MM-DD`. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Create an open round (today to today, unless said) as `manager`; returns it and its link token. */
export async function openRound(
  app: ProbityApp,
  manager: TestLogin,
  body: Record<string, unknown> = {},
): Promise<{ round: SurveyRound; token: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/surveys/rounds',
    headers: manager.headers,
    payload: {
      title: 'Private sector 2026',
      questionnaireId: 'private-sector-v1',
      opensOn: today(),
      closesOn: today(),
      ...body,
    },
  });
  if (response.statusCode !== 201) throw new Error(`create round: ${response.body}`);
  const round = response.json<SurveyRound>();
  const token = (round.linkPath ?? '').replace('/survey/', '');
  return { round, token };
}

/** Send one anonymous answer; returns the response. */
export function answer(
  app: ProbityApp,
  token: string,
  payload: SurveyAnswerSubmission,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/answers`,
    payload,
    headers,
  });
}

/** Send `count` answers of the same content; fails on any refusal. */
export async function answerMany(
  app: ProbityApp,
  token: string,
  count: number,
  payload: SurveyAnswerSubmission,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await answer(app, token, payload);
    if (response.statusCode !== 201) throw new Error(`answer: ${response.body}`);
  }
}

/** Close a round now as `manager`. */
export async function closeRound(app: ProbityApp, manager: TestLogin, id: number): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/surveys/rounds/${id}/close`,
    headers: manager.headers,
  });
  if (response.statusCode !== 200) throw new Error(`close round: ${response.body}`);
}
