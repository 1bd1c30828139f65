/**
 * Schemas of the integrity routes (`/api/integrity/...`): ranked units,
 * funnels, unit detail with evidence, officer–declarant pairs. Every
 * officer, declarant and trader is a pseudonym (`UnitLabel`).
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import {
  LocalizedText,
  NullableNumber,
  NullableString,
  PageQuery,
  RunRef,
  UnitKind,
  UnitLabel,
  UnitStatus,
} from './analytics-common.js';
import { PageInfo } from './common.js';

/** An indicator's status for one unit. */
export const IndicatorStatus = Type.Union([
  Type.Literal('flagged'),
  Type.Literal('watch'),
  Type.Literal('clear'),
  Type.Literal('insufficient_data'),
]);

/** An integrity indicator: id, title and which side is suspicious. */
export const IntegrityIndicatorInfo = Type.Object({
  id: Type.String(),
  title: LocalizedText,
  /** What the indicator measures and why it matters, in a sentence. */
  about: LocalizedText,
  side: Type.String({ description: 'high or low' }),
});
/** An indicator's status for one unit. */
export type IndicatorStatus = Static<typeof IndicatorStatus>;
/** An integrity indicator. */
export type IntegrityIndicatorInfo = Static<typeof IntegrityIndicatorInfo>;

/** A flagged or watched indicator of a unit, as listed with the unit. */
export const UnitFlagSummary = Type.Object({
  indicator: Type.String(),
  status: IndicatorStatus,
  ratio: NullableNumber,
  q: NullableNumber,
  explanation: LocalizedText,
});
/** A flagged or watched indicator of a unit, as listed with the unit. */
export type UnitFlagSummary = Static<typeof UnitFlagSummary>;

/** A unit in the ranked list. */
export const RankedUnit = Type.Object({
  kind: UnitKind,
  unit: UnitLabel,
  office: NullableString,
  volume: Type.Number(),
  score: NullableNumber,
  rank: NullableNumber,
  status: UnitStatus,
  /** The flagged and watched indicators, strongest first (empty for clear units). */
  flags: Type.Array(UnitFlagSummary),
});
/** A unit in the ranked list. */
export type RankedUnit = Static<typeof RankedUnit>;

/** Query of `GET /api/integrity/units`. */
export const UnitsQuery = Type.Object({
  kind: Type.Optional(UnitKind),
  status: Type.Optional(UnitStatus),
  office: Type.Optional(Type.String({ maxLength: 64 })),
  /** Units flagged or watched on this indicator. */
  indicator: Type.Optional(Type.String({ maxLength: 64 })),
  ...PageQuery,
});
/** Query of `GET /api/integrity/units`. */
export type UnitsQuery = Static<typeof UnitsQuery>;

/** `GET /api/integrity/units`: units ranked (flagged first, then by score), paginated. */
export const UnitsResponse = Type.Object({
  run: RunRef,
  indicators: Type.Array(IntegrityIndicatorInfo),
  ...PageInfo,
  items: Type.Array(RankedUnit),
});
/** `GET /api/integrity/units`. */
export type UnitsResponse = Static<typeof UnitsResponse>;

/** One indicator of a unit, in full. */
export const UnitIndicatorDetail = Type.Object({
  indicator: Type.String(),
  title: LocalizedText,
  status: IndicatorStatus,
  n: Type.Number(),
  observed: Type.Number(),
  expected: Type.Number(),
  ratio: NullableNumber,
  z: NullableNumber,
  p: NullableNumber,
  q: NullableNumber,
  explanation: LocalizedText,
  /** Declarations behind the flag (flagged and watched indicators only). */
  evidenceCount: Type.Number(),
});
/** One indicator of a unit, in full. */
export type UnitIndicatorDetail = Static<typeof UnitIndicatorDetail>;

/** An officer–declarant pair. */
export const PairView = Type.Object({
  officer: UnitLabel,
  declarant: UnitLabel,
  office: Type.String(),
  observed: Type.Number(),
  expected: Type.Number(),
  lift: NullableNumber,
  manual: Type.Number(),
  periods: Type.Number(),
  p: Type.Number(),
  q: Type.Number(),
});
/** An officer–declarant pair. */
export type PairView = Static<typeof PairView>;

/** `GET /api/integrity/units/:kind/:unit`: a unit with every indicator and its pairs. */
export const UnitDetailResponse = Type.Object({
  run: RunRef,
  kind: UnitKind,
  unit: UnitLabel,
  office: NullableString,
  volume: Type.Number(),
  score: NullableNumber,
  rank: NullableNumber,
  status: UnitStatus,
  indicators: Type.Array(UnitIndicatorDetail),
  /** Pairs this officer or declarant is part of (q below the watch level), strongest first. */
  pairs: Type.Array(PairView),
});
/** `GET /api/integrity/units/:kind/:unit`. */
export type UnitDetailResponse = Static<typeof UnitDetailResponse>;

/** Path of the unit routes. */
export const UnitParams = Type.Object({
  kind: UnitKind,
  unit: Type.String({ minLength: 1, maxLength: 64 }),
});
/** Path of the unit routes. */
export type UnitParams = Static<typeof UnitParams>;

/** Query of `GET /api/integrity/units/:kind/:unit/evidence`. */
export const EvidenceQuery = Type.Object({
  indicator: Type.Optional(Type.String({ maxLength: 64 })),
  ...PageQuery,
});
/** Query of the evidence route. */
export type EvidenceQuery = Static<typeof EvidenceQuery>;

/** A declaration behind a flag, people and firms as pseudonyms. */
export const EvidenceDeclaration = Type.Object({
  indicator: Type.String(),
  declarationId: Type.String(),
  /** The declaration counts as an event of the indicator (e.g. it was downgraded). */
  event: Type.Boolean(),
  value: NullableNumber,
  office: NullableString,
  lodgedAt: NullableString,
  releasedAt: NullableString,
  riskChannel: NullableString,
  finalChannel: NullableString,
  assignment: NullableString,
  inspected: Type.Union([Type.Boolean(), Type.Null()]),
  outcome: NullableString,
  officer: Type.Union([UnitLabel, Type.Null()]),
  declarant: Type.Union([UnitLabel, Type.Null()]),
  trader: Type.Union([UnitLabel, Type.Null()]),
  declaredValue: NullableNumber,
  declaredDuty: NullableNumber,
  assessedDuty: NullableNumber,
});
/** A declaration behind a flag. */
export type EvidenceDeclaration = Static<typeof EvidenceDeclaration>;

/** `GET /api/integrity/units/:kind/:unit/evidence`: the declarations behind the unit's flags. */
export const EvidenceResponse = Type.Object({
  run: RunRef,
  kind: UnitKind,
  unit: UnitLabel,
  ...PageInfo,
  items: Type.Array(EvidenceDeclaration),
});
/** The evidence route's answer. */
export type EvidenceResponse = Static<typeof EvidenceResponse>;

/** `GET /api/integrity/funnels`: which funnels exist. */
export const FunnelIndexResponse = Type.Object({
  run: RunRef,
  funnels: Type.Array(
    Type.Object({
      kind: UnitKind,
      indicator: Type.String(),
      title: LocalizedText,
      unitsTested: Type.Number(),
      overdispersed: Type.Boolean(),
    }),
  ),
});
/** `GET /api/integrity/funnels`. */
export type FunnelIndexResponse = Static<typeof FunnelIndexResponse>;

/** Path of `GET /api/integrity/funnels/:kind/:indicator`. */
export const FunnelParams = Type.Object({
  kind: UnitKind,
  indicator: Type.String({ minLength: 1, maxLength: 64 }),
});
/** Path of the funnel route. */
export type FunnelParams = Static<typeof FunnelParams>;

/** A unit on a funnel plot: x = expected events (ratio scale) or volume (difference scale). */
export const FunnelPoint = Type.Object({
  unit: UnitLabel,
  x: Type.Number(),
  y: Type.Number(),
  n: Type.Number(),
  observed: Type.Number(),
  expected: Type.Number(),
  q: NullableNumber,
  status: IndicatorStatus,
});
/** A unit on a funnel plot. */
export type FunnelPoint = Static<typeof FunnelPoint>;

/** `GET /api/integrity/funnels/:kind/:indicator`: points and 95 % / 99.8 % control limits. */
export const FunnelResponse = Type.Object({
  run: RunRef,
  kind: UnitKind,
  indicator: Type.String(),
  title: LocalizedText,
  scale: Type.String({
    description: 'ratio (O/E against E) or difference (mean − peers against n)',
  }),
  target: Type.Number(),
  unitsTested: Type.Number(),
  phi: NullableNumber,
  tau2: NullableNumber,
  overdispersed: Type.Boolean(),
  points: Type.Array(FunnelPoint),
  limits: Type.Array(
    Type.Object({
      x: Type.Number(),
      lower95: NullableNumber,
      upper95: NullableNumber,
      lower998: NullableNumber,
      upper998: NullableNumber,
    }),
  ),
});
/** `GET /api/integrity/funnels/:kind/:indicator`. */
export type FunnelResponse = Static<typeof FunnelResponse>;

/** Query of `GET /api/integrity/pairs`. */
export const PairsQuery = Type.Object({
  office: Type.Optional(Type.String({ maxLength: 64 })),
  /** Only pairs with q at most this (default: all stored pairs). */
  maxQ: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  ...PageQuery,
});
/** Query of `GET /api/integrity/pairs`. */
export type PairsQuery = Static<typeof PairsQuery>;

/** `GET /api/integrity/pairs`: officer–declarant pairs, strongest evidence first. */
export const PairsResponse = Type.Object({
  run: RunRef,
  ...PageInfo,
  items: Type.Array(PairView),
});
/** `GET /api/integrity/pairs`. */
export type PairsResponse = Static<typeof PairsResponse>;
