import { useEffect, useState } from 'react';
import type { RecoveryCodesResponse } from '@probity/server';
import { api } from '../api/http';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useT } from '../i18n/LocaleProvider';

/** My account: change one's password, and replace one's recovery codes (shown once). */
export default function AccountPage() {
  const t = useT();
  const user = useUser();
  useEffect(() => {
    document.title = t('account.documentTitle');
  }, [t]);
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="muted">
        {user.displayName} · {user.username} · {t(`role.${user.role}`)}
      </p>
      <PasswordSection />
      <RecoveryCodesSection />
    </>
  );
}

function PasswordSection() {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <PasswordChangeForm helpId="account-password-help" />
    </section>
  );
}

function RecoveryCodesSection() {
  const t = useT();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const replace = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<RecoveryCodesResponse>('/api/account/recovery-codes', {
        method: 'POST',
      });
      setCodes(result.recoveryCodes);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="account-recovery">
      <h2 id="account-recovery">{t('login.recoveryTitle')}</h2>
      <p>{t('account.recoveryIntro')}</p>
      <ErrorMessage error={error} />
      {codes ? (
        <>
          <p role="status">
            <strong>{t('login.recoveryOnce')}</strong>
          </p>
          <ol className="recovery-codes mono" data-testid="account-recovery-codes">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </>
      ) : (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => void replace()}
        >
          {t('account.recoveryReplace')}
        </button>
      )}
    </section>
  );
}
