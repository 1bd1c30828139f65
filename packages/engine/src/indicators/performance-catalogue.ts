/**
 * PMM-style performance indicators computable from clearance data, as one
 * catalogue: id, names and definitions in English and French, unit,
 * direction, PMM dimension and the SQL aggregates that compute each one.
 * The computation and the documentation are both generated from it.
 */

/** The four dimensions of the WCO Performance Measurement Mechanism. */
export type PmmDimension =
  'trade_facilitation' | 'revenue_collection' | 'enforcement' | 'organisational_development';

/** A PMM dimension and its name. */
export interface PmmDimensionSpec {
  readonly id: PmmDimension;
  readonly name: { readonly en: string; readonly fr: string };
}

/** The PMM dimensions, in the PMM's order. */
export const pmmDimensions: readonly PmmDimensionSpec[] = [
  {
    id: 'trade_facilitation',
    name: {
      en: 'Trade facilitation and economic competitiveness',
      fr: 'Facilitation des échanges et compétitivité économique',
    },
  },
  { id: 'revenue_collection', name: { en: 'Revenue collection', fr: 'Recouvrement des recettes' } },
  {
    id: 'enforcement',
    name: {
      en: 'Enforcement, security and protection of society',
      fr: 'Lutte contre la fraude, sécurité et protection de la société',
    },
  },
  {
    id: 'organisational_development',
    name: { en: 'Organisational development', fr: 'Développement organisationnel' },
  },
];

/** Unit an indicator is expressed in. */
export type IndicatorUnit = 'hours' | 'share' | 'currency' | 'count' | 'months';

/** Which way is better, for a manager reading the figure. */
export type IndicatorDirection = 'higher_is_better' | 'lower_is_better' | 'neutral';

/** Ids of the performance indicators. */
export type PerformanceIndicatorId =
  | 'declarations_lodged'
  | 'release_time_median'
  | 'release_time_mean'
  | 'release_time_p90'
  | 'release_within_24h'
  | 'release_within_48h'
  | 'share_green'
  | 'share_yellow'
  | 'share_red'
  | 'share_blue'
  | 'physical_inspection_rate'
  | 'revenue_collected'
  | 'revenue_recovered'
  | 'recovery_per_inspection'
  | 'inspection_hit_rate'
  | 'channel_override_rate'
  | 'manual_assignment_rate'
  | 'officer_tenure_months';

/**
 * A performance indicator. Its SQL is made of aggregate expressions over the
 * rows `d` of the analysis base (`a_declarations`), or over the rows `p` of
 * officers' postings (column `months`, the posting's length) when the source
 * is `postings`. `$trsMaxHours` is bound to config.trsMaxHours.
 */
export interface PerformanceIndicator {
  readonly id: PerformanceIndicatorId;
  readonly name: { readonly en: string; readonly fr: string };
  readonly definition: { readonly en: string; readonly fr: string };
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly dimension: PmmDimension;
  readonly source: 'declarations' | 'postings';
  /** Aggregate giving the value (NULL when there is nothing to measure). */
  readonly valueSql: string;
  /** Aggregate giving the numerator of a ratio or the total, when there is one. */
  readonly numeratorSql: string | null;
  /** Aggregate giving the denominator (the count the value is taken over), when there is one. */
  readonly denominatorSql: string | null;
}

/** Release hours kept by the Time Release Study's extreme-value rule. */
const keptRelease = 'd.release_hours BETWEEN 0 AND $trsMaxHours';
/** Release hours, NULL when not released or excluded (statistics skip NULLs). */
const keptHours = `CASE WHEN ${keptRelease} THEN d.release_hours END`;
const assessed = 'coalesce(d.assessed_duty, d.declared_duty)';
const recovered = `greatest(${assessed} - d.declared_duty, 0)`;

/** A share: count of rows meeting `event` among rows meeting `among`. */
function share(event: string, among?: string) {
  const numeratorSql = among
    ? `count(*) FILTER (WHERE (${among}) AND (${event}))`
    : `count(*) FILTER (WHERE ${event})`;
  const denominatorSql = among ? `count(*) FILTER (WHERE ${among})` : 'count(*)';
  return {
    valueSql: `CAST(${numeratorSql} AS DOUBLE) / nullif(${denominatorSql}, 0)`,
    numeratorSql,
    denominatorSql,
  };
}

/** A channel, its French colour and what processing in it means. */
interface ChannelWords {
  readonly channel: 'green' | 'yellow' | 'red' | 'blue';
  readonly colourFr: string;
  readonly meaning: { readonly en: string; readonly fr: string };
}

function channelShare(words: ChannelWords, direction: IndicatorDirection): PerformanceIndicator {
  const { channel, colourFr, meaning } = words;
  const colourEn = channel.charAt(0).toUpperCase() + channel.slice(1);
  return {
    id: `share_${channel}`,
    name: { en: `${colourEn} channel share`, fr: `Part du circuit ${colourFr}` },
    definition: {
      en: `Share of declarations processed in the ${channel} channel (${meaning.en}), counted on the channel finally used, not the one the risk engine proposed.`,
      fr: `Part des déclarations traitées en circuit ${colourFr} (${meaning.fr}), selon le circuit finalement appliqué et non celui proposé par le moteur de risque.`,
    },
    unit: 'share',
    direction,
    dimension: 'trade_facilitation',
    source: 'declarations',
    ...share(`d.final_channel = '${channel}'`),
  };
}

/** Every performance indicator, grouped by PMM dimension in the PMM's order. */
export const performanceCatalogue: readonly PerformanceIndicator[] = [
  {
    id: 'declarations_lodged',
    name: { en: 'Declarations lodged', fr: 'Déclarations déposées' },
    definition: {
      en: 'Number of customs declarations lodged (registered) in the office and period. It gives the workload against which every other figure should be read.',
      fr: 'Nombre de déclarations en douane déposées (enregistrées) au bureau et sur la période. C’est la charge de travail à laquelle rapporter tous les autres chiffres.',
    },
    unit: 'count',
    direction: 'neutral',
    dimension: 'trade_facilitation',
    source: 'declarations',
    valueSql: 'count(*)',
    numeratorSql: 'count(*)',
    denominatorSql: null,
  },
  {
    id: 'release_time_median',
    name: { en: 'Median release time', fr: 'Délai médian de mainlevée' },
    definition: {
      en: 'Time from lodgement of the declaration to release of the goods, in hours, that half of the released declarations did not exceed. It is measured from `lodged_at` to `released_at`; durations below 0 or above the extreme-value ceiling (trsMaxHours) are left out.',
      fr: 'Délai entre le dépôt de la déclaration et la mainlevée des marchandises, en heures, que la moitié des déclarations ayant obtenu la mainlevée n’ont pas dépassé. Il est mesuré de `lodged_at` à `released_at` ; les durées négatives ou au-delà du plafond des valeurs extrêmes (trsMaxHours) sont exclues.',
    },
    unit: 'hours',
    direction: 'lower_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    valueSql: `quantile_cont(${keptHours}, 0.5)`,
    numeratorSql: null,
    denominatorSql: `count(${keptHours})`,
  },
  {
    id: 'release_time_mean',
    name: { en: 'Mean release time', fr: 'Délai moyen de mainlevée' },
    definition: {
      en: 'Average time from lodgement of the declaration to release of the goods, in hours, over the released declarations, with the same extreme-value rule as the median.',
      fr: 'Délai moyen entre le dépôt de la déclaration et la mainlevée des marchandises, en heures, sur les déclarations ayant obtenu la mainlevée, avec la même règle des valeurs extrêmes que la médiane.',
    },
    unit: 'hours',
    direction: 'lower_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    valueSql: `avg(${keptHours})`,
    numeratorSql: `sum(${keptHours})`,
    denominatorSql: `count(${keptHours})`,
  },
  {
    id: 'release_time_p90',
    name: {
      en: 'Release time, 90th percentile',
      fr: 'Délai de mainlevée, 90e centile',
    },
    definition: {
      en: 'Time from lodgement to release, in hours, that nine released declarations in ten did not exceed. A long tail means clearance is unpredictable, which is itself an integrity risk (room to sell speed).',
      fr: 'Délai entre le dépôt et la mainlevée, en heures, que neuf déclarations sur dix n’ont pas dépassé. Une longue traîne signifie un dédouanement imprévisible, en soi un risque pour l’intégrité (la rapidité peut se monnayer).',
    },
    unit: 'hours',
    direction: 'lower_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    valueSql: `quantile_cont(${keptHours}, 0.9)`,
    numeratorSql: null,
    denominatorSql: `count(${keptHours})`,
  },
  {
    id: 'release_within_24h',
    name: { en: 'Released within 24 hours', fr: 'Mainlevée en 24 heures' },
    definition: {
      en: 'Share of released declarations whose goods were released at most 24 hours after lodgement, with the same extreme-value rule as the median.',
      fr: 'Part des déclarations dont la mainlevée a été donnée au plus 24 heures après le dépôt, avec la même règle des valeurs extrêmes que la médiane.',
    },
    unit: 'share',
    direction: 'higher_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    ...share('d.release_hours <= 24', keptRelease),
  },
  {
    id: 'release_within_48h',
    name: { en: 'Released within 48 hours', fr: 'Mainlevée en 48 heures' },
    definition: {
      en: 'Share of released declarations whose goods were released at most 48 hours after lodgement, with the same extreme-value rule as the median.',
      fr: 'Part des déclarations dont la mainlevée a été donnée au plus 48 heures après le dépôt, avec la même règle des valeurs extrêmes que la médiane.',
    },
    unit: 'share',
    direction: 'higher_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    ...share('d.release_hours <= 48', keptRelease),
  },
  channelShare(
    {
      channel: 'green',
      colourFr: 'vert',
      meaning: {
        en: 'released without document check or inspection',
        fr: 'mainlevée sans contrôle documentaire ni visite',
      },
    },
    'higher_is_better',
  ),
  channelShare(
    {
      channel: 'yellow',
      colourFr: 'jaune',
      meaning: { en: 'document check', fr: 'contrôle documentaire' },
    },
    'neutral',
  ),
  channelShare(
    {
      channel: 'red',
      colourFr: 'rouge',
      meaning: { en: 'physical inspection', fr: 'visite physique' },
    },
    'lower_is_better',
  ),
  channelShare(
    {
      channel: 'blue',
      colourFr: 'bleu',
      meaning: { en: 'post-clearance audit', fr: 'contrôle a posteriori' },
    },
    'neutral',
  ),
  {
    id: 'physical_inspection_rate',
    name: { en: 'Physical inspection rate', fr: 'Taux de visite physique' },
    definition: {
      en: 'Share of declarations whose goods were physically inspected, whatever the channel. Every inspection delays legitimate trade, so a good risk management keeps it low and targeted.',
      fr: 'Part des déclarations dont les marchandises ont été visitées physiquement, quel que soit le circuit. Chaque visite retarde le commerce légitime : une bonne gestion des risques la garde faible et ciblée.',
    },
    unit: 'share',
    direction: 'lower_is_better',
    dimension: 'trade_facilitation',
    source: 'declarations',
    ...share('d.inspected'),
  },
  {
    id: 'revenue_collected',
    name: { en: 'Revenue collected', fr: 'Recettes liquidées' },
    definition: {
      en: 'Duties and taxes finally assessed on the declarations, in national currency: the assessed amount, or the declared amount when no reassessment was recorded.',
      fr: 'Droits et taxes finalement liquidés sur les déclarations, en monnaie nationale : le montant liquidé après contrôle, ou le montant déclaré quand aucune reliquidation n’a été enregistrée.',
    },
    unit: 'currency',
    direction: 'higher_is_better',
    dimension: 'revenue_collection',
    source: 'declarations',
    valueSql: `sum(${assessed})`,
    numeratorSql: `sum(${assessed})`,
    denominatorSql: null,
  },
  {
    id: 'revenue_recovered',
    name: { en: 'Revenue recovered by control', fr: 'Recettes redressées par le contrôle' },
    definition: {
      en: 'Additional duties and taxes established by control, in national currency: over the declarations, the assessed duty minus the declared duty where the assessed duty is higher (reductions count as zero).',
      fr: 'Droits et taxes supplémentaires établis par le contrôle, en monnaie nationale : sur les déclarations, les droits liquidés moins les droits déclarés lorsque les premiers sont plus élevés (les réductions comptent pour zéro).',
    },
    unit: 'currency',
    direction: 'higher_is_better',
    dimension: 'revenue_collection',
    source: 'declarations',
    valueSql: `sum(${recovered})`,
    numeratorSql: `sum(${recovered})`,
    denominatorSql: null,
  },
  {
    id: 'recovery_per_inspection',
    name: { en: 'Revenue recovered per inspection', fr: 'Redressement par visite' },
    definition: {
      en: 'Average additional duty and tax established per physically inspected declaration: the revenue recovered on inspected declarations divided by the number of inspections, in national currency.',
      fr: 'Montant moyen des droits et taxes supplémentaires établis par déclaration visitée : les redressements sur les déclarations visitées divisés par le nombre de visites, en monnaie nationale.',
    },
    unit: 'currency',
    direction: 'higher_is_better',
    dimension: 'revenue_collection',
    source: 'declarations',
    valueSql: `sum(${recovered}) FILTER (WHERE d.inspected) / nullif(count(*) FILTER (WHERE d.inspected), 0)`,
    numeratorSql: `sum(${recovered}) FILTER (WHERE d.inspected)`,
    denominatorSql: 'count(*) FILTER (WHERE d.inspected)',
  },
  {
    id: 'inspection_hit_rate',
    name: { en: 'Inspection hit rate', fr: 'Taux de constatation des visites' },
    definition: {
      en: 'Share of physical inspections that established an irregularity (outcome recorded as a finding). A low rate means inspections fall on compliant traders, or that irregularities are not recorded.',
      fr: 'Part des visites physiques ayant établi une irrégularité (résultat enregistré comme constatation). Un taux faible signifie que les visites tombent sur des opérateurs en règle, ou que les irrégularités ne sont pas enregistrées.',
    },
    unit: 'share',
    direction: 'higher_is_better',
    dimension: 'enforcement',
    source: 'declarations',
    ...share(`d.outcome = 'finding'`, 'd.inspected'),
  },
  {
    id: 'channel_override_rate',
    name: { en: 'Channel override rate', fr: 'Taux de changement de circuit' },
    definition: {
      en: 'Share of declarations processed in a channel other than the one the risk engine proposed, whether made stricter or more lenient. Every override is a human discretion and should be rare and justified.',
      fr: 'Part des déclarations traitées dans un autre circuit que celui proposé par le moteur de risque, plus sévère ou plus clément. Chaque changement est une décision discrétionnaire qui doit rester rare et motivée.',
    },
    unit: 'share',
    direction: 'lower_is_better',
    dimension: 'organisational_development',
    source: 'declarations',
    ...share('d.final_channel <> d.risk_channel'),
  },
  {
    id: 'manual_assignment_rate',
    name: { en: 'Manual assignment rate', fr: 'Taux d’affectation manuelle' },
    definition: {
      en: 'Share of declarations with a recorded assignment that were given to an officer by a person rather than by the system. Manual assignment lets a broker get "his" officer.',
      fr: 'Part des déclarations dont l’affectation est connue qui ont été attribuées à un agent par une personne plutôt que par le système. L’affectation manuelle permet à un déclarant d’obtenir « son » agent.',
    },
    unit: 'share',
    direction: 'lower_is_better',
    dimension: 'organisational_development',
    source: 'declarations',
    ...share(`d.assignment = 'manual'`, 'd.assignment IS NOT NULL'),
  },
  {
    id: 'officer_tenure_months',
    name: { en: 'Officer tenure per posting', fr: 'Durée moyenne d’affectation des agents' },
    definition: {
      en: 'Average length, in months of 30.4375 days, of the officers’ postings active in the office and period: from the first to the last day of the posting, or to the day of the latest lodgement in the data for a posting still running then. Long postings in one place are an integrity risk that rotation is meant to limit.',
      fr: 'Durée moyenne, en mois de 30,4375 jours, des affectations d’agents actives au bureau et sur la période : du premier au dernier jour de l’affectation, ou jusqu’au jour du dernier dépôt présent dans les données pour une affectation encore en cours à cette date. Les affectations longues au même poste sont un risque pour l’intégrité que la rotation doit limiter.',
    },
    unit: 'months',
    direction: 'lower_is_better',
    dimension: 'organisational_development',
    source: 'postings',
    valueSql: 'avg(p.months)',
    numeratorSql: 'sum(p.months)',
    denominatorSql: 'count(*)',
  },
];
