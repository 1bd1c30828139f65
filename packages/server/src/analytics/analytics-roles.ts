import type { Role } from '../access/roles.js';

/**
 * Who reads the dashboards (pseudonyms only): analysts, managers,
 * investigators and auditors ("statistics"). Admins manage users and
 * settings and do not read integrity results (least privilege).
 */
export const dashboardRoles: readonly Role[] = ['analyst', 'manager', 'investigator', 'auditor'];

/**
 * Who reads the declarations behind a flag (declaration-level detail):
 * analysts, managers and investigators; not auditors, who read statistics.
 */
export const evidenceRoles: readonly Role[] = ['analyst', 'manager', 'investigator'];

/**
 * Who reads rejected rows (raw clearance data, personal columns
 * pseudonymised): analysts and managers, who fix data problems.
 */
export const rejectedRowRoles: readonly Role[] = ['analyst', 'manager'];
