// The public report page: /report (write and send) and /report/follow-up (come back with the
// receipt). Everything is encrypted here before it leaves the browser (../shared/report-crypto).
import '../shared/public-page.css';
import './report.css';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import type { ReportForm, ReportQuestion } from '@probity/server';
import { solveChallenge } from '../shared/proof-of-work.js';
import {
  decryptReportContent,
  encryptReport,
  encryptReporterMessage,
  formatReceipt,
  openMessage,
  receiptLookupKey,
  reporterReportKey,
} from '../shared/report-crypto.js';
import type { DraftAttachment } from '../shared/report-crypto.js';
import {
  ApiError,
  followUp,
  newChallenge,
  postThreadMessage,
  readThread,
  reportForm,
  sendReport,
} from './api.js';
import { h, render } from './dom.js';

type Locale = 'en' | 'fr';
const catalogues: Record<Locale, Record<string, string>> = { en, fr };
let locale: Locale = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';

function t(key: string, values: Record<string, string | number> = {}): string {
  const text = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    if (catalogues[locale][key]) return t(key);
  }
  return t('error.generic');
}

const root = document.getElementById('report-root') ?? document.body;
const isFollowUp = location.pathname.replace(/\/$/, '') === '/report/follow-up';

function header(titleKey: string, rerender: () => void): HTMLElement {
  const toggle = h(
    'button',
    { type: 'button', class: 'language', lang: locale === 'en' ? 'fr' : 'en' },
    t('language'),
  );
  toggle.addEventListener('click', () => {
    locale = locale === 'en' ? 'fr' : 'en';
    rerender();
  });
  document.documentElement.lang = locale;
  document.title = t(titleKey);
  return h('header', {}, h('h1', {}, t(titleKey)), toggle);
}

function status(kind: 'info' | 'error', text: string): HTMLElement {
  return h('p', { class: `status ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** A solved proof of work, as the `x-report-proof` header wants it. */
async function proof(): Promise<string> {
  const c = await newChallenge();
  return `${c.challenge}.${await solveChallenge(c.challenge, c.difficulty)}`;
}

// ---- Writing a report --------------------------------------------------------------------

interface FormState {
  answers: Record<string, string>;
  leftOut: Set<number>;
  files: File[];
  message: HTMLElement | null;
  busy: boolean;
}

const state: FormState = { answers: {}, leftOut: new Set(), files: [], message: null, busy: false };

function questionField(q: ReportQuestion): HTMLElement {
  const id = `q-${q.id}`;
  const label = h('label', { for: id }, q.label[locale], q.required ? ` (${t('required')})` : '');
  const attrs = { id, name: q.id, 'aria-describedby': `${id}-help`, required: q.required };
  const input =
    q.kind === 'textarea'
      ? h('textarea', { ...attrs, rows: '6' })
      : h('input', { ...attrs, type: 'text' });
  input.value = state.answers[q.id] ?? '';
  input.addEventListener('input', () => {
    state.answers[q.id] = input.value;
  });
  return h(
    'div',
    { class: 'field' },
    label,
    h('p', { id: `${id}-help`, class: 'help' }, q.help[locale]),
    input,
  );
}

function recipientsField(form: ReportForm): HTMLElement {
  const items = form.recipients.map((r) => {
    const box = h('input', {
      type: 'checkbox',
      id: `r-${r.id}`,
      checked: !state.leftOut.has(r.id),
    });
    box.addEventListener('change', () => {
      if (box.checked) state.leftOut.delete(r.id);
      else state.leftOut.add(r.id);
    });
    return h('li', {}, box, h('label', { for: `r-${r.id}` }, r.label));
  });
  return h(
    'fieldset',
    {},
    h('legend', {}, t('recipients')),
    h('p', { class: 'help' }, t('recipientsHelp')),
    h('ul', { class: 'recipients' }, ...items),
  );
}

function attachmentsField(form: ReportForm): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'attachments',
    multiple: true,
    accept: form.limits.allowedTypes.join(','),
    'aria-describedby': 'attachments-help attachments-warning',
  });
  input.addEventListener('change', () => {
    state.files = [...(input.files ?? [])];
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: 'attachments' }, t('attachments')),
    h(
      'p',
      { id: 'attachments-help', class: 'help' },
      t('attachmentsHelp', { max: form.limits.maxAttachments }),
    ),
    h('p', { id: 'attachments-warning', class: 'warning' }, t('metadataWarning')),
    input,
  );
}

function checkDraft(form: ReportForm): string | null {
  for (const q of form.questions) {
    if (q.required && !(state.answers[q.id] ?? '').trim())
      return t('missing', { question: q.label[locale] });
  }
  if (state.files.length > form.limits.maxAttachments)
    return t('tooManyFiles', { max: form.limits.maxAttachments });
  for (const f of state.files) {
    if (f.size > form.limits.maxAttachmentBytes) return t('fileTooLarge', { name: f.name });
    if (!form.limits.allowedTypes.includes(f.type)) return t('fileType', { name: f.name });
  }
  return null;
}

async function submit(form: ReportForm): Promise<void> {
  const problem = checkDraft(form);
  if (problem) {
    state.message = status('error', problem);
    return showForm(form);
  }
  state.busy = true;
  state.message = status('info', t('sending'));
  showForm(form);
  try {
    const attachments: DraftAttachment[] = await Promise.all(
      state.files.map(async (f) => ({
        name: f.name,
        type: f.type,
        data: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    const recipients = form.recipients.filter((r) => !state.leftOut.has(r.id));
    const answers = Object.fromEntries(
      Object.entries(state.answers).filter(([, v]) => v.trim() !== ''),
    );
    const { receipt, submission } = await encryptReport(
      { answers, locale, attachments },
      recipients,
      form.receiptSalt,
    );
    const received = await sendReport(submission, await proof());
    state.answers = {};
    state.files = [];
    state.busy = false;
    state.message = null;
    showReceipt(receipt, received.reference);
  } catch (error) {
    state.busy = false;
    state.message = status('error', errorText(error));
    showForm(form);
  }
}

function showForm(form: ReportForm): void {
  const send = h(
    'button',
    { type: 'submit', disabled: state.busy || form.recipients.length === 0 },
    t('send'),
  );
  const el = h(
    'form',
    { novalidate: true },
    ...form.questions.map(questionField),
    recipientsField(form),
    attachmentsField(form),
    state.message,
    send,
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!state.busy) void submit(form);
  });
  render(
    root,
    header('title', () => showForm(form)),
    h('p', {}, t('intro')),
    h('p', { class: 'warning' }, t('safety')),
    form.recipients.length === 0 ? status('error', t('noRecipients')) : null,
    el,
    h('p', {}, h('a', { href: '/report/follow-up' }, t('goFollowUp'))),
  );
}

function showReceipt(receipt: string, reference: string): void {
  const done = h('input', { type: 'checkbox', id: 'receipt-done' });
  const link = h('a', { href: '/report/follow-up', class: 'hidden' }, t('goFollowUp'));
  done.addEventListener('change', () => link.classList.toggle('hidden', !done.checked));
  render(
    root,
    header('receiptTitle', () => showReceipt(receipt, reference)),
    h('p', {}, t('receiptIntro')),
    h('p', { class: 'receipt', 'aria-label': t('receiptLabel') }, formatReceipt(receipt)),
    h('p', {}, `${t('reference')}: ${reference}`),
    h('p', {}, done, h('label', { for: 'receipt-done' }, t('receiptDone'))),
    link,
  );
}

// ---- Following up ------------------------------------------------------------------------

interface Opened {
  token: string;
  reportKey: Uint8Array;
  questions: ReportQuestion[];
  limits: ReportForm['limits'];
}

async function openReport(receipt: string): Promise<Opened> {
  const form = await reportForm();
  const lookupKey = await receiptLookupKey(receipt, form.receiptSalt);
  const session = await followUp({ receiptKey: lookupKey }, await proof());
  const thread = await readThread(session.token);
  return {
    token: session.token,
    reportKey: await reporterReportKey(receipt, thread.reporterKeyWrap),
    questions: form.questions,
    limits: form.limits,
  };
}

function showFollowUpLogin(message: HTMLElement | null = null): void {
  const input = h('input', {
    id: 'receipt',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const button = h('button', { type: 'submit' }, t('open'));
  const el = h(
    'form',
    {},
    h('label', { for: 'receipt' }, t('receiptLabel')),
    input,
    message,
    button,
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    el.insertBefore(status('info', t('opening')), button);
    openReport(input.value)
      .then((opened) => showThread(opened))
      .catch((error: unknown) => showFollowUpLogin(status('error', errorText(error))));
  });
  render(
    root,
    header('followUpTitle', () => showFollowUpLogin(message)),
    el,
    h('p', {}, h('a', { href: '/report' }, t('newReport'))),
  );
}

async function showThread(opened: Opened, message: HTMLElement | null = null): Promise<void> {
  let thread;
  try {
    thread = await readThread(opened.token);
  } catch (error) {
    return showFollowUpLogin(status('error', errorText(error)));
  }
  const content = await decryptReportContent(opened.reportKey, thread.content);
  const messages = await Promise.all(
    thread.messages.map(async (m) => ({
      ...m,
      ...(await openMessage(opened.reportKey, m.author, m).catch(() => ({
        text: '…',
        attachments: [],
      }))),
    })),
  );
  const reply = h('textarea', { id: 'reply', rows: '5' });
  const files = h('input', {
    type: 'file',
    id: 'reply-files',
    multiple: true,
    accept: opened.limits.allowedTypes.join(','),
    'aria-describedby': 'reply-files-warning',
  });
  const send = h('button', { type: 'submit' }, t('sendMessage'));
  const form = h(
    'form',
    {},
    h('label', { for: 'reply' }, t('reply')),
    reply,
    h('label', { for: 'reply-files' }, t('attachments')),
    h('p', { id: 'reply-files-warning', class: 'warning' }, t('metadataWarning')),
    files,
    message,
    send,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...(files.files ?? [])];
    if (!reply.value.trim() && chosen.length === 0) return;
    const room = Math.min(opened.limits.maxAttachments, 10 - thread.attachmentCount);
    const problem =
      chosen.length > room
        ? t('tooManyFiles', { max: Math.max(room, 0) })
        : chosen
            .map((f) =>
              f.size > opened.limits.maxAttachmentBytes
                ? t('fileTooLarge', { name: f.name })
                : opened.limits.allowedTypes.includes(f.type)
                  ? null
                  : t('fileType', { name: f.name }),
            )
            .find((m) => m !== null);
    if (problem) {
      void showThread(opened, status('error', problem));
      return;
    }
    send.disabled = true;
    Promise.all(
      chosen.map(async (f) => ({
        name: f.name,
        type: f.type,
        data: new Uint8Array(await f.arrayBuffer()),
      })),
    )
      .then((drafts) =>
        encryptReporterMessage(opened.reportKey, reply.value, drafts, thread.attachmentCount),
      )
      .then((body) => postThreadMessage(opened.token, body))
      .then(() => showThread(opened, status('info', t('messageSent'))))
      .catch((error: unknown) => showThread(opened, status('error', errorText(error))));
  });
  const when = new Date(thread.receivedAt).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB');
  render(
    root,
    header('followUpTitle', () => void showThread(opened, message)),
    h('p', {}, `${t('reference')}: ${thread.reference} · ${t('receivedAt')} ${when}`),
    h('p', {}, `${t('status')}: ${t(`status.${thread.status}`)}`),
    h(
      'details',
      {},
      h('summary', {}, t('yourReport')),
      h(
        'dl',
        {},
        ...Object.entries(content.answers).flatMap(([k, v]) => [
          h('dt', {}, opened.questions.find((q) => q.id === k)?.label[locale] ?? k),
          h('dd', {}, v),
        ]),
      ),
    ),
    h('h2', {}, t('thread')),
    messages.length === 0
      ? h('p', {}, t('noMessages'))
      : h(
          'ol',
          { class: 'thread' },
          ...messages.map((m) =>
            h(
              'li',
              { class: m.author },
              h('p', { class: 'meta' }, m.author === 'reporter' ? t('fromYou') : t('fromUnit')),
              h('p', { class: 'text' }, m.text),
              m.attachments.length > 0
                ? h(
                    'p',
                    { class: 'meta' },
                    t('filesAdded', { names: m.attachments.map((a) => a.name).join(', ') }),
                  )
                : null,
            ),
          ),
        ),
    form,
  );
}

// ---- Start -------------------------------------------------------------------------------

if (isFollowUp) {
  showFollowUpLogin();
} else {
  reportForm()
    .then(showForm)
    .catch((error: unknown) =>
      render(
        root,
        header('title', () => location.reload()),
        status('error', errorText(error)),
      ),
    );
}
