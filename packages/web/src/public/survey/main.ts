// The public survey page (/survey/<token>): a respondent answers a perception survey round
// anonymously, in English or French. No account, no cookie, no third-party resource; the
// invitation code (invitation rounds) may come in the link's #fragment, which never reaches
// the server with the page request.
import '../shared/public-page.css';
import './survey.css';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import type { PublicSurvey, Questionnaire, SurveyText } from '@probity/server';
import { browserLocale, el, messages, replaceContent } from '../shared/dom-builder.js';
import type { PageLocale } from '../shared/dom-builder.js';
import { PublicApiError, publicCall } from '../shared/public-api.js';

let locale: PageLocale = browserLocale();
const msg = messages({ en, fr }, () => locale);
const root = document.getElementById('survey-root') ?? document.body;
const token = decodeURIComponent(location.pathname.replace(/\/$/, '').split('/').pop() ?? '');

/** What the respondent has chosen so far; kept across language switches and failed sends. */
const state = {
  items: new Map<string, number>(),
  /** Profile answer: an option id, null for "prefer not to say", undefined when not chosen. */
  group: undefined as string | null | undefined,
  comments: new Map<string, string>(),
  code: new URLSearchParams(location.hash.replace(/^#/, '')).get('code') ?? '',
  busy: false,
  error: null as string | null,
};

const local = (text: SurveyText) => text[locale];

function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

function header(title: string, rerender: () => void): HTMLElement {
  const toggle = el(
    'button',
    { type: 'button', class: 'language', lang: locale === 'en' ? 'fr' : 'en' },
    msg('language'),
  );
  toggle.addEventListener('click', () => {
    locale = locale === 'en' ? 'fr' : 'en';
    rerender();
  });
  document.documentElement.lang = locale;
  document.title = title;
  return el('header', {}, el('h1', { tabindex: '-1' }, title), toggle);
}

function message(titleKey: string, text: string, rerender: () => void): void {
  replaceContent(root, header(msg(titleKey), rerender), el('p', { role: 'status' }, text));
}

function radio(name: string, value: string, label: string, checked: boolean, onPick: () => void) {
  const input = el('input', { type: 'radio', name, value, checked });
  input.addEventListener('change', onPick);
  return el('label', { class: 'choice' }, input, el('span', {}, label));
}

function statement(q: Questionnaire, itemId: string, text: SurveyText): HTMLElement {
  const name = `item-${itemId}`;
  const values = [1, 2, 3, 4, 5, 0];
  return el(
    'fieldset',
    { class: 'item' },
    el('legend', {}, local(text)),
    el(
      'div',
      { class: 'scale' },
      ...values.map((value, i) =>
        radio(
          name,
          String(value),
          local(q.scale[i] ?? text),
          state.items.get(itemId) === value,
          () => state.items.set(itemId, value),
        ),
      ),
    ),
  );
}

function factorSection(q: Questionnaire, index: number): HTMLElement {
  const factor = q.factors[index];
  if (!factor) return el('div');
  const commentId = `comment-${factor.id}`;
  const comment = el('textarea', {
    id: commentId,
    rows: '3',
    maxlength: '2000',
    'aria-describedby': `${commentId}-help`,
  });
  comment.value = state.comments.get(factor.id) ?? '';
  comment.addEventListener('input', () => state.comments.set(factor.id, comment.value));
  return el(
    'section',
    { class: 'factor', 'aria-labelledby': `factor-${factor.id}` },
    el('p', { class: 'count' }, msg('factorCount', { index: index + 1, total: q.factors.length })),
    el('h2', { id: `factor-${factor.id}` }, local(factor.name)),
    ...factor.items.map((item) => statement(q, item.id, item.text)),
    el('label', { for: commentId }, msg('commentLabel', { factor: local(factor.name) })),
    el('p', { class: 'help', id: `${commentId}-help` }, msg('commentHelp')),
    comment,
  );
}

function profile(q: Questionnaire): HTMLElement {
  const options = [
    ...q.profile.options.map((o) => ({ id: o.id as string | null, label: local(o.label) })),
    { id: null, label: msg('preferNotToSay') },
  ];
  return el(
    'fieldset',
    { class: 'item profile' },
    el('legend', {}, local(q.profile.question)),
    el(
      'div',
      { class: 'scale' },
      ...options.map((o) =>
        radio('profile', o.id ?? '', o.label, state.group === o.id, () => {
          state.group = o.id;
        }),
      ),
    ),
  );
}

function form(survey: PublicSurvey, q: Questionnaire, rerender: () => void): void {
  const codeField =
    survey.accessMode === 'invitation'
      ? (() => {
          const input = el('input', {
            id: 'invitation-code',
            type: 'text',
            autocomplete: 'off',
            spellcheck: 'false',
            required: true,
            'aria-describedby': 'invitation-help',
          });
          input.value = state.code;
          input.addEventListener('input', () => (state.code = input.value));
          return el(
            'div',
            { class: 'field' },
            el('label', { for: 'invitation-code' }, msg('invitationCode')),
            el('p', { class: 'help', id: 'invitation-help' }, msg('invitationHelp')),
            input,
          );
        })()
      : null;
  const send = el(
    'button',
    { type: 'submit', disabled: state.busy },
    msg(state.busy ? 'sending' : 'send'),
  );
  const alert = state.error ? el('p', { class: 'status error', role: 'alert' }, state.error) : null;
  const formEl = el(
    'form',
    { novalidate: true },
    el('p', {}, local(q.introduction)),
    el('p', { class: 'notice' }, msg('anonymity', { min: survey.minGroupSize })),
    el('p', {}, msg('closesOn', { date: formatDay(survey.closesOn) })),
    codeField,
    profile(q),
    ...q.factors.map((_f, i) => factorSection(q, i)),
    alert,
    el('div', { class: 'actions' }, send),
  );
  formEl.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(survey, q, rerender);
  });
  replaceContent(root, header(survey.title || local(q.title), rerender), formEl);
}

async function submit(survey: PublicSurvey, q: Questionnaire, rerender: () => void) {
  if (state.busy) return;
  const comments = Object.fromEntries(
    [...state.comments].map(([k, v]) => [k, v.trim()] as const).filter(([, v]) => v !== ''),
  );
  if (state.items.size === 0 && Object.keys(comments).length === 0) {
    state.error = msg('emptyAnswer');
    rerender();
    root.querySelector<HTMLElement>('[role=alert]')?.focus();
    return;
  }
  state.busy = true;
  state.error = null;
  form(survey, q, rerender);
  try {
    await publicCall('POST', `/api/public/surveys/${encodeURIComponent(token)}/answers`, {
      items: Object.fromEntries(state.items),
      group: state.group ?? null,
      comments,
      ...(survey.accessMode === 'invitation' ? { invitationCode: state.code.trim() } : {}),
    });
    state.items.clear();
    state.comments.clear();
    const thanks = () => message('thanksTitle', msg('thanks'), thanks);
    thanks();
    root.querySelector<HTMLElement>('h1')?.focus();
  } catch (error) {
    state.busy = false;
    const code = error instanceof PublicApiError ? error.code : 'generic';
    state.error = (en as Record<string, string>)[`error.${code}`]
      ? msg(`error.${code}`)
      : msg('error.generic');
    form(survey, q, rerender);
    const alertEl = root.querySelector<HTMLElement>('[role=alert]');
    alertEl?.setAttribute('tabindex', '-1');
    alertEl?.focus();
  }
}

async function start(): Promise<void> {
  message('pageTitle', msg('loading'), () => void start());
  let survey: PublicSurvey;
  try {
    survey = await publicCall<PublicSurvey>(
      'GET',
      `/api/public/surveys/${encodeURIComponent(token)}`,
    );
  } catch (error) {
    const invalid = error instanceof PublicApiError && error.status === 404;
    const show = () => message('pageTitle', msg(invalid ? 'invalidLink' : 'unavailable'), show);
    show();
    return;
  }
  const show = (): void => {
    if (survey.status === 'closed') {
      message('closedTitle', msg('closed'), show);
    } else if (survey.status === 'scheduled' || !survey.questionnaire) {
      message('scheduledTitle', msg('scheduled', { date: formatDay(survey.opensOn) }), show);
    } else {
      form(survey, survey.questionnaire, show);
    }
  };
  show();
}

void start();
