import { Type } from 'typebox';
import type { Static } from 'typebox';

/** Error body of every refused or failed request. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code' }),
      message: Type.String(),
    }),
  },
  { $id: 'ErrorResponse' },
);
/** Error body of every refused or failed request. */
export type ErrorResponse = Static<typeof ErrorResponse>;

/** A staff role. */
export const RoleSchema = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('analyst'),
    Type.Literal('investigator'),
    Type.Literal('manager'),
    Type.Literal('auditor'),
  ],
  { description: 'Staff role' },
);
/** A staff role. */
export type RoleName = Static<typeof RoleSchema>;

/** The signed-in person as the API shows them. */
export const CurrentUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
});
/** The signed-in person as the API shows them. */
export type CurrentUser = Static<typeof CurrentUser>;

/** `{ ok: true }`: the body of a successful action with nothing else to say. */
export const OkResponse = Type.Object({ ok: Type.Literal(true) });
/** `{ ok: true }`. */
export type OkResponse = Static<typeof OkResponse>;

/** Path parameter `:id` holding a positive integer. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** Path parameter `:id`. */
export type IdParams = Static<typeof IdParams>;

/** Pagination query: `limit` rows (50 by default, at most `maximum`) from `offset`. */
export function pageQuery(maximum: number) {
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  };
}

/** Pagination of an answer: rows in all, and the page returned. */
export const PageInfo = {
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
};
