import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import en from './en.json';
import fr from './fr.json';

/** The languages of the web app. */
export type Locale = 'en' | 'fr';

const catalogues: Record<Locale, Record<string, string>> = { en, fr };
const storageKey = 'probity.locale';

function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(storageKey);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage may be disabled; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'en',
  setLocale: () => undefined,
});

/** Provides messages, number and date formats for the chosen language, kept in localStorage. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={catalogues[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** The current language and the function that changes it. */
export function useLocale() {
  return useContext(LocaleContext);
}

type Values = Record<string, string | number | Date | null | undefined>;

/** `t(id, values)`: the message of the current language, formatted. */
export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: Values) => intl.formatMessage({ id }, values as never) as string,
    [intl],
  );
}

/** Whether the current catalogue has a message with this id (for codes sent by the server). */
export function useHasMessage(): (id: string) => boolean {
  const intl = useIntl();
  return useCallback((id: string) => Object.hasOwn(intl.messages, id), [intl]);
}
