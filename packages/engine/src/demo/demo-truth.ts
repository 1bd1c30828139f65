/** Integrity indicator ids (domain.md §4) the generator can plant on an officer. */
export type DemoScheme =
  | 'downgrade'
  | 'red_uninspected'
  | 'low_detection'
  | 'low_uplift'
  | 'manual_assignment'
  | 'fast_red'
  | 'undervaluation'
  | 'pair_concentration'
  | 'off_hours';

/** Honest situations that naive statistics would wrongly flag. */
export type DemoTrap = 'high_risk_office' | 'able_inspector' | 'low_volume' | 'rotating';

/** What the generator planted on one officer. */
export interface DemoTruthOfficer {
  officer_id: string;
  /** The officer behaves corruptly in at least one way. */
  corrupt: boolean;
  /** Indicator ids of the planted schemes (empty when honest). */
  schemes: DemoScheme[];
  /**
   * Indicators the schemes move as a by-product (a colluding officer's broker
   * files are also found less often and released faster): a detector flagging
   * these for this officer is right, not a false alarm.
   */
  side_effects: DemoScheme[];
  /** Honest traps this officer belongs to. */
  traps: DemoTrap[];
  /** Offices of the officer's postings in the demo year, in order. */
  offices: string[];
}

/** A colluding officer–declarant pair: the declarant's files reach the officer by manual assignment. */
export interface DemoTruthPair {
  officer_id: string;
  declarant_id: string;
  office_code: string;
}

/** Whether a declarant colludes with an officer. */
export interface DemoTruthDeclarant {
  declarant_id: string;
  colluding: boolean;
}

/** An office and the traps it holds. */
export interface DemoTruthOffice {
  office_code: string;
  kind: string;
  traps: DemoTrap[];
}

/**
 * The hidden truth of a demo administration (the `--truth` file): who is
 * corrupt, by which scheme, which pairs collude, which honest units are traps.
 * Never written into the dataset itself.
 */
export interface DemoTruth {
  seed: number;
  declarations: number;
  officers: DemoTruthOfficer[];
  pairs: DemoTruthPair[];
  declarants: DemoTruthDeclarant[];
  offices: DemoTruthOffice[];
  /** How strongly each scheme was planted, in words, for whoever evaluates a detector. */
  notes: string[];
}
