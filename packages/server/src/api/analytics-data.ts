/** Schemas of the data routes (`/api/data/...`): loads, reconciliation, rejected rows. */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { NullableString, PageQuery } from './analytics-common.js';
import { PageInfo } from './common.js';

/** One file of a load: rows read = accepted + rejected. */
export const LoadFile = Type.Object({
  table: Type.String(),
  file: NullableString,
  format: NullableString,
  bytes: Type.Number(),
  sha256: NullableString,
  read: Type.Number(),
  accepted: Type.Number(),
  rejected: Type.Number(),
  /** read = accepted + rejected. */
  reconciled: Type.Boolean(),
});
/** One file of a load. */
export type LoadFile = Static<typeof LoadFile>;

/** A load of a dataset into the warehouse. */
export const LoadView = Type.Object({
  loadId: Type.String(),
  datasetName: NullableString,
  startedAt: Type.String(),
  finishedAt: Type.String(),
  read: Type.Number(),
  accepted: Type.Number(),
  rejected: Type.Number(),
  reconciled: Type.Boolean(),
  files: Type.Array(LoadFile),
});
/** A load. */
export type LoadView = Static<typeof LoadView>;

/** `GET /api/data/loads`: every load, latest first, with per-file reconciliation. */
export const LoadsResponse = Type.Object({
  /** Rows per contract table now in the warehouse. */
  tables: Type.Array(Type.Object({ table: Type.String(), rows: Type.Number() })),
  loads: Type.Array(LoadView),
});
/** `GET /api/data/loads`. */
export type LoadsResponse = Static<typeof LoadsResponse>;

/** Query of `GET /api/data/rejects`. */
export const RejectsQuery = Type.Object({
  /** A load id; the latest load when absent. */
  loadId: Type.Optional(Type.String({ maxLength: 64 })),
  table: Type.Optional(Type.String({ maxLength: 64 })),
  ...PageQuery,
});
/** Query of `GET /api/data/rejects`. */
export type RejectsQuery = Static<typeof RejectsQuery>;

/**
 * A rejected row with its reason. Values of personal columns (officer,
 * declarant, trader ids) are replaced by pseudonyms, other personal values
 * withheld; a line that could not be split into fields is not returned.
 */
export const RejectedRowView = Type.Object({
  table: Type.String(),
  file: Type.String(),
  line: Type.Number(),
  column: NullableString,
  reason: Type.String(),
  values: Type.Union([Type.Record(Type.String(), NullableString), Type.Null()]),
  /** The raw line exists but is withheld (it could hold personal data). */
  rawLineWithheld: Type.Boolean(),
});
/** A rejected row. */
export type RejectedRowView = Static<typeof RejectedRowView>;

/** `GET /api/data/rejects`: rejected rows of a load in file and line order, paginated. */
export const RejectsResponse = Type.Object({
  loadId: NullableString,
  ...PageInfo,
  /** Rejected rows by table and column (null: the row as a whole), for the whole load. */
  summary: Type.Array(
    Type.Object({ table: Type.String(), column: NullableString, rows: Type.Number() }),
  ),
  items: Type.Array(RejectedRowView),
});
/** `GET /api/data/rejects`. */
export type RejectsResponse = Static<typeof RejectsResponse>;
