import { Type } from 'typebox';
import type { Static } from 'typebox';
import { RoleSchema } from './common.js';

/** A user account as the admin sees it. */
export const UserSummary = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  totpEnrolled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
/** A user account as the admin sees it. */
export type UserSummary = Static<typeof UserSummary>;

/** GET /api/users answer. */
export const UserList = Type.Object({ users: Type.Array(UserSummary) });
/** GET /api/users answer. */
export type UserList = Static<typeof UserList>;

/** POST /api/users body. */
export const CreateUserRequest = Type.Object({
  username: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$',
    description: '2–64 letters, digits, dots, dashes or underscores',
  }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  role: RoleSchema,
});
/** POST /api/users body. */
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/** Answer carrying a temporary password, shown this once. */
export const TemporaryPasswordResponse = Type.Object({
  user: UserSummary,
  temporaryPassword: Type.String(),
});
/** Answer carrying a temporary password. */
export type TemporaryPasswordResponse = Static<typeof TemporaryPasswordResponse>;

/** PATCH /api/users/:id body. */
export const UpdateUserRequest = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
/** PATCH /api/users/:id body. */
export type UpdateUserRequest = Static<typeof UpdateUserRequest>;

/** One user, as answered by PATCH and the reset routes. */
export const UserResponse = Type.Object({ user: UserSummary });
/** One user. */
export type UserResponse = Static<typeof UserResponse>;

/** POST /api/users/:id/revoke-sessions answer. */
export const RevokedResponse = Type.Object({ revoked: Type.Integer({ minimum: 0 }) });
/** POST /api/users/:id/revoke-sessions answer. */
export type RevokedResponse = Static<typeof RevokedResponse>;
