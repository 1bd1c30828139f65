import { useT } from '../i18n/LocaleProvider';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}

/** Previous/next buttons and "rows a–b of n". */
export function Pagination({ total, limit, offset, onChange }: PaginationProps) {
  const t = useT();
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button-secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('pagination.previous')}
      </button>
      <span>{t('pagination.range', { from: total === 0 ? 0 : offset + 1, to: last, total })}</span>
      <button
        type="button"
        className="button-secondary"
        disabled={last >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
