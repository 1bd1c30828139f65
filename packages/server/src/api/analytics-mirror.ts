/** Schemas of the mirror analysis routes (`/api/mirror`). */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import {
  NullableNumber,
  NullableString,
  PageQuery,
  RunRef,
  UnitLabel,
} from './analytics-common.js';
import { PageInfo } from './common.js';

/** A cell: one HS6 product from one partner in one period, our imports against their exports. */
export const MirrorGap = Type.Object({
  hs6: Type.String(),
  partner: Type.String(),
  period: Type.String(),
  declarations: Type.Number(),
  declaredUsd: NullableNumber,
  partnerCifUsd: NullableNumber,
  gapUsd: NullableNumber,
  ratio: NullableNumber,
  gapRank: NullableNumber,
  topGap: Type.Boolean(),
});
/** A mirror cell. */
export type MirrorGap = Static<typeof MirrorGap>;

/** Gaps summed over a partner or an HS6 product. */
export const MirrorAggregate = Type.Object({
  key: Type.String({ description: 'partner country code or HS6 code' }),
  cells: Type.Number(),
  declaredUsd: Type.Number(),
  partnerCifUsd: Type.Number(),
  gapUsd: Type.Number(),
});
/** Gaps summed over a partner or an HS6 product. */
export type MirrorAggregate = Static<typeof MirrorAggregate>;

/** A declarant's or office's share of the flows with the largest gaps. */
export const MirrorShare = Type.Object({
  unit: UnitLabel,
  declarations: Type.Number(),
  declaredUsd: Type.Number(),
  topGapDeclarations: Type.Number(),
  topGapUsd: Type.Number(),
  shareInTop: NullableNumber,
  overallShare: NullableNumber,
  lift: NullableNumber,
  excessUsd: NullableNumber,
  rank: Type.Number(),
});
/** A declarant's or office's share of the largest-gap flows. */
export type MirrorShare = Static<typeof MirrorShare>;

/** `GET /api/mirror`: summary, largest gaps by partner and HS6, tariff–gap relation, shares. */
export const MirrorResponse = Type.Object({
  run: RunRef,
  available: Type.Boolean(),
  currency: NullableString,
  cifFobFactor: Type.Number(),
  topShare: Type.Number(),
  notes: Type.Array(Type.String()),
  totals: Type.Object({
    matchedDeclaredUsd: NullableNumber,
    matchedPartnerCifUsd: NullableNumber,
    topGapUsd: NullableNumber,
    topCells: NullableNumber,
  }),
  /** The 20 largest cells. */
  largestGaps: Type.Array(MirrorGap),
  /** The 20 partners with the largest summed gap. */
  byPartner: Type.Array(MirrorAggregate),
  /** The 20 HS6 products with the largest summed gap. */
  byHs6: Type.Array(MirrorAggregate),
  tariffGap: Type.Object({
    slope: NullableNumber,
    se: NullableNumber,
    intercept: NullableNumber,
    n: Type.Number(),
    r2: NullableNumber,
    points: Type.Array(
      Type.Object({
        hs6: Type.String(),
        tariffPct: Type.Number(),
        logGap: Type.Number(),
        weight: NullableNumber,
      }),
    ),
  }),
  declarants: Type.Array(MirrorShare),
  offices: Type.Array(MirrorShare),
});
/** `GET /api/mirror`. */
export type MirrorResponse = Static<typeof MirrorResponse>;

/** Query of `GET /api/mirror/gaps`. */
export const MirrorGapsQuery = Type.Object({
  partner: Type.Optional(Type.String({ maxLength: 3 })),
  hs6: Type.Optional(Type.String({ maxLength: 6 })),
  ...PageQuery,
});
/** Query of `GET /api/mirror/gaps`. */
export type MirrorGapsQuery = Static<typeof MirrorGapsQuery>;

/** `GET /api/mirror/gaps`: cells by gap, largest first, filtered and paginated. */
export const MirrorGapsResponse = Type.Object({
  run: RunRef,
  ...PageInfo,
  items: Type.Array(MirrorGap),
});
/** `GET /api/mirror/gaps`. */
export type MirrorGapsResponse = Static<typeof MirrorGapsResponse>;
