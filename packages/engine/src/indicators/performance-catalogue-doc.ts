import { defaultAnalysisConfig } from '../analysis/index.js';
import type { IndicatorDirection, PerformanceIndicator } from './performance-catalogue.js';
import { performanceCatalogue, pmmDimensions } from './performance-catalogue.js';
import { performanceTable } from './performance-indicators.js';
import { releaseBreakdowns, releaseExtremeRule, releaseSegments } from './release-segments.js';
import { releaseTimesTable } from './release-times.js';

const directionWords: Readonly<Record<IndicatorDirection, string>> = {
  higher_is_better: 'higher is better',
  lower_is_better: 'lower is better',
  neutral: 'neutral',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n\s*/g, ' ');
const code = (sql: string) => `\`${cell(sql)}\``;

function formula(indicator: PerformanceIndicator): string {
  const parts = [`value = ${code(indicator.valueSql)}`];
  if (indicator.numeratorSql) parts.push(`numerator = ${code(indicator.numeratorSql)}`);
  if (indicator.denominatorSql) parts.push(`denominator = ${code(indicator.denominatorSql)}`);
  return parts.join('<br>');
}

function dimensionSections(): string[] {
  const lines: string[] = [];
  for (const dimension of pmmDimensions) {
    const indicators = performanceCatalogue.filter((i) => i.dimension === dimension.id);
    if (indicators.length === 0) continue;
    lines.push(
      `## ${dimension.name.en}`,
      '',
      `PMM dimension \`${dimension.id}\` (${dimension.name.fr}).`,
      '',
      '| id | indicator | definition | unit | direction | formula |',
      '|---|---|---|---|---|---|',
    );
    for (const i of indicators) {
      lines.push(
        `| \`${i.id}\` | ${cell(i.name.en)} | ${cell(i.definition.en)} | ${i.unit} | ${directionWords[i.direction]} | ${formula(i)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function frenchSection(): string[] {
  const lines = [
    '## Noms et définitions en français',
    '',
    '| id | indicateur | dimension | définition |',
    '|---|---|---|---|',
  ];
  for (const i of performanceCatalogue) {
    const dimension = pmmDimensions.find((d) => d.id === i.dimension)?.name.fr ?? i.dimension;
    lines.push(`| \`${i.id}\` | ${cell(i.name.fr)} | ${dimension} | ${cell(i.definition.fr)} |`);
  }
  lines.push('');
  return lines;
}

function releaseSection(): string[] {
  const maxHours = defaultAnalysisConfig.trsMaxHours;
  const rule = releaseExtremeRule(maxHours);
  const lines = [
    '## Time Release Study',
    '',
    'Following the WCO Time Release Study guide (v3, 2018): for each declaration, the first',
    'time each milestone of the `milestones` table occurred; each segment is the time',
    'between two milestones, in hours. A declaration missing either milestone of a segment',
    'is not counted in that segment.',
    '',
    '| segment | from | to | name | shares within 24 h and 48 h | when milestones are absent |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of releaseSegments) {
    lines.push(
      `| \`${s.id}\` | \`${s.from}\` | \`${s.to}\` | ${s.name.en} / ${s.name.fr} | ${s.endsAtRelease ? 'yes' : 'no'} | ${
        s.declarationFallback
          ? 'taken from the declaration’s `lodged_at` and `released_at` (source `declaration`)'
          : 'not measured'
      } |`,
    );
  }
  lines.push(
    '',
    '**Source.** A duration comes from the milestones when the declaration has both of',
    'them; lodgement → release otherwise comes from `lodged_at` and `released_at`. Each',
    'result row says where its durations came from: `source` is `milestones`,',
    '`declaration` or `mixed`, and `n_from_declaration` counts the kept durations taken',
    'from the declaration.',
    '',
    `**Extreme values.** ${rule.en} The default ceiling is ${maxHours} hours`,
    `(${maxHours / 24} days); set \`trsMaxHours\` in the analysis configuration to change it.`,
    'Goods lodged before they arrive (pre-arrival lodgement) give a negative arrival →',
    'lodgement time: they are excluded from that segment and visible in `n_negative`.',
    '',
    `*Valeurs extrêmes.* ${rule.fr}`,
    '',
    '**Statistics** per segment and group, over the kept durations: `n`, mean, median and',
    '90th percentile (DuckDB `quantile_cont`: linear interpolation between order',
    'statistics, type 7 of Hyndman and Fan), minimum and maximum, and for the segments',
    'ending at release the shares of durations of at most 24 hours and at most 48 hours.',
    '',
    '**Breakdowns**:',
    '',
    ...releaseBreakdowns.map((b) => `- \`${b.id}\`: ${b.groupValue}`),
    '',
    `Results are written to the warehouse table \`${releaseTimesTable}\`, one row per`,
    'segment, breakdown and group: `segment`, `breakdown`, `group_value`, `period`, `n`,',
    '`n_excluded`, `n_negative`, `n_from_declaration`, `mean_h`, `median_h`, `p90_h`,',
    '`min_h`, `max_h`, `within_24h`, `within_48h`, `source`.',
    '',
  );
  return lines;
}

/**
 * The performance indicator catalogue and the Time Release Study as a
 * Markdown document (docs/performance-indicators.md), generated from code.
 */
export function renderIndicatorCatalogueDoc(): string {
  const lines = [
    '# Performance indicators',
    '',
    '<!-- Generated from packages/engine/src/indicators (performance-catalogue.ts,',
    '     release-segments.ts) by `npm run docs`. Do not edit by hand. -->',
    '',
    'Performance indicators in the spirit of the WCO Performance Measurement Mechanism',
    '(PMM), computed from clearance data alone and grouped under its four dimensions.',
    'Other PMM indicators (electronic declarations, AEO share of trade, post-clearance',
    'audit effectiveness, ...) need data outside the clearance system and are entered by',
    'the users.',
    '',
    'Each indicator is computed per office and period, per office over all periods, per',
    'period over all offices, and overall. The period is the period of lodgement',
    '(`period` in the analysis configuration: month, quarter or year). Declaration-based',
    'formulas are SQL aggregates over the analysis base, one row `d` per accepted',
    'declaration with `release_hours` = hours from `lodged_at` to `released_at`;',
    '`$trsMaxHours` is the extreme-value ceiling of the Time Release Study. Officer',
    'tenure is computed over rows `p` of the `officers` postings: a posting counts in a',
    'period when it overlaps the period’s calendar span, and once per office and overall',
    'when it overlaps any period of the data. A value is empty when its denominator is 0.',
    '',
    `Results are written to the warehouse table \`${performanceTable}\`: \`indicator_id\`,`,
    '`office_code` (empty = all offices), `period` (empty = all periods), `value`,',
    '`numerator`, `denominator`. The direction says which way is better for a manager;',
    'no indicator is a verdict on its own, and several read together are harder to game.',
    '',
    ...dimensionSections(),
    ...frenchSection(),
    ...releaseSection(),
  ];
  return lines.join('\n');
}
