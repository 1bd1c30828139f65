import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { RecoveryCodesResponse } from '@probity/server';
import { api } from '../api/http';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
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
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (next !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      await api('/api/account/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('password.current')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {t('password.new')}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={next}
            aria-describedby="account-password-help"
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <p id="account-password-help" className="muted small">
          {t('password.help')}
        </p>
        <label>
          {t('password.confirm')}
          <input
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        {mismatch && (
          <p className="error" role="alert">
            {t('password.mismatch')}
          </p>
        )}
        <ErrorMessage error={error} />
        {done && (
          <p className="notice" role="status">
            {t('account.passwordChanged')}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
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
