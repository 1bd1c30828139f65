import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** Number, percent, date and duration formatters of the current locale. */
export function useFormat() {
  const intl = useIntl();
  return useMemo(
    () => ({
      number: (value: number | null | undefined, digits = 0) =>
        value === null || value === undefined || !Number.isFinite(value)
          ? '—'
          : intl.formatNumber(value, { maximumFractionDigits: digits, minimumFractionDigits: 0 }),
      fixed: (value: number | null | undefined, digits = 2) =>
        value === null || value === undefined || !Number.isFinite(value)
          ? '—'
          : intl.formatNumber(value, {
              maximumFractionDigits: digits,
              minimumFractionDigits: digits,
            }),
      percent: (value: number | null | undefined, digits = 1) =>
        value === null || value === undefined || !Number.isFinite(value)
          ? '—'
          : intl.formatNumber(value, {
              style: 'percent',
              maximumFractionDigits: digits,
              minimumFractionDigits: 0,
            }),
      date: (value: string | number | Date | null | undefined) =>
        value === null || value === undefined || value === ''
          ? '—'
          : intl.formatDate(value, { year: 'numeric', month: 'short', day: 'numeric' }),
      dateTime: (value: string | number | Date | null | undefined) =>
        value === null || value === undefined || value === ''
          ? '—'
          : intl.formatDate(value, {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
            }),
      /** A calendar day sent as `YYYY-MM-DD` (a UTC day), the same day in every time zone. */
      day: (value: string | null | undefined) =>
        value === null || value === undefined || value === ''
          ? '—'
          : intl.formatDate(`${value}T00:00:00Z`, {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              timeZone: 'UTC',
            }),
      /** A number with a few significant digits (coefficients, standard errors). */
      significant: (value: number | null | undefined, digits = 3) =>
        value === null || value === undefined || !Number.isFinite(value)
          ? '—'
          : intl.formatNumber(value, { maximumSignificantDigits: digits }),
      /** Date and time in the short numeric form, for dense tables. */
      shortDateTime: (value: string | number | Date | null | undefined) =>
        value === null || value === undefined || value === ''
          ? '—'
          : intl.formatDate(value, { dateStyle: 'short', timeStyle: 'short' }),
      /** A p- or q-value: small values in scientific notation. */
      probability: (value: number | null | undefined) =>
        value === null || value === undefined || !Number.isFinite(value)
          ? '—'
          : value < 0.001
            ? intl.formatNumber(value, { notation: 'scientific', maximumFractionDigits: 1 })
            : intl.formatNumber(value, { maximumFractionDigits: 3 }),
    }),
    [intl],
  );
}
