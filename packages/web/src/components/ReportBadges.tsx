import type { ReportSummary } from '../api/reporting-types';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import type { ClockState } from '../reporting/report-clocks';
import { DueBadge } from './DueBadge';

/** A report's status as a text badge. */
export function ReportStatusBadge({ status }: { status: ReportSummary['status'] }) {
  const t = useT();
  const tone =
    status === 'new' ? 'case-received' : status === 'closed' ? 'case-closed' : 'case-review';
  return <span className={`badge badge-${tone}`}>{t(`reportStatus.${status}`)}</span>;
}

/** One of the Directive's clocks: done on a day, or due on a day with an overdue/soon badge. */
export function ClockCell({ clock }: { clock: ClockState }) {
  const t = useT();
  const f = useFormat();
  if (clock.doneAt) return <>{t('inbox.doneOn', { date: f.date(clock.doneAt) })}</>;
  return (
    <>
      {f.date(clock.dueAt)} <DueBadge overdue={clock.overdue} dueSoon={clock.dueSoon} />
    </>
  );
}
