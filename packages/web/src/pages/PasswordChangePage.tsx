import { useSession } from '../auth/SessionProvider';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useT } from '../i18n/LocaleProvider';

/** The first thing a person with a temporary password sees: choosing their own. */
export function PasswordChangePage() {
  const t = useT();
  const { refresh } = useSession();
  return (
    <div className="centered">
      <div className="login-card">
        <PasswordChangeForm
          helpId="password-help"
          heading={
            <>
              <h1>{t('password.title')}</h1>
              <p>{t('password.intro')}</p>
            </>
          }
          onChanged={refresh}
        />
      </div>
    </div>
  );
}
