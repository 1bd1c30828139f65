import { NavLink } from 'react-router-dom';
import { useT } from '../i18n/LocaleProvider';

/** The three views of integrity risk: ranked units, funnel plots, pairs. */
export function IntegrityTabs() {
  const t = useT();
  return (
    <nav className="tabs" aria-label={t('integrity.views')}>
      <NavLink to="/integrity" end>
        {t('integrity.tab.units')}
      </NavLink>
      <NavLink to="/integrity/funnels">{t('integrity.tab.funnels')}</NavLink>
      <NavLink to="/integrity/pairs">{t('integrity.tab.pairs')}</NavLink>
    </nav>
  );
}
