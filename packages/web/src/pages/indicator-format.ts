import { useCallback } from 'react';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

/** Formats a performance indicator's value by its unit (share, hours, currency, count, months). */
export function useIndicatorValue(): (value: number | null | undefined, unit: string) => string {
  const f = useFormat();
  const t = useT();
  return useCallback(
    (value, unit) => {
      if (value === null || value === undefined) return '—';
      switch (unit) {
        case 'share':
          return f.percent(value);
        case 'hours':
          return t('unit.hoursValue', { value: f.number(value, 1) });
        case 'months':
          return t('unit.monthsValue', { value: f.number(value, 1) });
        case 'currency':
          return f.number(value, 0);
        default:
          return f.number(value, 2);
      }
    },
    [f, t],
  );
}
