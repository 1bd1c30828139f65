import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useSession, useUser } from '../auth/SessionProvider';
import { useT } from '../i18n/LocaleProvider';
import { navFor, navItems } from '../navigation';
import { AppHeader } from './AppHeader';

/** The frame of every page after login: skip link, header, navigation by role, main. */
export function Layout({ children, nav = true }: { children: ReactNode; nav?: boolean }) {
  const t = useT();
  const user = useUser();
  const { logout } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // The window title names the section, in the current language.
  useEffect(() => {
    const section = navItems
      .filter((item) =>
        item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to),
      )
      .sort((a, b) => b.to.length - a.to.length)[0];
    document.title = section ? `${t(section.label)} – ${t('shell.appName')}` : t('shell.appName');
  }, [location.pathname, t]);

  // Moving to another page moves focus to its content, as a page load would.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <AppHeader>
        <Link
          className="user-chip"
          to="/account"
          title={t('account.linkTitle')}
          aria-label={`${t('account.title')}: ${user.displayName}, ${t(`role.${user.role}`)}`}
        >
          {user.displayName}
          <span className="muted"> · {t(`role.${user.role}`)}</span>
        </Link>
        <button type="button" className="button-secondary" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </AppHeader>
      {nav && (
        <nav className="app-nav" aria-label={t('shell.navigation')}>
          <ul>
            {navFor(user.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('shell.dueProcess')}</p>
      </footer>
    </>
  );
}
