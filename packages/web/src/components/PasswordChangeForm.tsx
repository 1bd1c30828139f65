import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../api/http';
import { ErrorMessage } from './ErrorMessage';
import { useT } from '../i18n/LocaleProvider';

/**
 * The form that changes one's own password: current, new and confirmation.
 * Without `onChanged` it clears itself and says the password was changed;
 * with it, it waits for `onChanged` (which replaces the page) and stays busy.
 */
export function PasswordChangeForm({
  helpId,
  heading,
  onChanged,
}: {
  /** Id of the paragraph describing the new password; unique on the page. */
  helpId: string;
  /** Shown at the top, inside the form. */
  heading?: ReactNode;
  onChanged?: () => Promise<void>;
}) {
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
      if (onChanged) {
        await onChanged();
        return;
      }
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      {heading}
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
          aria-describedby={helpId}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <p id={helpId} className="muted small">
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
  );
}
