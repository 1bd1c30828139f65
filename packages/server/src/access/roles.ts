/** Staff roles. Each person has exactly one. */
export const roles = ['admin', 'analyst', 'investigator', 'manager', 'auditor'] as const;

/**
 * A staff role:
 * - `admin`: users and settings; cannot read case contents;
 * - `analyst`: dashboards and flags, pseudonyms only;
 * - `investigator`: cases assigned to them;
 * - `manager`: assigns cases and approves closures;
 * - `auditor`: reads the audit trail and statistics.
 */
export type Role = (typeof roles)[number];

/** True if `value` is one of the {@link roles}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The person behind an authenticated request (`request.user`). */
export interface AuthenticatedUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}
