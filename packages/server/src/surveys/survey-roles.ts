import type { Role } from '../access/roles.js';

/**
 * Who creates and closes survey rounds and issues invitation codes: managers.
 * (Admins manage accounts and settings, not surveys; investigators work cases.)
 */
export const surveyManagers: readonly Role[] = ['manager'];

/** Who reads rounds, results, comparisons and exports: managers, analysts and auditors. */
export const surveyReaders: readonly Role[] = ['manager', 'analyst', 'auditor'];
