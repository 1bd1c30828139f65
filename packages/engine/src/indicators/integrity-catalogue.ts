/**
 * The integrity indicators of domain.md §4, as data: which declarations are
 * eligible, what counts as an event, which side is suspicious, which units
 * they apply to, and how to say a result in words. One catalogue drives the
 * SQL, the statistics, the explanations and the documentation.
 */

/** Kinds of unit compared with their peers. */
export type UnitKind = 'officer' | 'declarant' | 'trader' | 'office';

/** Every unit kind, in the order reports show them. */
export const unitKinds: readonly UnitKind[] = ['officer', 'declarant', 'trader', 'office'];

/** Integrity indicator ids (domain.md §4). */
export type IntegrityIndicatorId =
  | 'downgrade'
  | 'red_uninspected'
  | 'low_detection'
  | 'low_uplift'
  | 'manual_assignment'
  | 'fast_red'
  | 'undervaluation'
  | 'pair_concentration'
  | 'model_divergence'
  | 'off_hours';

/** Numbers an explanation is made from. */
export interface ExplanationFigures {
  readonly observed: number;
  readonly expected: number;
  readonly n: number;
}

/** An indicator computed by indirect standardisation over eligible rows. */
export interface StandardisedIndicator {
  readonly id: IntegrityIndicatorId;
  /** `binary`: an event per row; `mean`: a value per row compared with the peers' mean. */
  readonly measure: 'binary' | 'mean';
  /** `high`: more events than expected is suspicious; `low`: fewer. */
  readonly side: 'high' | 'low';
  readonly title: { readonly en: string; readonly fr: string };
  /** Eligible declarations, in words (docs). */
  readonly eligible: string;
  /** Event or value, in words (docs). */
  readonly event: string;
  /** Rows come from the declarations base or from items joined to their bands. */
  readonly source: 'declarations' | 'item_values';
  /** SQL condition over a source row (alias `d`) for eligibility. */
  readonly eligibleSql: string;
  /** SQL for the event (boolean) or the value (double) of a source row. */
  readonly eventSql: string;
  /** SQL for the unit of each kind; absent kinds are not tested. */
  readonly unitSql: Partial<Record<UnitKind, string>>;
  /** A table that must exist for the indicator to run (e.g. model scores). */
  readonly requiresTable?: string;
  /** The result in words, English and French. */
  explain(f: ExplanationFigures): { readonly en: string; readonly fr: string };
}

const fmt = (x: number, digits = 1) =>
  Number.isInteger(x) ? String(x) : x.toFixed(digits).replace(/\.0$/, '');
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const frNum = (s: string) => s.replace('.', ',');

const declarationUnits = {
  officer: 'd.officer_id',
  declarant: 'd.declarant_id',
  trader: 'd.trader_id',
  office: 'd.office_code',
} as const;

const strict = (col: string) =>
  `CASE ${col} WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 WHEN 'green' THEN 0 END`;

/** The standardised integrity indicators (pair concentration is tested separately). */
export const standardisedIndicators: readonly StandardisedIndicator[] = [
  {
    id: 'downgrade',
    measure: 'binary',
    side: 'high',
    title: { en: 'Channel downgrade', fr: 'Déclassement du circuit' },
    eligible: 'risk channel red or yellow, handled by the unit',
    event: 'final channel less strict than the risk channel (red 3 > yellow 2 > blue 1 > green 0)',
    source: 'declarations',
    eligibleSql: `d.risk_channel IN ('red', 'yellow')`,
    eventSql: `${strict('d.final_channel')} < ${strict('d.risk_channel')}`,
    // The officer who handled the declaration: a supervisor who signs off a
    // change (channel_changed_by) has no defined set of eligible declarations.
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `downgraded ${fmt(observed)} of ${fmt(n)} red or yellow declarations; ${fmt(expected)} expected for this office, period and case mix`,
      fr: `a déclassé ${fmt(observed)} des ${fmt(n)} déclarations rouges ou jaunes ; ${frNum(fmt(expected))} attendues pour ce bureau, cette période et ce profil de risque`,
    }),
  },
  {
    id: 'red_uninspected',
    measure: 'binary',
    side: 'high',
    title: { en: 'Red channel without inspection', fr: 'Circuit rouge sans visite' },
    eligible: 'final channel red',
    event: 'no physical inspection took place',
    source: 'declarations',
    eligibleSql: `d.final_channel = 'red'`,
    eventSql: `NOT d.inspected`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `${fmt(observed)} of ${fmt(n)} red-channel declarations were not inspected; ${fmt(expected)} expected`,
      fr: `${fmt(observed)} des ${fmt(n)} déclarations en circuit rouge n’ont pas été visitées ; ${frNum(fmt(expected))} attendues`,
    }),
  },
  {
    id: 'low_detection',
    measure: 'binary',
    side: 'low',
    title: { en: 'Low detection on inspections', fr: 'Faible taux de constatation' },
    eligible: 'inspected declarations',
    event: 'outcome = finding',
    source: 'declarations',
    eligibleSql: `d.inspected`,
    eventSql: `coalesce(d.outcome = 'finding', false)`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `found an irregularity in ${fmt(observed)} of ${fmt(n)} inspections; ${fmt(expected)} expected for this office, period and case mix`,
      fr: `a constaté une irrégularité dans ${fmt(observed)} des ${fmt(n)} visites ; ${frNum(fmt(expected))} attendues pour ce bureau, cette période et ce profil de risque`,
    }),
  },
  {
    id: 'low_uplift',
    measure: 'mean',
    side: 'low',
    title: { en: 'Low assessment uplift on findings', fr: 'Faible redressement sur constatations' },
    eligible: 'declarations with outcome = finding and declared duty above 0',
    event:
      'log(1 + uplift), uplift = (assessed − declared duty) / declared duty, assessed = declared when empty',
    source: 'declarations',
    eligibleSql: `d.outcome = 'finding' AND d.declared_duty > 0`,
    eventSql: `ln(greatest(coalesce(d.assessed_duty, d.declared_duty), 0) / d.declared_duty + 1e-9)`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => {
      const got = pct(Math.exp(observed / Math.max(n, 1)) - 1);
      const want = pct(Math.exp(expected / Math.max(n, 1)) - 1);
      return {
        en: `raised the duty by a typical ${got} on ${fmt(n)} findings; ${want} expected for this office, period and case mix`,
        fr: `a relevé les droits de ${got} en moyenne géométrique sur ${fmt(n)} constatations ; ${want} attendus pour ce bureau, cette période et ce profil de risque`,
      };
    },
  },
  {
    id: 'manual_assignment',
    measure: 'binary',
    side: 'high',
    title: { en: 'Manual assignment', fr: 'Affectation manuelle' },
    eligible: 'declarations assigned to the unit (assignment known)',
    event: 'assignment = manual',
    source: 'declarations',
    eligibleSql: `d.assignment IS NOT NULL`,
    eventSql: `d.assignment = 'manual'`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `received ${fmt(observed)} of ${fmt(n)} declarations by manual assignment; ${fmt(expected)} expected`,
      fr: `a reçu ${fmt(observed)} des ${fmt(n)} déclarations par affectation manuelle ; ${frNum(fmt(expected))} attendues`,
    }),
  },
  {
    id: 'fast_red',
    measure: 'binary',
    side: 'high',
    title: { en: 'Fast release of inspected goods', fr: 'Mainlevée rapide après visite' },
    eligible: 'inspected and released declarations',
    event: 'release time below the 5th percentile of its stratum (configurable)',
    source: 'declarations',
    eligibleSql: `d.inspected AND d.release_hours IS NOT NULL`,
    eventSql: `coalesce(d.fast_release, false)`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `released ${fmt(observed)} of ${fmt(n)} inspected declarations faster than 95% of comparable ones; ${fmt(expected)} expected`,
      fr: `a accordé la mainlevée de ${fmt(observed)} des ${fmt(n)} déclarations visitées plus vite que 95 % des déclarations comparables ; ${frNum(fmt(expected))} attendues`,
    }),
  },
  {
    id: 'undervaluation',
    measure: 'binary',
    side: 'high',
    title: { en: 'Accepted low unit values', fr: 'Valeurs unitaires basses acceptées' },
    eligible:
      'released declarations under documentary or physical control (final channel yellow or red) with at least one item that has net mass and a unit-value band',
    event: 'an item’s unit value below its reference band and not re-assessed',
    source: 'item_values',
    // Only controlled declarations: on a green release nobody looked at the value.
    eligibleSql: `d.band_level IS NOT NULL AND d.released_at IS NOT NULL AND d.final_channel IN ('yellow', 'red')`,
    eventSql: `d.below_band AND NOT d.reassessed`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `accepted ${fmt(observed)} of ${fmt(n)} declarations with an item valued below its unit-value band, without re-assessment; ${fmt(expected)} expected`,
      fr: `a accepté ${fmt(observed)} des ${fmt(n)} déclarations ayant un article sous sa fourchette de valeur unitaire, sans redressement ; ${frNum(fmt(expected))} attendues`,
    }),
  },
  {
    id: 'model_divergence',
    measure: 'binary',
    side: 'high',
    title: { en: 'High model risk released', fr: 'Risque modèle élevé libéré' },
    eligible: 'declarations the risk model scores in its top decile',
    event: 'released green, or inspected with no finding',
    source: 'declarations',
    eligibleSql: `d.model_top_decile`,
    eventSql: `d.final_channel = 'green' OR (d.inspected AND coalesce(d.outcome, '') <> 'finding')`,
    unitSql: declarationUnits,
    requiresTable: 'declaration_scores',
    explain: ({ observed, n, expected }) => ({
      en: `released green or found nothing on ${fmt(observed)} of ${fmt(n)} declarations the model ranks in its riskiest 10%; ${fmt(expected)} expected`,
      fr: `a libéré en vert ou n’a rien constaté sur ${fmt(observed)} des ${fmt(n)} déclarations que le modèle classe parmi les 10 % les plus risquées ; ${frNum(fmt(expected))} attendues`,
    }),
  },
  {
    id: 'off_hours',
    measure: 'binary',
    side: 'high',
    title: { en: 'Off-hours release', fr: 'Mainlevée hors horaires' },
    eligible: 'released declarations',
    event: 'release outside the office’s working hours (configurable per office)',
    source: 'declarations',
    eligibleSql: `d.released_at IS NOT NULL`,
    eventSql: `coalesce(d.off_hours, false)`,
    unitSql: declarationUnits,
    explain: ({ observed, n, expected }) => ({
      en: `released ${fmt(observed)} of ${fmt(n)} declarations outside working hours; ${fmt(expected)} expected for this office, period and case mix`,
      fr: `a accordé ${fmt(observed)} des ${fmt(n)} mainlevées hors des heures ouvrables ; ${frNum(fmt(expected))} attendues pour ce bureau, cette période et ce profil de risque`,
    }),
  },
];

/** Explains a pair-concentration result in words. */
export function explainPair(f: ExplanationFigures & { declarant: string; officer: string }): {
  en: string;
  fr: string;
} {
  return {
    en: `handled ${fmt(f.observed)} declarations of declarant ${f.declarant}; ${fmt(f.expected)} expected if declarations were assigned independently`,
    fr: `a traité ${fmt(f.observed)} déclarations du déclarant ${f.declarant} ; ${frNum(fmt(f.expected))} attendues si l’affectation était indépendante`,
  };
}
