// The public transparency page (/transparency): the service standards Customs publishes —
// release times by office and channel (aggregates from the latest analysis, small cells
// suppressed by the server), how to report, and what happens to a report. The texts are the
// bundled catalogues (./i18n), except the introduction and a notice the administration may set
// in the workspace; those and the figures come from GET /api/public/transparency.
import '../shared/public-page.css';
import './transparency.css';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import type { ReleaseStandardCell, ReleaseStandards, TransparencyResponse } from '@probity/server';
import { browserLocale, el, messages, replaceContent } from '../shared/dom-builder.js';
import type { PageLocale } from '../shared/dom-builder.js';
import { publicCall } from '../shared/public-api.js';

let locale: PageLocale = browserLocale();
const msg = messages({ en, fr }, () => locale);
const root = document.getElementById('transparency-root') ?? document.body;
const channels = ['green', 'yellow', 'red', 'blue'];

function number(value: number, digits = 1): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}

function formatDay(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** Hours as hours below two days, as days above. */
function duration(hours: number): string {
  return hours < 48
    ? msg('hours', { value: number(hours) })
    : msg('days', { value: number(hours / 24) });
}

function cellContent(cell: ReleaseStandardCell | undefined, min: number): HTMLElement {
  if (!cell) return el('td', { class: 'empty' }, '');
  if (cell.suppressed || cell.medianHours === null || cell.p90Hours === null) {
    return el(
      'td',
      { class: 'suppressed' },
      el('span', { 'aria-hidden': 'true', title: msg('suppressed', { min }) }, '—'),
      el('span', { class: 'visually-hidden' }, msg('suppressed', { min })),
    );
  }
  return el(
    'td',
    {},
    el('span', { class: 'median' }, `${duration(cell.medianHours)} `),
    el('span', { class: 'label' }, msg('median')),
    el('br'),
    el('span', { class: 'label' }, `${msg('p90')} `),
    el('span', { class: 'p90' }, duration(cell.p90Hours)),
    el('br'),
    el('span', { class: 'count' }, msg('declarations', { n: number(cell.declarations ?? 0, 0) })),
  );
}

function releaseTable(times: ReleaseStandards): HTMLElement {
  const present = channels.filter((c) => times.cells.some((cell) => cell.channel === c));
  const offices = [...new Set(times.cells.map((c) => c.office))];
  const find = (office: string | null, channel: string) =>
    times.cells.find((c) => c.office === office && c.channel === channel);
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'release-title' },
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, msg('office')),
          ...present.map((c) => el('th', { scope: 'col' }, msg(`channel.${c}`))),
        ),
      ),
      el(
        'tbody',
        {},
        ...offices.map((office) =>
          el(
            'tr',
            { class: office === null ? 'all' : undefined },
            el('th', { scope: 'row' }, office ?? msg('allOffices')),
            ...present.map((c) => cellContent(find(office, c), times.minDeclarations)),
          ),
        ),
      ),
    ),
  );
}

function releaseSection(data: TransparencyResponse | null, failed: boolean): HTMLElement {
  const times = data?.releaseTimes ?? null;
  const body: (HTMLElement | null)[] = failed
    ? [el('p', { role: 'status' }, msg('releaseUnavailable'))]
    : !times
      ? [el('p', {}, msg('releaseMissing'))]
      : [
          el(
            'p',
            {},
            msg('releaseIntro', {
              from: times.periodFrom ? formatDay(times.periodFrom) : '…',
              to: times.periodTo ? formatDay(times.periodTo) : '…',
            }),
          ),
          releaseTable(times),
          el(
            'p',
            { class: 'help' },
            msg('releaseRule', {
              maxDays: number(times.maxHours / 24, 0),
              min: times.minDeclarations,
            }),
          ),
          el(
            'p',
            { class: 'help' },
            msg('releaseGenerated', { date: formatDay(times.generatedAt) }),
          ),
        ];
  return el(
    'section',
    { 'aria-labelledby': 'release-title' },
    el('h2', { id: 'release-title' }, msg('releaseTitle')),
    ...body,
  );
}

function render(data: TransparencyResponse | null, failed: boolean): void {
  const toggle = el(
    'button',
    { type: 'button', class: 'language', lang: locale === 'en' ? 'fr' : 'en' },
    msg('language'),
  );
  toggle.addEventListener('click', () => {
    locale = locale === 'en' ? 'fr' : 'en';
    render(data, failed);
  });
  document.documentElement.lang = locale;
  document.title = msg('pageTitle');
  const clocks = data?.reporting ?? { path: '/report', acknowledgementDays: 7, feedbackMonths: 3 };
  const values = { ackDays: clocks.acknowledgementDays, feedbackMonths: clocks.feedbackMonths };
  replaceContent(
    root,
    el('header', {}, el('h1', {}, msg('pageTitle')), toggle),
    // The administration's own texts, when it set them (GET /api/public/transparency), else the bundled.
    el('p', { class: 'intro' }, data?.texts.intro?.[locale] ?? msg('intro')),
    data?.texts.notice ? el('p', { class: 'notice' }, data.texts.notice[locale]) : null,
    releaseSection(data, failed),
    el(
      'section',
      { 'aria-labelledby': 'report-title' },
      el('h2', { id: 'report-title' }, msg('reportTitle')),
      el('p', {}, msg('reportText')),
      el(
        'p',
        { class: 'links' },
        el('a', { href: clocks.path, class: 'primary' }, msg('reportLink')),
        el('a', { href: `${clocks.path}/follow-up` }, msg('followUpLink')),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'process-title' },
      el('h2', { id: 'process-title' }, msg('processTitle')),
      el(
        'ol',
        { class: 'process' },
        ...[1, 2, 3, 4, 5, 6].map((i) => el('li', {}, msg(`process.${i}`, values))),
      ),
    ),
  );
}

async function start(): Promise<void> {
  replaceContent(root, el('p', { role: 'status' }, msg('loading')));
  try {
    render(await publicCall<TransparencyResponse>('GET', '/api/public/transparency'), false);
  } catch {
    render(null, true);
  }
}

void start();
