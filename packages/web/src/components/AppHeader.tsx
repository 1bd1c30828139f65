import type { ReactNode } from 'react';
import { useT } from '../i18n/LocaleProvider';
import { LanguageSwitch } from './LanguageSwitch';

/** The skip link and the header with the app's name and the language switch, on every page. */
export function AppHeader({
  children,
}: {
  /** More header tools, after the language switch. */ children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('shell.appName')}</span>
          <span className="brand-tagline">{t('shell.tagline')}</span>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          {children}
        </div>
      </header>
    </>
  );
}
