import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  messagesEn,
  messagesFr,
  renderAnalysisReport,
  scriptJson,
} from '../../src/report/index.js';
import { coreDocument, flaggedExplanation, fullDocument, hostileId } from './report-fixture.js';

/** The page without the inlined chart libraries: what the report itself wrote. */
function ownMarkup(html: string): string {
  return html.replace(/<script>(?:(?!<\/script>)[\s\S])*<\/script>/g, (s) =>
    s.length > 50_000 ? '<script>[library]</script>' : s,
  );
}

/** The page as a reader sees it: no scripts, no embedded data. */
function visible(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, '');
}

/** Whether `html` contains `text`, without printing a megabyte when it fails. */
const has = (html: string, text: string) => html.includes(text);

/** The embedded chart data, parsed back. */
function embeddedData(html: string): { charts: { type: string }[]; text: Record<string, unknown> } {
  const match = /<script type="application\/json" id="probity-data">([\s\S]*?)<\/script>/.exec(
    html,
  );
  if (!match?.[1]) throw new Error('no embedded data');
  return JSON.parse(match[1]) as { charts: { type: string }[]; text: Record<string, unknown> };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('renderAnalysisReport', () => {
  const full = renderAnalysisReport(fullDocument());
  const page = visible(full);

  it('contains no external address: every http(s) URL is an XML namespace or a licence notice', () => {
    const allowed = [
      /^http:\/\/www\.w3\.org\/(1999\/xhtml|1999\/xlink|2000\/svg|2000\/xmlns\/|XML\/1998\/namespace)$/,
      /^https:\/\/d3js\.org$/,
    ];
    const urls = full.match(/https?:\/\/[^\s"'<>)`]*/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls)
      expect(
        allowed.some((a) => a.test(url)),
        url,
      ).toBe(true);
    expect(ownMarkup(full).match(/.{0,60}https?:.{0,30}/g)).toBeNull();
    expect(
      page.match(/<(link|iframe|img|object|embed)\b|@import|url\(|\s(src|href)=["']?[a-z]+:/gi),
    ).toBeNull();
    expect(has(page, `content="default-src 'none';`)).toBe(true);
  });

  it('inlines d3 and Observable Plot so that the page needs no network', () => {
    expect(has(full, '@observablehq/plot v')).toBe(true);
    expect(has(full, 'https://d3js.org v7')).toBe(true);
  });

  it('escapes a hostile unit id in the page and in the embedded data', () => {
    expect(has(full, hostileId)).toBe(false);
    expect(has(full, '<img src=x')).toBe(false);
    expect(has(page, escapeHtml(hostileId))).toBe(true);
    const scripts = full.match(/<script\b/g)?.length ?? 0;
    const closings = full.match(/<\/script>/g)?.length ?? 0;
    expect(closings).toBe(scripts);
    const units = JSON.stringify(embeddedData(full).charts);
    expect(units.includes(JSON.stringify(hostileId))).toBe(true);
  });

  it('escapes every character that could end a script element in embedded JSON', () => {
    const json = scriptJson({ id: '</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ id: '</script><!-- & \u2028' });
  });

  it('has English and French catalogues with the same keys and the same placeholders', () => {
    expect(Object.keys(messagesFr).sort()).toEqual(Object.keys(messagesEn).sort());
    for (const key of Object.keys(messagesEn) as (keyof typeof messagesEn)[]) {
      expect(placeholders(messagesFr[key]), key).toEqual(placeholders(messagesEn[key]));
      if (key !== 'notes_in_english') expect(messagesFr[key].length, key).toBeGreaterThan(0);
    }
  });

  it('embeds both languages, English shown first, with a switch to the other', () => {
    expect(has(page, '<div data-lang="en" lang="en"')).toBe(true);
    expect(/<div data-lang="fr" lang="fr"[^>]* hidden>/.test(page)).toBe(true);
    expect(has(page, 'data-switch-to="fr"')).toBe(true);
    expect(has(page, 'data-switch-to="en"')).toBe(true);
    expect(has(page, messagesEn.due_process_title)).toBe(true);
    expect(has(page, escapeHtml(messagesFr.due_process_title))).toBe(true);
  });

  it('shows a flagged unit’s explanation in both languages with its status', () => {
    expect(has(page, escapeHtml(flaggedExplanation.en))).toBe(true);
    expect(has(page, escapeHtml(flaggedExplanation.fr))).toBe(true);
    expect(has(page, '<span class="badge badge-flagged">Flagged</span>')).toBe(true);
    expect(has(page, '<span class="badge badge-flagged">Signalé</span>')).toBe(true);
  });

  it('lists clear units collapsed, with a count', () => {
    expect(has(page, '30 clear; 0 with not enough data to judge.')).toBe(true);
    expect(has(page, 'Show the 20 highest-scoring clear units')).toBe(true);
  });

  it('formats numbers for each language', () => {
    expect(has(page, '12,345')).toBe(true);
    expect(/12\u202f345|12\u00a0345/.test(page)).toBe(true);
  });

  it('states the period covered, dates formatted for each language', () => {
    const doc = coreDocument();
    const html = visible(
      renderAnalysisReport({
        ...doc,
        dataset: { name: 'x', declarations: 1, from: '2025-01-01', to: '2025-12-31' },
      }),
    );
    expect(has(html, 'January 1, 2025 to December 31, 2025')).toBe(true);
    expect(has(html, 'du 1 janvier 2025 au 31 décembre 2025')).toBe(true);
  });

  it('says "q < 0.001" rather than a meaningless tiny q-value beside a flag', () => {
    expect(has(page, '(q &#60; 0.001)')).toBe(true);
    expect(has(page, '(q &#60; 0,001)')).toBe(true);
    expect(has(page, '(q = 0.1)')).toBe(true);
  });

  it('states the configuration in words, working hours with weekday names', () => {
    expect(has(page, '07:00–18:00, Mon, Tue, Wed, Thu, Fri')).toBe(true);
    expect(has(page, '07:00–18:00, lun., mar., mer., jeu., ven.')).toBe(true);
    expect(has(page, escapeHtml(messagesFr.config_fdrLevel))).toBe(true);
  });

  it('renders a document without optional sections, and an empty one', () => {
    const core = visible(renderAnalysisReport(coreDocument()));
    expect(has(core, messagesEn.funnels)).toBe(true);
    expect(has(core, messagesEn.release_times)).toBe(false);
    expect(has(core, messagesEn.performance)).toBe(false);
    expect(has(core, `>${messagesEn.mirror}<`)).toBe(false);
    const emptyHtml = renderAnalysisReport({});
    const empty = visible(emptyHtml);
    expect(has(empty, messagesEn.due_process_title)).toBe(true);
    expect(has(empty, messagesEn.funnel_none)).toBe(true);
    expect(embeddedData(emptyHtml).charts).toEqual([]);
  });

  it('renders release times, performance indicators and mirror gaps when present', () => {
    expect(has(page, messagesEn.release_times)).toBe(true);
    expect(has(page, 'Lodgement to release, by channel')).toBe(true);
    expect(has(page, 'Green channel share')).toBe(true);
    expect(has(page, escapeHtml(messagesEn.mirror_tariff))).toBe(true);
    const types = embeddedData(full).charts.map((c) => c.type);
    expect(types.filter((t) => t === 'funnel')).toHaveLength(2);
    expect(types).toContain('scatter');
    expect(types.filter((t) => t === 'bars').length).toBeGreaterThanOrEqual(4);
  });

  it('withholds a mirror declarant id that is not a pseudonym unless ids are revealed', () => {
    expect(has(full, 'BROKER-REAL-ID')).toBe(false);
    expect(has(page, 'DCL-SW0RCMGA')).toBe(true);
    const revealed = renderAnalysisReport({ ...fullDocument(), ids: 'revealed' });
    expect(has(revealed, 'BROKER-REAL-ID')).toBe(true);
  });

  it('labels the unit-value summary in words in both languages', () => {
    const html = visible(
      renderAnalysisReport({
        ...coreDocument(),
        unit_values: { hs6Bands: 162, itemsBelowBand: 3971 },
      }),
    );
    expect(has(html, messagesEn.section_unit_values)).toBe(true);
    expect(has(html, messagesEn.uv_itemsBelowBand)).toBe(true);
    expect(has(html, escapeHtml(messagesFr.uv_itemsBelowBand))).toBe(true);
    expect(has(html, 'itemsBelowBand<')).toBe(false);
  });

  it('renders unknown sections generically, escaped', () => {
    const html = renderAnalysisReport({
      ...coreDocument(),
      model: { rows: [{ name: '<b>x</b>', auc: 0.81 }] },
    });
    expect(has(html, '&#60;b&#62;x&#60;/b&#62;')).toBe(true);
    expect(has(html, '0.81')).toBe(true);
  });
});
