/**
 * The EU Whistleblower Directive's clocks (2019/1937, Art. 9(1)(b) and (f)): acknowledge a
 * report within 7 days of receipt; give feedback within 3 months of the acknowledgement, or,
 * without one, of the end of those 7 days.
 */
export interface ReportClocks {
  acknowledgementDueAt: string;
  acknowledgementOverdue: boolean;
  feedbackDueAt: string;
  feedbackOverdue: boolean;
}

/** `iso` plus `days` days. */
function addDays(iso: string, days: number): Date {
  return new Date(new Date(iso).getTime() + days * 86_400_000);
}

/** `date` plus `months` calendar months (clamped to the month's last day, as in law). */
export function addMonths(date: Date, months: number): Date {
  const day = date.getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** Due dates and overdue flags of a report at `now`. */
export function reportClocks(
  report: { receivedAt: string; acknowledgedAt: string | null; feedbackAt: string | null },
  now: Date,
): ReportClocks {
  const ackDue = addDays(report.receivedAt, 7);
  const feedbackFrom = report.acknowledgedAt ? new Date(report.acknowledgedAt) : ackDue;
  const feedbackDue = addMonths(feedbackFrom, 3);
  return {
    acknowledgementDueAt: ackDue.toISOString(),
    acknowledgementOverdue: report.acknowledgedAt === null && now > ackDue,
    feedbackDueAt: feedbackDue.toISOString(),
    feedbackOverdue: report.feedbackAt === null && now > feedbackDue,
  };
}
