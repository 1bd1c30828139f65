import { useT } from '../i18n/LocaleProvider';

/** A unit's or indicator's status as a text badge (colour is never the only carrier). */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/** A case state as a text badge. */
export function CaseStateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge badge-case-${state}`}>{t(`caseState.${state}`)}</span>;
}
