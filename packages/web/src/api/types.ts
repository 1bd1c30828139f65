// API shapes the web app reads. Local copies until the server exports its
// types from '@probity/server'; then these become `export type { ... } from`.

/** A text in English and French. */
export interface LocalizedText {
  en: string;
  fr: string;
}
export type UnitKind = 'officer' | 'declarant' | 'trader' | 'office';
export type UnitStatus = 'flagged' | 'watch' | 'clear' | 'insufficient_data';
export interface RunRef {
  runId: string;
  generatedAt: string;
}

// ---- overview ----
export interface IndicatorValue {
  period: string | null;
  office: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}
export interface PerformanceIndicatorView {
  id: string;
  name: LocalizedText;
  definition: LocalizedText;
  unit: string;
  direction: string;
  dimension: string;
  overall: number | null;
  byPeriod: IndicatorValue[];
  byOffice: IndicatorValue[];
  byOfficePeriod: IndicatorValue[];
}
export interface OfficeOverviewView {
  office: string | null;
  declarations: number;
  channels: { green: number; yellow: number; red: number; blue: number };
  inspectionRate: number;
  findingRate: number;
}
export interface UnitStatusCounts {
  kind: UnitKind;
  flagged: number;
  watch: number;
  clear: number;
  insufficientData: number;
}
export interface OverviewResponse {
  run: {
    runId: string;
    generatedAt: string;
    loadId: string;
    datasetName: string | null;
    declarations: number;
    config: { period: string; fdrLevel: number; watchLevel: number; minVolume: number };
    indicatorsRun: string[];
    indicatorsSkipped: { id: string; reason: string }[];
  };
  periods: string[];
  offices: string[];
  dimensions: { id: string; name: LocalizedText }[];
  indicators: PerformanceIndicatorView[];
  clearance: { total: OfficeOverviewView; byOffice: OfficeOverviewView[] };
  units: UnitStatusCounts[];
}

// ---- release times ----
export interface ReleaseTimeStat {
  segment: string;
  breakdown: string;
  group: string | null;
  period: string | null;
  n: number;
  nExcluded: number;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
  minHours: number | null;
  maxHours: number | null;
  within24h: number | null;
  within48h: number | null;
}
export interface ReleaseTimesResponse {
  run: RunRef;
  segments: { id: string; from: string; to: string; name: LocalizedText; endsAtRelease: boolean }[];
  maxHours: number;
  extremeRule: LocalizedText;
  coverage: {
    declarations: number;
    withMilestones: number;
    lodgementReleaseFromDeclaration: number;
  };
  stats: ReleaseTimeStat[];
}
export interface ReleaseDistributionResponse {
  run: RunRef;
  segment: string;
  by: string;
  edgesHours: number[];
  groups: {
    group: string | null;
    n: number;
    medianHours: number | null;
    bins: { fromHours: number; toHours: number; count: number }[];
  }[];
}

// ---- integrity ----
export interface IntegrityIndicatorInfo {
  id: string;
  title: LocalizedText;
  side: string;
}
export interface UnitFlagSummary {
  indicator: string;
  status: UnitStatus;
  ratio: number | null;
  q: number | null;
  explanation: LocalizedText;
}
export interface RankedUnit {
  kind: UnitKind;
  unit: string;
  office: string | null;
  volume: number;
  score: number | null;
  rank: number | null;
  status: UnitStatus;
  flags: UnitFlagSummary[];
}
export interface UnitsResponse {
  run: RunRef;
  indicators: IntegrityIndicatorInfo[];
  total: number;
  limit: number;
  offset: number;
  items: RankedUnit[];
}
export interface UnitIndicatorDetail {
  indicator: string;
  title: LocalizedText;
  status: UnitStatus;
  n: number;
  observed: number;
  expected: number;
  ratio: number | null;
  z: number | null;
  p: number | null;
  q: number | null;
  explanation: LocalizedText;
  evidenceCount: number;
}
export interface PairView {
  officer: string;
  declarant: string;
  office: string;
  observed: number;
  expected: number;
  lift: number | null;
  manual: number;
  periods: number;
  p: number;
  q: number;
}
export interface UnitDetailResponse {
  run: RunRef;
  kind: UnitKind;
  unit: string;
  office: string | null;
  volume: number;
  score: number | null;
  rank: number | null;
  status: UnitStatus;
  indicators: UnitIndicatorDetail[];
  pairs: PairView[];
}
export interface EvidenceDeclaration {
  indicator: string;
  declarationId: string;
  event: boolean;
  value: number | null;
  office: string | null;
  lodgedAt: string | null;
  releasedAt: string | null;
  riskChannel: string | null;
  finalChannel: string | null;
  assignment: string | null;
  inspected: boolean | null;
  outcome: string | null;
  officer: string | null;
  declarant: string | null;
  trader: string | null;
  declaredValue: number | null;
  declaredDuty: number | null;
  assessedDuty: number | null;
}
export interface EvidenceResponse {
  run: RunRef;
  kind: UnitKind;
  unit: string;
  total: number;
  limit: number;
  offset: number;
  items: EvidenceDeclaration[];
}
export interface FunnelIndexResponse {
  run: RunRef;
  funnels: {
    kind: UnitKind;
    indicator: string;
    title: LocalizedText;
    unitsTested: number;
    overdispersed: boolean;
  }[];
}
export interface FunnelPoint {
  unit: string;
  x: number;
  y: number;
  n: number;
  observed: number;
  expected: number;
  q: number | null;
  status: UnitStatus;
}
export interface FunnelResponse {
  run: RunRef;
  kind: UnitKind;
  indicator: string;
  title: LocalizedText;
  scale: string;
  target: number;
  unitsTested: number;
  phi: number | null;
  tau2: number | null;
  overdispersed: boolean;
  points: FunnelPoint[];
  limits: {
    x: number;
    lower95: number | null;
    upper95: number | null;
    lower998: number | null;
    upper998: number | null;
  }[];
}
export interface PairsResponse {
  run: RunRef;
  total: number;
  limit: number;
  offset: number;
  items: PairView[];
}

// ---- mirror ----
export interface MirrorGap {
  hs6: string;
  partner: string;
  period: string;
  declarations: number;
  declaredUsd: number | null;
  partnerCifUsd: number | null;
  gapUsd: number | null;
  ratio: number | null;
  gapRank: number | null;
  topGap: boolean;
}
export interface MirrorAggregate {
  key: string;
  cells: number;
  declaredUsd: number;
  partnerCifUsd: number;
  gapUsd: number;
}
export interface MirrorShare {
  unit: string;
  declarations: number;
  declaredUsd: number;
  topGapDeclarations: number;
  topGapUsd: number;
  shareInTop: number | null;
  overallShare: number | null;
  lift: number | null;
  excessUsd: number | null;
  rank: number;
}
export interface MirrorResponse {
  run: RunRef;
  available: boolean;
  currency: string | null;
  cifFobFactor: number;
  topShare: number;
  notes: string[];
  totals: {
    matchedDeclaredUsd: number | null;
    matchedPartnerCifUsd: number | null;
    topGapUsd: number | null;
    topCells: number | null;
  };
  largestGaps: MirrorGap[];
  byPartner: MirrorAggregate[];
  byHs6: MirrorAggregate[];
  tariffGap: {
    slope: number | null;
    se: number | null;
    intercept: number | null;
    n: number;
    r2: number | null;
    points: { hs6: string; tariffPct: number; logGap: number; weight: number | null }[];
  };
  declarants: MirrorShare[];
  offices: MirrorShare[];
}

// ---- data ----
export interface LoadFile {
  table: string;
  file: string | null;
  format: string | null;
  bytes: number;
  sha256: string | null;
  read: number;
  accepted: number;
  rejected: number;
  reconciled: boolean;
}
export interface LoadView {
  loadId: string;
  datasetName: string | null;
  startedAt: string;
  finishedAt: string;
  read: number;
  accepted: number;
  rejected: number;
  reconciled: boolean;
  files: LoadFile[];
}
export interface LoadsResponse {
  tables: { table: string; rows: number }[];
  loads: LoadView[];
}
export interface RejectedRowView {
  table: string;
  file: string;
  line: number;
  column: string | null;
  reason: string;
  values: Record<string, string | null> | null;
  rawLineWithheld: boolean;
}
export interface RejectsResponse {
  loadId: string | null;
  total: number;
  limit: number;
  offset: number;
  summary: { table: string; reason: string; rows: number }[];
  items: RejectedRowView[];
}
