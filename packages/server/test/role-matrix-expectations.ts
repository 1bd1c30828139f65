import type { Role } from '../src/access/roles.js';

/**
 * Who may call a route:
 * - `'public'`: anyone, signed in or not (each one is listed in docs/security.md);
 * - `'signed-in'`: any signed-in person, whatever their role;
 * - a list of roles: only those roles; every other role gets 403.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** What the role matrix expects of one route, and how to call it. */
export interface RouteExpectation {
  access: Access;
  /** URL to call; by default the route's path with each `:param` as `999999` and `*` as `index.css`. */
  url?: string;
  /** Body of POST/PUT/PATCH/DELETE calls; `{}` by default (allowed callers then usually get 400). */
  body?: unknown;
}

const all = ['admin', 'analyst', 'investigator', 'manager', 'auditor'] as const;
// Written out here rather than imported: the table states the intended access, the code is checked against it.
const dashboards = ['analyst', 'manager', 'investigator', 'auditor'] as const;

/**
 * The expected access of EVERY route of the app, keyed `METHOD /path`. The
 * role-matrix test fails for a registered route missing here and for an entry
 * whose route does not exist: a helper adding a route adds its line.
 * Grouped by owner; keep each group sorted.
 */
export const routeExpectations: Readonly<Record<string, RouteExpectation>> = {
  // CORE: health, sign-in, account, users, settings, audit, API docs.
  'GET /api/health': { access: 'public' },
  'POST /api/auth/login': { access: 'public' },
  'POST /api/auth/totp': { access: 'public' },
  'POST /api/auth/enrol': { access: 'public' },
  'GET /api/auth/session': { access: 'signed-in' },
  'POST /api/auth/logout': { access: 'signed-in' },
  'POST /api/account/password': { access: 'signed-in' },
  'POST /api/account/recovery-codes': { access: 'signed-in' },
  'GET /api/users': { access: ['admin'] },
  'POST /api/users': { access: ['admin'] },
  'PATCH /api/users/:id': { access: ['admin'] },
  'POST /api/users/:id/revoke-sessions': { access: ['admin'] },
  'POST /api/users/:id/reset-totp': { access: ['admin'] },
  'POST /api/users/:id/reset-password': { access: ['admin'] },
  'GET /api/settings': { access: 'signed-in' },
  'PUT /api/settings': { access: ['admin'] },
  'GET /api/audit': { access: ['auditor'] },
  'GET /api/audit/verify': { access: ['auditor'] },
  'GET /api/docs': { access: 'signed-in' },
  'GET /api/docs/json': { access: 'signed-in' },
  'GET /api/docs/yaml': { access: 'signed-in' },
  'GET /api/docs/static/*': { access: 'signed-in' },
  'GET /api/docs/static/index.html': { access: 'signed-in' },
  'GET /api/docs/static/swagger-initializer.js': { access: 'signed-in' },

  // CASES (entered by CORE from the routes' requireRole lists; owner, check against docs/cases.md).
  // Admins are refused every case route: they manage users and settings, not case contents.
  'GET /api/cases': { access: ['analyst', 'investigator', 'manager'] },
  'POST /api/cases': { access: ['analyst', 'investigator', 'manager'] },
  'GET /api/cases/statistics': { access: ['manager', 'auditor'] },
  'GET /api/cases/reminders': { access: ['investigator', 'manager'] },
  'GET /api/cases/assignees': { access: ['manager'] },
  'GET /api/cases/people': { access: ['manager'] },
  'GET /api/cases/:id': { access: ['analyst', 'investigator', 'manager'] },
  'GET /api/cases/:id/history': { access: ['investigator', 'manager'] },
  'POST /api/cases/:id/transition': { access: ['investigator', 'manager'] },
  'POST /api/cases/:id/assign': { access: ['manager'] },
  'POST /api/cases/:id/notes': { access: ['investigator', 'manager'] },
  'POST /api/cases/:id/exclusions': { access: ['manager'] },
  'POST /api/cases/:id/access': { access: ['manager'] },
  'POST /api/cases/:id/close-proposal': { access: ['investigator', 'manager'] },
  'POST /api/cases/:id/close-approval': { access: ['manager'] },
  'POST /api/cases/:id/reopen': { access: ['manager'] },
  'POST /api/cases/:id/reveal': { access: ['investigator', 'manager'] },

  // ANALYTICS (entered by CORE from analytics-roles.ts; owner, check). Admins read no dashboards.
  'GET /api/overview': { access: dashboards },
  'GET /api/release-times': { access: dashboards },
  'GET /api/release-times/distribution': { access: dashboards },
  'GET /api/integrity/units': { access: dashboards },
  'GET /api/integrity/units/:kind/:unit': { access: dashboards },
  'GET /api/integrity/units/:kind/:unit/evidence': {
    access: ['analyst', 'manager', 'investigator'],
  },
  'GET /api/integrity/funnels': { access: dashboards },
  'GET /api/integrity/funnels/:kind/:indicator': { access: dashboards },
  'GET /api/integrity/pairs': { access: dashboards },
  'GET /api/mirror': { access: dashboards },
  'GET /api/mirror/gaps': { access: dashboards },
  'GET /api/data/loads': { access: dashboards },
  'GET /api/data/rejects': { access: ['analyst', 'manager'] },
  // REPORTING (docs/reporting-channel.md): public report pages and API; recipients' inbox and keys.
  'GET /api/public/report-form': { access: 'public' },
  'POST /api/public/report-challenges': { access: 'public' },
  'POST /api/public/reports': { access: 'public' },
  'POST /api/public/reports/follow-up': { access: 'public' },
  'GET /api/public/reports/thread': { access: 'public' },
  'POST /api/public/reports/thread/messages': { access: 'public' },
  'GET /api/reporting/keys/me': { access: ['investigator', 'manager'] },
  'PUT /api/reporting/keys/me': { access: ['investigator', 'manager'] },
  'GET /api/reporting/recipients': { access: ['manager'] },
  'POST /api/reporting/recipients/:userId/status': { access: ['manager'] },
  'GET /api/reporting/reminders': { access: ['investigator', 'manager'] },
  'GET /api/reporting/reports': { access: ['investigator', 'manager'] },
  'GET /api/reporting/reports/:id': { access: ['investigator', 'manager'] },
  'GET /api/reporting/reports/:id/attachments/:position': { access: ['investigator', 'manager'] },
  'POST /api/reporting/reports/:id/messages': { access: ['investigator', 'manager'] },
  'POST /api/reporting/reports/:id/status': { access: ['investigator', 'manager'] },
  'POST /api/reporting/reports/:id/triage': { access: ['manager'] },
  'POST /api/reporting/reports/:id/exclusions': { access: ['manager'] },
  'POST /api/reporting/reports/:id/keys': { access: ['manager'] },
  'GET /api/reporting/questionnaire': { access: ['admin', 'manager', 'investigator'] },
  'PUT /api/reporting/questionnaire': { access: ['admin'] },
  'DELETE /api/reporting/reports/:id': { access: ['manager'] },
  'GET /api/reporting/settings': { access: ['admin', 'manager'] },
  'PUT /api/reporting/settings': { access: ['admin'] },

  // SURVEYS (docs/surveys.md): managers run rounds; managers, analysts and auditors read results.
  // Admins and investigators have no access. Respondents and the transparency page are public.
  'GET /api/surveys/questionnaires': { access: ['manager', 'analyst', 'auditor'] },
  'GET /api/surveys/rounds': { access: ['manager', 'analyst', 'auditor'] },
  'POST /api/surveys/rounds': { access: ['manager'] },
  'GET /api/surveys/rounds/:id': { access: ['manager', 'analyst', 'auditor'] },
  'POST /api/surveys/rounds/:id/close': { access: ['manager'] },
  'POST /api/surveys/rounds/:id/invitations': { access: ['manager'] },
  'GET /api/surveys/rounds/:id/results': { access: ['manager', 'analyst', 'auditor'] },
  'GET /api/surveys/rounds/:id/export': { access: ['manager', 'analyst', 'auditor'] },
  'GET /api/surveys/comparison': { access: ['manager', 'analyst', 'auditor'] },
  'GET /api/public/surveys/:token': { access: 'public' },
  'POST /api/public/surveys/:token/answers': { access: 'public' },
  'GET /api/public/transparency': { access: 'public' },
  'GET /api/transparency/texts': { access: ['manager', 'admin'] },
  'PUT /api/transparency/texts': { access: ['manager', 'admin'] },
};

/** Every role, for tests iterating over them. */
export const allRoles: readonly Role[] = all;
