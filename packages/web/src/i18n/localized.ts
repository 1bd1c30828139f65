import { useCallback } from 'react';
import { useLocale } from './LocaleProvider';

/** Picks the current language's side of a `{ en, fr }` text sent by the server. */
export function useLocalized(): (text: { en: string; fr: string } | null | undefined) => string {
  const { locale } = useLocale();
  return useCallback((text) => (text ? text[locale] || text.en : ''), [locale]);
}
