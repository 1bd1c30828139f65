/**
 * The Time Release Study (WCO TRS guide v3, 2018) as data: the segments
 * measured between clearance milestones, the breakdowns they are reported
 * by, and the rule for extreme values. The SQL, the results and the
 * documentation are all generated from these lists.
 */
import type { MilestoneName } from '../contract/index.js';

/** Segment ids of the Time Release Study. */
export type ReleaseSegmentId =
  | 'arrival_lodgement'
  | 'lodgement_assessment'
  | 'assessment_payment'
  | 'payment_release'
  | 'release_exit'
  | 'inspection'
  | 'arrival_release'
  | 'lodgement_release';

/** A duration measured between two milestones of a declaration. */
export interface ReleaseSegment {
  readonly id: ReleaseSegmentId;
  readonly from: MilestoneName;
  readonly to: MilestoneName;
  readonly name: { readonly en: string; readonly fr: string };
  /** Ends at release: the shares released within 24 and 48 hours are reported. */
  readonly endsAtRelease: boolean;
  /**
   * Falls back on the declaration's `lodged_at` and `released_at` when the
   * declaration lacks either milestone.
   */
  readonly declarationFallback: boolean;
}

/** The segments, in the order of the clearance process, then the totals. */
export const releaseSegments: readonly ReleaseSegment[] = [
  {
    id: 'arrival_lodgement',
    from: 'arrival',
    to: 'lodgement',
    name: { en: 'Arrival to lodgement', fr: 'De l’arrivée au dépôt' },
    endsAtRelease: false,
    declarationFallback: false,
  },
  {
    id: 'lodgement_assessment',
    from: 'lodgement',
    to: 'assessment',
    name: { en: 'Lodgement to assessment', fr: 'Du dépôt à la liquidation' },
    endsAtRelease: false,
    declarationFallback: false,
  },
  {
    id: 'assessment_payment',
    from: 'assessment',
    to: 'payment',
    name: { en: 'Assessment to payment', fr: 'De la liquidation au paiement' },
    endsAtRelease: false,
    declarationFallback: false,
  },
  {
    id: 'payment_release',
    from: 'payment',
    to: 'release',
    name: { en: 'Payment to release', fr: 'Du paiement à la mainlevée' },
    endsAtRelease: true,
    declarationFallback: false,
  },
  {
    id: 'release_exit',
    from: 'release',
    to: 'exit',
    name: { en: 'Release to exit', fr: 'De la mainlevée à la sortie' },
    endsAtRelease: false,
    declarationFallback: false,
  },
  {
    id: 'inspection',
    from: 'inspection_start',
    to: 'inspection_end',
    name: { en: 'Physical inspection', fr: 'Visite physique' },
    endsAtRelease: false,
    declarationFallback: false,
  },
  {
    id: 'arrival_release',
    from: 'arrival',
    to: 'release',
    name: {
      en: 'Arrival to release (total time)',
      fr: 'De l’arrivée à la mainlevée (temps total)',
    },
    endsAtRelease: true,
    declarationFallback: false,
  },
  {
    id: 'lodgement_release',
    from: 'lodgement',
    to: 'release',
    name: {
      en: 'Lodgement to release (customs time)',
      fr: 'Du dépôt à la mainlevée (temps en douane)',
    },
    endsAtRelease: true,
    declarationFallback: true,
  },
];

/** Ways the segment statistics are broken down. */
export type ReleaseBreakdown =
  'overall' | 'channel' | 'office' | 'transport_mode' | 'hs_section' | 'office_period';

/** A breakdown and what its group value is, in words. */
export interface ReleaseBreakdownSpec {
  readonly id: ReleaseBreakdown;
  readonly groupValue: string;
}

/** The breakdowns, in report order. */
export const releaseBreakdowns: readonly ReleaseBreakdownSpec[] = [
  { id: 'overall', groupValue: 'none (all declarations)' },
  { id: 'channel', groupValue: 'final channel (`final_channel`)' },
  { id: 'office', groupValue: 'office code (`office_code`)' },
  {
    id: 'transport_mode',
    groupValue: 'transport mode code (`transport_mode`, `unknown` when empty)',
  },
  {
    id: 'hs_section',
    groupValue: 'HS section (I–XXI) of the main item (highest declared value), or `unknown`',
  },
  {
    id: 'office_period',
    groupValue: 'office code, with the period of lodgement in the `period` column',
  },
];

/** Where a duration came from. */
export type ReleaseTimeSource = 'milestones' | 'declaration' | 'mixed';

/** The rule for extreme values, in words, for a given ceiling in hours. */
export function releaseExtremeRule(maxHours: number): { readonly en: string; readonly fr: string } {
  return {
    en: `Durations below 0 hours (the later milestone recorded before the earlier one, e.g. goods lodged before arrival) or above ${maxHours} hours (trsMaxHours) are left out of every statistic and counted in n_excluded (n_negative counts the negative ones).`,
    fr: `Les durées inférieures à 0 heure (le jalon le plus tardif enregistré avant le plus précoce, p. ex. déclaration déposée avant l’arrivée) ou supérieures à ${maxHours} heures (trsMaxHours) sont exclues de toutes les statistiques et comptées dans n_excluded (n_negative compte les négatives).`,
  };
}
