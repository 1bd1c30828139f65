import { useLocale, useT } from '../i18n/LocaleProvider';
import type { Locale } from '../i18n/LocaleProvider';

const languages: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

/** EN/FR buttons; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('shell.language')}>
      {languages.map((l) => (
        <button
          key={l.locale}
          type="button"
          lang={l.locale}
          aria-pressed={locale === l.locale}
          onClick={() => setLocale(l.locale)}
          title={l.name}
        >
          {l.locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
