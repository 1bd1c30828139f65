import type { GroupResult, SurveyExport, SurveyResults } from '../api/surveys.js';

/** The JSON export: the results without the comments (aggregates only). */
export function exportJson(results: SurveyResults): SurveyExport {
  return {
    round: results.round,
    minGroupSize: results.minGroupSize,
    overall: results.overall,
    breakdown: results.breakdown,
  };
}

/** Header of the CSV export. */
export const csvColumns = [
  'round_id',
  'group',
  'respondents',
  'suppressed',
  'factor',
  'item',
  'n',
  'mean',
  'sd',
  'share_favourable',
  'answers_1',
  'answers_2',
  'answers_3',
  'answers_4',
  'answers_5',
  'dont_know',
] as const;

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what CSV needs, and defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function groupRows(roundId: number, group: GroupResult): (string | number | boolean | null)[][] {
  const name = group.group ?? 'all';
  if (group.suppressed) {
    return [
      [
        roundId,
        name,
        null,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ];
  }
  return group.factors.flatMap((f) => {
    const d = f.distribution;
    const factorRow = [
      roundId,
      name,
      group.respondents,
      false,
      f.factor,
      null,
      f.n,
      f.mean,
      f.sd,
      f.shareFavourable,
      d['1'],
      d['2'],
      d['3'],
      d['4'],
      d['5'],
      d.dontKnow,
    ];
    const itemRows = f.items.map((i) => {
      const di = i.distribution;
      return [
        roundId,
        name,
        group.respondents,
        false,
        f.factor,
        i.item,
        i.n,
        i.mean,
        null,
        null,
        di['1'],
        di['2'],
        di['3'],
        di['4'],
        di['5'],
        di.dontKnow,
      ];
    });
    return [factorRow, ...itemRows];
  });
}

/**
 * The CSV export: one row per group × factor (item empty) and per group ×
 * statement; a suppressed group is one row with `suppressed` true and no
 * figures. No comments.
 */
export function exportCsv(results: SurveyResults): string {
  const rows = [results.overall, ...results.breakdown.groups].flatMap((g) =>
    groupRows(results.round.id, g),
  );
  return [csvColumns.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}
