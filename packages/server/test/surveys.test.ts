import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbityApp } from '../src/app.js';
import type {
  PublicSurvey,
  QuestionnaireList,
  SurveyExport,
  SurveyResults,
  SurveyRound,
} from '../src/api/surveys.js';
import { arushaFactors } from '../src/surveys/arusha-factors.js';
import { loginAs } from './helpers/login-as.js';
import type { TestLogin } from './helpers/login-as.js';
import { testApp } from './helpers/test-app.js';
import { answer, answerMany, closeRound, openRound, today } from './surveys-fixture.js';

let app: ProbityApp;
let manager: TestLogin;
beforeEach(async () => {
  app = await testApp();
  manager = await loginAs(app, 'manager');
});
afterEach(async () => {
  await app.close();
});

async function results(id: number, login: TestLogin = manager) {
  return app.inject({
    method: 'GET',
    url: `/api/surveys/rounds/${id}/results`,
    headers: login.headers,
  });
}

describe('the bundled questionnaires', () => {
  it('ask about the ten Arusha factors, several statements each, in English and French', async () => {
    const analyst = await loginAs(app, 'analyst');
    const response = await app.inject({
      method: 'GET',
      url: '/api/surveys/questionnaires',
      headers: analyst.headers,
    });
    const { questionnaires } = response.json<QuestionnaireList>();
    expect(questionnaires.map((q) => q.audience).sort()).toEqual(['officials', 'private_sector']);
    for (const q of questionnaires) {
      expect(q.factors.map((f) => f.id)).toEqual(arushaFactors.map((f) => f.id));
      expect(q.scale).toHaveLength(6);
      const ids = q.factors.flatMap((f) => f.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const factor of q.factors) {
        expect(factor.items.length).toBeGreaterThanOrEqual(3);
        for (const item of factor.items) {
          expect(item.text.en.length).toBeGreaterThan(10);
          expect(item.text.fr.length).toBeGreaterThan(10);
          expect(item.text.fr).not.toBe(item.text.en);
        }
      }
    }
  });
});

describe('survey rounds', () => {
  it('gives the manager a random distribution link, and other readers no link', async () => {
    const { round, token } = await openRound(app, manager);
    expect(round).toMatchObject({ status: 'open', audience: 'private_sector', minGroupSize: 10 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await openRound(app, manager);
    expect(second.token).not.toBe(token);
    const auditor = await loginAs(app, 'auditor');
    const seen = await app.inject({
      method: 'GET',
      url: `/api/surveys/rounds/${round.id}`,
      headers: auditor.headers,
    });
    expect(seen.json<SurveyRound>().linkPath).toBeNull();
  });

  it('refuses a minimum group size under 5, dates in the wrong order, an unknown questionnaire', async () => {
    const post = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/surveys/rounds',
        headers: manager.headers,
        payload: {
          title: 'x',
          questionnaireId: 'officials-v1',
          opensOn: today(),
          closesOn: today(),
          ...payload,
        },
      });
    expect((await post({ minGroupSize: 4 })).statusCode).toBe(400);
    expect((await post({ opensOn: '2999-01-02', closesOn: '2999-01-01' })).json()).toMatchObject({
      error: { code: 'SURVEY_DATES_INVALID' },
    });
    expect((await post({ questionnaireId: 'nope' })).json()).toMatchObject({
      error: { code: 'QUESTIONNAIRE_UNKNOWN' },
    });
  });

  it('shows respondents the questionnaire while open, and only the status once closed', async () => {
    const { round, token } = await openRound(app, manager);
    const open = await app.inject({ method: 'GET', url: `/api/public/surveys/${token}` });
    expect(open.statusCode).toBe(200);
    expect(open.headers['set-cookie']).toBeUndefined();
    expect(open.json<PublicSurvey>().questionnaire?.factors).toHaveLength(10);
    await closeRound(app, manager, round.id);
    const closed = await app.inject({ method: 'GET', url: `/api/public/surveys/${token}` });
    expect(closed.json()).toMatchObject({ status: 'closed', questionnaire: null });
    const late = await answer(app, token, { items: { 'ps.leadership.1': 4 } });
    expect(late.json()).toMatchObject({ error: { code: 'SURVEY_CLOSED' } });
  });

  it('shows a scheduled round’s dates but not its questionnaire, and refuses its answers', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { token } = await openRound(app, manager, { opensOn: tomorrow, closesOn: tomorrow });
    const read = await app.inject({ method: 'GET', url: `/api/public/surveys/${token}` });
    expect(read.json()).toMatchObject({
      status: 'scheduled',
      opensOn: tomorrow,
      questionnaire: null,
    });
    const early = await answer(app, token, { items: { 'ps.leadership.1': 4 } });
    expect(early.json()).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });
  });

  it('issues invitation codes only for invitation rounds', async () => {
    const { round } = await openRound(app, manager);
    const response = await app.inject({
      method: 'POST',
      url: `/api/surveys/rounds/${round.id}/invitations`,
      headers: manager.headers,
      payload: { count: 5 },
    });
    expect(response.json()).toMatchObject({ error: { code: 'SURVEY_NOT_INVITATION' } });
  });

  it('answers a wrong link with the same not-found, for reading and answering', async () => {
    await openRound(app, manager);
    const read = await app.inject({ method: 'GET', url: '/api/public/surveys/notatoken' });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toMatchObject({ error: { code: 'SURVEY_NOT_FOUND' } });
    const sent = await answer(app, 'notatoken', { items: { 'ps.leadership.1': 4 } });
    expect(sent.statusCode).toBe(404);
  });

  it('refuses answers to unknown statements, values outside 0–5, and empty answers', async () => {
    const { token } = await openRound(app, manager);
    expect((await answer(app, token, { items: { 'of.leadership.1': 4 } })).statusCode).toBe(400);
    expect((await answer(app, token, { items: { 'ps.leadership.1': 6 } })).statusCode).toBe(400);
    expect((await answer(app, token, { items: {} })).statusCode).toBe(400);
    expect(
      (await answer(app, token, { items: { 'ps.leadership.1': 4 }, group: 'officer' })).statusCode,
    ).toBe(400);
  });

  it('takes a null profile answer as no answer', async () => {
    const { token } = await openRound(app, manager);
    const sent = await answer(app, token, { items: { 'ps.leadership.1': 3 }, group: null });
    expect(sent.statusCode).toBe(201);
    const row = app.store.db.prepare('SELECT profile_group FROM survey_answers').get();
    expect(row).toEqual({ profile_group: null });
  });

  it('keeps results hidden while the round is open', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 12, { items: { 'ps.leadership.1': 4 } });
    const response = await results(round.id);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'SURVEY_ROUND_OPEN' } });
  });
});

describe('small-group suppression', () => {
  it('shows nothing of a round with 9 answers, comments included', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 9, {
      items: { 'ps.leadership.1': 5 },
      comments: { leadership: 'The director spoke clearly.' },
      group: 'trader',
    });
    await closeRound(app, manager, round.id);
    const body = (await results(round.id)).json<SurveyResults>();
    expect(body.overall).toMatchObject({ suppressed: true, respondents: null, factors: [] });
    expect(body.breakdown.groups.every((g) => g.suppressed && g.factors.length === 0)).toBe(true);
    expect(body.comments).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('director');
  });

  it('shows a round with 10 answers, comments as bare texts', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 10, {
      items: { 'ps.leadership.1': 5 },
      comments: { leadership: 'The director spoke clearly.' },
      group: 'trader',
    });
    await closeRound(app, manager, round.id);
    const body = (await results(round.id)).json<SurveyResults>();
    expect(body.overall).toMatchObject({ suppressed: false, respondents: 10 });
    expect(body.overall.factors[0]).toMatchObject({ factor: 'leadership', n: 10, mean: 5 });
    expect(body.comments).toEqual([
      { factor: 'leadership', texts: Array(10).fill('The director spoke clearly.') },
    ]);
    const trader = body.breakdown.groups.find((g) => g.group === 'trader');
    expect(trader).toMatchObject({ suppressed: false, respondents: 10 });
  });

  it('hides a profile group of 9, and the next smallest so that subtraction cannot reveal it', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 12, { items: { 'ps.leadership.1': 4 }, group: 'trader' });
    await answerMany(app, token, 10, { items: { 'ps.leadership.1': 2 }, group: 'broker' });
    await answerMany(app, token, 9, { items: { 'ps.leadership.1': 1 }, group: 'other' });
    await closeRound(app, manager, round.id);
    const body = (await results(round.id)).json<SurveyResults>();
    const shown = Object.fromEntries(body.breakdown.groups.map((g) => [g.group, g.respondents]));
    expect(shown).toEqual({ trader: 12, broker: null, other: null, not_stated: null });
    expect(body.overall.respondents).toBe(31);
  });

  it('hides a group of 9 next to a group of 10 when there is nothing else to hide with it', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 10, { items: { 'ps.leadership.1': 4 }, group: 'trader' });
    await answerMany(app, token, 9, { items: { 'ps.leadership.1': 1 } });
    await closeRound(app, manager, round.id);
    const body = (await results(round.id)).json<SurveyResults>();
    expect(body.overall.suppressed).toBe(false);
    expect(body.breakdown.groups.every((g) => g.suppressed)).toBe(true);
  });
});

describe('results by factor', () => {
  it('match values computed by hand', async () => {
    const { round, token } = await openRound(app, manager);
    // Leadership answers of ten respondents (three statements; 0 = don't know, absent = skipped):
    const answers: Record<string, number>[] = [
      { 'ps.leadership.1': 5, 'ps.leadership.2': 4, 'ps.leadership.3': 3 }, // score 4
      { 'ps.leadership.1': 5, 'ps.leadership.2': 5, 'ps.leadership.3': 5 }, // 5
      { 'ps.leadership.1': 1, 'ps.leadership.2': 2, 'ps.leadership.3': 3 }, // 2
      { 'ps.leadership.1': 4, 'ps.leadership.2': 0 }, // 4 (don't know left out)
      { 'ps.leadership.1': 3, 'ps.leadership.2': 3, 'ps.leadership.3': 3 }, // 3
      { 'ps.leadership.1': 2, 'ps.leadership.2': 2 }, // 2
      { 'ps.leadership.1': 0, 'ps.leadership.2': 0, 'ps.leadership.3': 0 }, // no score
      { 'ps.leadership.1': 4, 'ps.leadership.2': 5, 'ps.leadership.3': 4 }, // 13/3
      { 'ps.leadership.1': 1 }, // 1
      { 'ps.transparency.1': 3 }, // no leadership answer
    ];
    for (const items of answers) expect((await answer(app, token, { items })).statusCode).toBe(201);
    await closeRound(app, manager, round.id);
    const body = (await results(round.id)).json<SurveyResults>();
    const leadership = body.overall.factors.find((f) => f.factor === 'leadership');
    // Scores: 4, 5, 2, 4, 3, 2, 13/3, 1 → n = 8, sum = 21 + 13/3 = 76/3, mean = 76/24 = 3.166667.
    // Squared deviations from the mean: 0.694444, 3.361111, 1.361111, 0.694444, 0.027778,
    // 1.361111, 1.361111, 4.694444 → 13.555556; variance = 13.555556 / 7 = 1.936508, sd = 1.391585.
    // Favourable (score ≥ 4): 4, 5, 4, 13/3 → 4 of 8 = 0.5.
    expect(leadership).toMatchObject({ n: 8, mean: 3.1667, sd: 1.3916, shareFavourable: 0.5 });
    // Every answer to the three statements, counted by value:
    // 1: r3.1, r9.1 = 2; 2: r3.2, r6.1, r6.2 = 3; 3: r1.3, r3.3, r5 ×3 = 5;
    // 4: r1.2, r4.1, r8.1, r8.3 = 4; 5: r1.1, r2 ×3, r8.2 = 5; don't know: r4.2, r7 ×3 = 4.
    expect(leadership?.distribution).toEqual({
      '1': 2,
      '2': 3,
      '3': 5,
      '4': 4,
      '5': 5,
      dontKnow: 4,
    });
    // Statement 1: 5, 5, 1, 4, 3, 2, 4, 1 → n 8, mean 25/8 = 3.125.
    expect(leadership?.items[0]).toMatchObject({ item: 'ps.leadership.1', n: 8, mean: 3.125 });
    const transparency = body.overall.factors.find((f) => f.factor === 'transparency');
    expect(transparency).toMatchObject({ n: 1, mean: 3, sd: null, shareFavourable: 0 });
  });
});

describe('comparison across rounds', () => {
  it('gives the change of each factor with Welch’s and Newcombe’s intervals', async () => {
    const first = await openRound(app, manager, { title: 'Round 1' });
    for (const v of [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]) {
      await answerMany(app, first.token, 1, { items: { 'ps.leadership.1': v } });
    }
    await closeRound(app, manager, first.round.id);
    const second = await openRound(app, manager, { title: 'Round 2' });
    for (const v of [3, 4, 5, 5, 4, 3, 4, 5, 5, 4]) {
      await answerMany(app, second.token, 1, { items: { 'ps.leadership.1': v } });
    }
    await closeRound(app, manager, second.round.id);
    const analyst = await loginAs(app, 'analyst');
    const response = await app.inject({
      method: 'GET',
      url: `/api/surveys/comparison?earlier=${first.round.id}&later=${second.round.id}`,
      headers: analyst.headers,
    });
    expect(response.statusCode).toBe(200);
    const leadership = response.json().factors[0];
    // Earlier: mean 3, variance 20/9 = 2.222222 (n 10); later: mean 4.2, variance 5.6/9 = 0.622222.
    // se = sqrt(0.222222 + 0.062222) = 0.533333; df = 0.284444² / (0.222222²/9 + 0.062222²/9)
    // = 13.673591; t(0.975; 13.673591) = 2.149600 (SciPy t.ppf) → 1.2 ± 1.146453: 0.053547 to 2.346453.
    expect(leadership.earlier).toEqual({ n: 10, mean: 3, shareFavourable: 0.4 });
    expect(leadership.later).toEqual({ n: 10, mean: 4.2, shareFavourable: 0.8 });
    expect(leadership.meanChange.estimate).toBeCloseTo(1.2, 4);
    expect(leadership.meanChange.low).toBeCloseTo(0.0535, 4);
    expect(leadership.meanChange.high).toBeCloseTo(2.3465, 4);
    expect(leadership.factor).toBe('leadership');
    expect(leadership.shareFavourableChange.estimate).toBeCloseTo(0.4, 4);
    // Newcombe (1998) method 10 from Wilson intervals, z = 1.959964: earlier 4/10 → 0.168180 to
    // 0.687326, later 8/10 → 0.490162 to 0.943318; 0.4 − √(0.309838² + 0.287326²) = −0.022558,
    // 0.4 + √(0.143318² + 0.231820²) = 0.672544 (computed by hand in Python).
    expect(leadership.shareFavourableChange.low).toBeCloseTo(-0.0226, 4);
    expect(leadership.shareFavourableChange.high).toBeCloseTo(0.6725, 4);
    expect(response.json().factors[2].meanChange).toBeNull();
  });

  it('refuses to compare rounds of two audiences', async () => {
    const first = await openRound(app, manager);
    const second = await openRound(app, manager, { questionnaireId: 'officials-v1' });
    await closeRound(app, manager, first.round.id);
    await closeRound(app, manager, second.round.id);
    const response = await app.inject({
      method: 'GET',
      url: `/api/surveys/comparison?earlier=${first.round.id}&later=${second.round.id}`,
      headers: manager.headers,
    });
    expect(response.json()).toMatchObject({ error: { code: 'SURVEY_ROUNDS_NOT_COMPARABLE' } });
  });
});

describe('invitation codes and the answer budget', () => {
  it('accepts each invitation code once, and keeps no trace of which code answered', async () => {
    const { round, token } = await openRound(app, manager, { accessMode: 'invitation' });
    const issued = await app.inject({
      method: 'POST',
      url: `/api/surveys/rounds/${round.id}/invitations`,
      headers: manager.headers,
      payload: { count: 3 },
    });
    expect(issued.statusCode).toBe(201);
    const { codes } = issued.json<{ codes: string[] }>();
    expect(codes).toHaveLength(3);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const items = { 'ps.leadership.1': 4 };
    expect((await answer(app, token, { items })).json()).toMatchObject({
      error: { code: 'INVITATION_INVALID' },
    });
    expect((await answer(app, token, { items, invitationCode: codes[0] })).statusCode).toBe(201);
    expect((await answer(app, token, { items, invitationCode: codes[0] })).statusCode).toBe(403);
    const left = app.store.db.prepare('SELECT count(*) AS n FROM survey_invitations').get() as {
      n: number;
    };
    expect(left.n).toBe(2);
    const stored = JSON.stringify(app.store.db.prepare('SELECT * FROM survey_answers').all());
    expect(stored).not.toContain(codes[0] ?? '');
  });

  it('stops accepting answers when the round’s hourly budget is spent', async () => {
    const { token } = await openRound(app, manager, { answersPerHour: 2 });
    await answerMany(app, token, 2, { items: { 'ps.leadership.1': 4 } });
    const third = await answer(app, token, { items: { 'ps.leadership.1': 4 } });
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'SURVEY_BUSY' } });
  });
});

describe('export of the aggregate results', () => {
  it('writes CSV and JSON without comments, each on the audit trail as an export', async () => {
    const { round, token } = await openRound(app, manager);
    await answerMany(app, token, 10, {
      items: { 'ps.leadership.1': 4 },
      group: 'broker',
      comments: { automation: 'Scanner broken again.' },
    });
    await closeRound(app, manager, round.id);
    const auditor = await loginAs(app, 'auditor');
    const csv = await app.inject({
      method: 'GET',
      url: `/api/surveys/rounds/${round.id}/export?format=csv`,
      headers: auditor.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'round_id,group,respondents,suppressed,factor,item,n,mean,sd,share_favourable,answers_1,answers_2,answers_3,answers_4,answers_5,dont_know',
    );
    expect(lines).toContain(`${round.id},all,10,false,leadership,,10,4,0,1,0,0,0,10,0,0`);
    expect(lines).toContain(`${round.id},trader,,true,,,,,,,,,,,,`);
    expect(csv.body).not.toContain('Scanner');
    const json = await app.inject({
      method: 'GET',
      url: `/api/surveys/rounds/${round.id}/export?format=json`,
      headers: auditor.headers,
    });
    expect(json.json<SurveyExport>().overall.respondents).toBe(10);
    expect(json.body).not.toContain('Scanner');
    const trail = app.store.db
      .prepare(
        `SELECT actor_id, target_type, target_id, details FROM audit_log WHERE action = 'export'`,
      )
      .all() as { actor_id: number; target_type: string; target_id: string; details: string }[];
    expect(
      trail.map((e) => [e.actor_id, e.target_type, e.target_id, JSON.parse(e.details)]),
    ).toEqual([
      [auditor.userId, 'survey_round', String(round.id), { what: 'survey_results', format: 'csv' }],
      [
        auditor.userId,
        'survey_round',
        String(round.id),
        { what: 'survey_results', format: 'json' },
      ],
    ]);
  });

  it('does not record an export that was refused', async () => {
    const { round } = await openRound(app, manager);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/surveys/rounds/${round.id}/export`,
      headers: manager.headers,
    });
    expect(refused.statusCode).toBe(409);
    const n = app.store.db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`)
      .get();
    expect(n).toEqual({ n: 0 });
  });
});
