import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/http';
import { useSession } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';

/** The first thing a person with a temporary password sees: choosing their own. */
export function PasswordChangePage() {
  const t = useT();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
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
      await refresh();
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <div className="centered">
      <div className="login-card">
        <form className="form" onSubmit={(e) => void submit(e)}>
          <h1>{t('password.title')}</h1>
          <p>{t('password.intro')}</p>
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
              aria-describedby="password-help"
              onChange={(e) => setNext(e.target.value)}
            />
          </label>
          <p id="password-help" className="muted small">
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
          <button type="submit" disabled={busy}>
            {t('password.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
