/**
 * The HTML report's English text. Every string the report shows comes from
 * here or from `messages-fr.ts`, which has exactly the same keys. `{name}`
 * marks a value filled in (and HTML-escaped) at render time.
 */
export const messagesEn = {
  lang_name: 'English',
  switch_to: 'Français',
  switch_label: 'Afficher le rapport en français',
  title: 'Integrity and performance report',
  generated: 'Generated on {date}',
  run_id: 'Analysis run {id}',
  contents: 'Contents',
  no_data: 'No data.',
  dash: '—',
  yes: 'yes',
  no: 'no',

  // Overview
  overview: 'Overview',
  dataset: 'Dataset',
  dataset_unnamed: 'unnamed dataset',
  declarations_analysed: 'Declarations analysed',
  period_covered: 'Period covered',
  period_range: '{from} to {to}',
  peer_period: 'Units are compared with their peers in the same office and {period}.',
  period_month: 'month',
  period_quarter: 'quarter',
  period_year: 'year',
  units_by_status: 'Units by status',
  units_by_status_caption:
    'How many units of each kind are flagged, on watch, clear, or have too little data',
  units_by_status_chart: 'Bar chart: number of units of each kind by status',
  kind: 'Kind of unit',
  count: 'Number',
  total: 'Total',
  status_meanings: 'What the statuses mean',
  status_flagged_means:
    'at least one indicator is far from what comparable units show, beyond what chance explains after controlling false discoveries (q below {fdr}). Look at these first.',
  status_watch_means:
    'an indicator is unusual but the evidence is weaker (q below {watch}). Keep an eye on it; do not act on it alone.',
  status_clear_means:
    'every indicator is within the range expected for this office, period and mix of risk.',
  status_insufficient_data_means:
    'fewer than {min} eligible declarations: too little to judge, so the unit is never flagged.',
  due_process_title: 'A flag is a reason to look, never a finding',
  due_process:
    'These figures compare each unit with its peers. An unusual figure can have an honest explanation (a special assignment, a different mix of goods, a data error). A flag opens a review; it proves nothing. Talk to the person concerned before drawing any conclusion, and never use this report alone to sanction anyone.',
  ids_pseudonyms:
    'Officers, declarants and traders appear under pseudonyms (a keyed code). The real identities are shown only when a case justifies it.',
  ids_revealed:
    'This report shows real identities of officers, declarants and traders. Keep it confidential and share it only with people handling the cases.',
  indicators_run: 'Indicators computed',
  indicators_skipped: 'Indicators not computed',
  indicators_skipped_reason: '{indicator}: {reason}',

  // Kinds and statuses
  kind_officer: 'Officers',
  kind_declarant: 'Declarants (customs brokers)',
  kind_trader: 'Traders',
  kind_office: 'Offices',
  status_flagged: 'Flagged',
  status_watch: 'Watch',
  status_clear: 'Clear',
  status_insufficient_data: 'Not enough data',

  // Indicators
  indicator_downgrade: 'Channel downgrade',
  indicator_downgrade_about:
    'Share of red or yellow declarations moved to a less strict channel. Many downgrades can mean controls are being sold.',
  indicator_red_uninspected: 'Red channel without inspection',
  indicator_red_uninspected_about:
    'Share of red-channel declarations released without the physical inspection they called for.',
  indicator_low_detection: 'Low detection on inspections',
  indicator_low_detection_about:
    'Share of inspections that found an irregularity. Finding much less than peers on similar goods can mean inspections that "find nothing".',
  indicator_low_uplift: 'Low assessment uplift on findings',
  indicator_low_uplift_about:
    'How much the duty was raised when an irregularity was found. A small uplift can mean undervaluation accepted.',
  indicator_manual_assignment: 'Manual assignment',
  indicator_manual_assignment_about:
    'Share of declarations assigned by a person rather than by the system. A broker may be getting "his" officer.',
  indicator_fast_red: 'Fast release of inspected goods',
  indicator_fast_red_about:
    'Inspected declarations released faster than 95% of comparable ones: an inspection that may not have happened.',
  indicator_undervaluation: 'Accepted low unit values',
  indicator_undervaluation_about:
    'Items accepted at a value per kilogram below the usual range for the product, without re-assessment.',
  indicator_pair_concentration: 'Officer–declarant pairs',
  indicator_pair_concentration_about:
    'An officer handling a declarant’s declarations far more often than independent assignment predicts.',
  indicator_model_divergence: 'High model risk released',
  indicator_model_divergence_about:
    'Declarations the risk model scores among the riskiest, released green or inspected with no finding.',
  indicator_off_hours: 'Off-hours processing',
  indicator_off_hours_about: 'Releases outside the office’s working hours.',

  // How to read a funnel plot
  how_to_read: 'How to read a funnel plot',
  how_to_read_1:
    'Each dot is one unit (an officer, a declarant, a trader or an office). Across, how much evidence there is about it: the number of events expected from its volume and mix of risk. Up, how it compares with its peers: 1 means exactly as expected, 2 means twice as often.',
  how_to_read_2:
    'The horizontal line is the target: behaving like the peers. The dashed lines enclose 95% of honest units and the solid lines 99.8%. They narrow to the right, like a funnel, because a unit with more declarations gives more reliable figures.',
  how_to_read_3:
    'A dot outside the solid lines is unlikely to be chance. Red dots are flagged, orange dots are on watch, grey dots are clear. Do not rank units by their height: a small unit can be high by chance alone. Hover over a dot to see its figures.',
  how_to_read_overdispersion:
    'When units differ more among themselves than chance allows (over-dispersion), the limits are widened so that ordinary variation is not flagged; the plot says so.',

  // Funnels
  funnels: 'Funnel plots by indicator',
  funnel_caption: '{indicator}: {kind}',
  funnel_aria:
    'Funnel plot of {indicator} for {kind}: {tested} units tested, {flagged} flagged, {watch} on watch.',
  funnel_summary: '{tested} units tested; {flagged} flagged; {watch} on watch.',
  funnel_overdispersed:
    'Units differ among themselves more than chance alone explains, so the limits were widened accordingly.',
  funnel_x_ratio: 'Expected events (volume and case mix) →',
  funnel_y_ratio: '↑ Observed ÷ expected',
  funnel_x_difference: 'Eligible declarations →',
  funnel_y_difference: '↑ Difference from peers (log scale of uplift)',
  funnel_point_title: '{unit}\nx = {x}\ny = {y}\nq = {q}',
  funnel_limit_95: '95% limits',
  funnel_limit_998: '99.8% limits',
  funnel_target: 'Target',
  funnel_none: 'No funnel plots: no indicator could be tested.',

  // Units
  units: 'Ranked units',
  units_intro:
    'Within each kind, units are ranked by a composite score that adds up the adjusted evidence of their flagged indicators. Flagged and watched units are listed in full with the reasons in plain words; clear units are counted and the highest-scoring ones can be opened below.',
  rank: 'Rank',
  unit: 'Unit',
  office: 'Office',
  volume: 'Declarations',
  score: 'Score',
  status: 'Status',
  why: 'Why',
  units_none_flagged: 'None is flagged or on watch.',
  units_clear_count: '{clear} clear; {insufficient} with not enough data to judge.',
  units_clear_details: 'Show the {n} highest-scoring clear units',
  flag_line: '{indicator}: {explanation}',
  flag_evidence: 'q = {q}',
  flag_evidence_below: 'q < {q}',
  flag_evidence_title:
    'q: the chance that a flag like this one is a false alarm, after controlling false discoveries',

  // Pairs
  pairs: 'Officer–declarant pairs',
  pairs_intro:
    'Where declarations should be assigned independently of who lodged them, an officer and a declarant who meet far more often than chance predicts deserve a look (the test that revealed collusion in Madagascar’s customs). Lift is observed ÷ expected.',
  pairs_significant:
    '{n} pairs are significant (q below {fdr}) out of {tested} tested and {observed} observed.',
  pairs_top: 'Pairs with the strongest evidence',
  officer: 'Officer',
  declarant: 'Declarant',
  observed: 'Observed',
  expected: 'Expected',
  lift: 'Lift',
  manual: 'Assigned manually',
  periods: 'Periods',
  q: 'q',
  pairs_none: 'No pair was tested.',

  // Release times
  release_times: 'Release times (Time Release Study)',
  release_intro:
    'Time from one clearance milestone to the next, following the WCO Time Release Study. Long and unpredictable release times are themselves an integrity risk: they create room for "speed money".',
  release_chart_aria: 'Bar chart of {what}',
  release_extreme_rule: 'Extreme values: {rule}',
  hours: 'hours',
  median_hours: 'Median (hours)',

  // Performance
  performance: 'Performance indicators (PMM)',
  performance_intro:
    'Indicators computed from the clearance data, grouped under the four dimensions of the WCO Performance Measurement Mechanism.',
  indicator: 'Indicator',
  value: 'Value',
  unit_of_measure: 'Unit',
  direction: 'Better when',
  direction_higher: 'higher',
  direction_lower: 'lower',
  dimension: 'Dimension',
  performance_chart_aria: 'Bar chart of the {dimension} indicators',

  // Mirror
  mirror: 'Mirror analysis',
  mirror_intro:
    'Imports we recorded compared with the exports our partners reported to us, in one currency and adjusted from FOB to CIF. A gap is a reason to look, not proof: HS versions, timing, re-exports and origin rules all create gaps.',
  mirror_gaps: 'Largest gaps',
  mirror_gaps_aria: 'Bar chart of the largest gaps between partner exports and recorded imports',
  mirror_tariff: 'Tariff and gap',
  mirror_tariff_intro:
    'Across products, a gap that grows with the tariff suggests duty evasion (Fisman and Wei, 2004). Slope: {slope} (standard error {se}).',
  mirror_tariff_aria: 'Scatter plot of the gap against the tariff rate, with the fitted line',
  mirror_shares: 'Who handles the flows with the largest gaps',
  tariff: 'Tariff rate',
  gap: 'Gap',

  // Generic sections
  section_table_caption: '{name}: {rows} rows',
  section_rows_shown: 'First {shown} of {rows} rows.',
  other_results: 'Other results',

  // Release times (details)
  release_segment: 'Segment',
  release_group: 'Group',
  release_durations: 'Durations',
  release_mean: 'Mean (h)',
  release_median: 'Median (h)',
  release_p90: '90th percentile (h)',
  release_within24: 'Released within 24 h',
  release_within48: 'Released within 48 h',
  release_excluded: 'Set aside',
  release_overall: 'All declarations, segment by segment',
  release_overall_chart: 'Median hours of each segment, all declarations',
  release_by_channel: '{segment}, by channel',
  release_by_office: '{segment}, by office',
  release_by_transport_mode: '{segment}, by transport mode',
  release_by_hs_section: '{segment}, by HS section',
  release_chart_x: 'Hours (bar: median; orange tick: 90th percentile)',
  release_table_summary: 'Show the figures',
  release_coverage:
    '{with} of {declarations} declarations have clearance milestones; the others are timed from lodgement to release.',
  channel_green: 'Green',
  channel_yellow: 'Yellow',
  channel_red: 'Red',
  channel_blue: 'Blue',

  // Performance (details)
  performance_overall: 'All offices',
  unit_hours: 'hours',
  unit_share: 'share',
  unit_currency: 'currency',
  unit_count: 'count',
  unit_months: 'months',
  direction_neutral: 'no preferred direction',
  performance_share_chart: '{dimension}: indicators expressed as shares, all offices',
  performance_share_x: 'Share (%)',

  // Mirror (details)
  mirror_hs6: 'Product (HS6)',
  mirror_partner: 'Partner',
  period: 'Period',
  mirror_declared: 'Declared imports (USD)',
  mirror_partner_cif: 'Partner exports, CIF (USD)',
  mirror_gap_usd: 'Gap (USD)',
  mirror_ratio: 'Partner ÷ declared',
  mirror_gap_chart_x: 'Gap (US dollars)',
  mirror_tariff_x: 'Tariff rate (percentage points)',
  mirror_tariff_y: 'Log gap (ln of partner ÷ declared)',
  mirror_tariff_fit: 'Products in the regression: {n}; weighted R²: {r2}.',
  mirror_tariff_none: 'Too few products with a tariff rate to estimate the relation.',
  mirror_unavailable: 'The mirror analysis could not compare flows.',
  mirror_notes: 'What was left out',
  mirror_declarants: 'Declarants',
  mirror_offices: 'Offices',
  mirror_top_declarations: 'Declarations in the largest-gap flows',
  mirror_share_in_top: 'Share of the largest-gap flows',
  mirror_overall_share: 'Share of all flows',
  mirror_excess: 'Excess value in the largest-gap flows (USD)',
  mirror_withheld: 'withheld (not a pseudonym)',
  notes_in_english: '',

  // Unit values
  section_unit_values: 'Unit-value reference bands',
  unit_values_intro:
    'For each product (HS6), and each product and origin where there is enough data, the usual range of value per kilogram (median ± k × MAD of its logarithm). Items accepted below their band without re-assessment feed the "accepted low unit values" indicator.',
  uv_hs6Bands: 'Products (HS6) with a reference band',
  uv_originBands: 'Product and origin pairs with their own band',
  uv_items: 'Items',
  uv_itemsWithValuePerKg: 'Items with a value per kilogram',
  uv_itemsBanded: 'Items compared with a band',
  uv_itemsOriginBand: 'Items compared with a product and origin band',
  uv_itemsBelowBand: 'Items below their band',
  uv_itemsBelowBandNotReassessed: 'Items below their band and not re-assessed',
  uv_madK: 'Width of the band (k × MAD)',
  uv_minBandItems: 'Minimum items to form a band',

  // Configuration
  configuration: 'Configuration used',
  configuration_intro:
    'Every figure in this report can be reproduced from the data and this configuration.',
  setting: 'Setting',
  config_period: 'Peer period',
  config_fdrLevel: 'False discovery level for a flag (q below)',
  config_watchLevel: 'Level for watch (q below)',
  config_minVolume: 'Minimum eligible declarations to be judged',
  config_strata: 'Peer groups (case mix) defined by',
  config_winsorize: 'Share winsorised at each end when estimating over-dispersion',
  config_fastReleaseQuantile: 'Peer quantile below which a release counts as fast',
  config_workingHours: 'Working hours',
  config_officeWorkingHours: 'Working hours of particular offices',
  config_madK: 'Width of the unit-value band (k × MAD)',
  config_minBandItems: 'Minimum items to form a unit-value band',
  config_cifFobFactor: 'CIF/FOB factor (mirror analysis)',
  config_mirrorTopShare: 'Share of largest mirror gaps examined',
  config_trsMaxHours: 'Release times above this many hours are set aside',
  config_pairMinObserved: 'Minimum meetings for a pair to be tested',
  config_pseudonymKeyFingerprint: 'Pseudonym key fingerprint',

  footer:
    'Produced by Probity, open-source integrity software for Customs administrations. Self-contained: works without a network connection.',
  charts_need_script: 'Charts need JavaScript to be displayed.',
  chart_failed: 'This chart could not be drawn.',
} as const;

/** Keys of the report's message catalogue. */
export type MessageKey = keyof typeof messagesEn;

/** A complete message catalogue in one language. */
export type Messages = Readonly<Record<MessageKey, string>>;
