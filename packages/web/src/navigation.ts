import type { Role } from './api/auth-types';

/** A page of the app, who sees it in the navigation, and its message id. */
export interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[];
}

const dashboards: readonly Role[] = ['analyst', 'investigator', 'manager', 'auditor'];

/** The navigation, in order; the server refuses what a role may not read anyway. */
export const navItems: readonly NavItem[] = [
  { to: '/', label: 'nav.overview', roles: dashboards },
  { to: '/release-times', label: 'nav.releaseTimes', roles: dashboards },
  { to: '/integrity', label: 'nav.integrity', roles: dashboards },
  { to: '/mirror', label: 'nav.mirror', roles: dashboards },
  { to: '/cases', label: 'nav.cases', roles: ['analyst', 'investigator', 'manager'] },
  { to: '/inbox', label: 'nav.inbox', roles: ['investigator', 'manager'] },
  { to: '/surveys', label: 'nav.surveys', roles: ['analyst', 'manager', 'auditor'] },
  { to: '/data', label: 'nav.data', roles: dashboards },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
  { to: '/published-texts', label: 'nav.publishedTexts', roles: ['manager', 'admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['auditor'] },
];

/** Roles that may read the declarations behind a flag. */
export const evidenceReaders: readonly Role[] = ['analyst', 'investigator', 'manager'];
/** Roles that may read rejected rows (they can hold personal data). */
export const rejectReaders: readonly Role[] = ['analyst', 'manager'];

/** The pages a role sees. */
export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

/** Where a role lands after login. */
export function homeOf(role: Role): string {
  return navFor(role)[0]?.to ?? '/';
}
