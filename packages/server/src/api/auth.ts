import { Type } from 'typebox';
import type { Static } from 'typebox';
import { CurrentUser } from './common.js';

/** POST /api/auth/login body. */
export const LoginRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
/** POST /api/auth/login body. */
export type LoginRequest = Static<typeof LoginRequest>;

/** POST /api/auth/login answer: the second step the browser must take. */
export const LoginResponse = Type.Union([
  Type.Object({ status: Type.Literal('totp_required') }),
  Type.Object({
    status: Type.Literal('enrolment_required'),
    otpauthUri: Type.String({ description: 'otpauth:// URI to show as a QR code' }),
    secret: Type.String({ description: 'Base32 secret, for typing into the authenticator' }),
  }),
]);
/** POST /api/auth/login answer. */
export type LoginResponse = Static<typeof LoginResponse>;

/** POST /api/auth/totp and /api/auth/enrol body: a 6-digit TOTP code (or, for totp, a recovery code). */
export const CodeRequest = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
/** POST /api/auth/totp and /api/auth/enrol body. */
export type CodeRequest = Static<typeof CodeRequest>;

/** The signed-in person, with what the web app must prompt for. */
export const SessionUser = Type.Intersect([
  CurrentUser,
  Type.Object({ mustChangePassword: Type.Boolean() }),
]);
/** The signed-in person, with what the web app must prompt for. */
export type SessionUser = Static<typeof SessionUser>;

/** GET /api/auth/session answer, also returned when a sign-in completes. */
export const SessionResponse = Type.Object({
  user: SessionUser,
  csrfToken: Type.String({ description: 'Send as x-csrf-token on POST/PUT/PATCH/DELETE' }),
});
/** GET /api/auth/session answer. */
export type SessionResponse = Static<typeof SessionResponse>;

/** POST /api/auth/enrol answer: the session plus the recovery codes, shown once. */
export const EnrolResponse = Type.Intersect([
  SessionResponse,
  Type.Object({ recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }) }),
]);
/** POST /api/auth/enrol answer. */
export type EnrolResponse = Static<typeof EnrolResponse>;

/** POST /api/account/password body. */
export const PasswordChangeRequest = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
});
/** POST /api/account/password body. */
export type PasswordChangeRequest = Static<typeof PasswordChangeRequest>;

/** POST /api/account/recovery-codes answer: a fresh set, shown once. */
export const RecoveryCodesResponse = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }),
});
/** POST /api/account/recovery-codes answer. */
export type RecoveryCodesResponse = Static<typeof RecoveryCodesResponse>;
