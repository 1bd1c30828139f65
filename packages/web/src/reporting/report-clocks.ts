import type { ReportSummary } from '../api/reporting-types';

const day = 86_400_000;
/** How close a deadline must be to be "due soon" (as the server's reminders: 2 and 14 days). */
export const dueSoonDays = { acknowledgement: 2, feedback: 14 } as const;

/** The state of one of the Directive's clocks on a report. */
export interface ClockState {
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

/** Acknowledgement (7 days) and feedback (3 months) clocks of a report, as of `now`. */
export function reportClocks(
  r: ReportSummary,
  now = Date.now(),
): { acknowledgement: ClockState; feedback: ClockState } {
  const open = r.status !== 'closed';
  const soon = (dueAt: string, days: number, done: string | null) =>
    open && done === null && Date.parse(dueAt) >= now && Date.parse(dueAt) - now <= days * day;
  return {
    acknowledgement: {
      dueAt: r.acknowledgementDueAt,
      doneAt: r.acknowledgedAt,
      overdue: open && r.acknowledgementOverdue,
      dueSoon: soon(r.acknowledgementDueAt, dueSoonDays.acknowledgement, r.acknowledgedAt),
    },
    feedback: {
      dueAt: r.feedbackDueAt,
      doneAt: r.feedbackAt,
      overdue: open && r.feedbackOverdue,
      dueSoon: soon(r.feedbackDueAt, dueSoonDays.feedback, r.feedbackAt),
    },
  };
}
