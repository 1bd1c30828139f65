import { useT } from '../i18n/LocaleProvider';

/** "Overdue" or "Due soon" as a text badge next to a deadline. */
export function DueBadge({ overdue, dueSoon }: { overdue: boolean; dueSoon: boolean }) {
  const t = useT();
  if (overdue) return <span className="badge badge-flagged">{t('case.overdue')}</span>;
  if (dueSoon) return <span className="badge badge-watch">{t('case.dueSoon')}</span>;
  return null;
}
