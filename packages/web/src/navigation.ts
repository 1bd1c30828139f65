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
  { to: '/integrity', label: 'nav.integrity', roles: ['analyst', 'investigator', 'manager'] },
  { to: '/mirror', label: 'nav.mirror', roles: ['analyst', 'investigator', 'manager'] },
  { to: '/cases', label: 'nav.cases', roles: ['analyst', 'investigator', 'manager'] },
  { to: '/data', label: 'nav.data', roles: ['analyst', 'manager', 'admin'] },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['auditor'] },
];

/** The pages a role sees. */
export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

/** Where a role lands after login. */
export function homeOf(role: Role): string {
  return navFor(role)[0]?.to ?? '/';
}
