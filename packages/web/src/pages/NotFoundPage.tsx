import { Link } from 'react-router-dom';
import { useT } from '../i18n/LocaleProvider';

/** A path that matches no page. */
export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
