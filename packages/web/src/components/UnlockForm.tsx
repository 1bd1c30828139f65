import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { MyRecipientKey } from '../api/reporting-types';
import { api } from '../api/http';
import { useT } from '../i18n/LocaleProvider';
import { unlockWithPassphrase } from '../public/shared/recipient-crypto';
import { keepUnlocked } from '../reporting/unlocked-key';
import { ErrorMessage } from './ErrorMessage';

/**
 * Unlocks the recipient's private key with their passphrase, in this browser: the passphrase
 * and the private key never leave it. The key stays unlocked in this tab's memory.
 */
export function UnlockForm() {
  const t = useT();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      const { key } = await api<MyRecipientKey>('/api/reporting/keys/me');
      if (!key) throw new Error('no key');
      try {
        keepUnlocked(await unlockWithPassphrase(key, passphrase));
        setPassphrase('');
      } catch {
        setWrong(true);
      }
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel unlock" onSubmit={(e) => void submit(e)} aria-labelledby={id}>
      <h2 id={id}>{t('inbox.unlockTitle')}</h2>
      <p className="small">{t('inbox.unlockHelp')}</p>
      <label>
        {t('inbox.passphrase')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('inbox.unlocking') : t('inbox.unlock')}
      </button>
      {busy && (
        <p className="muted small" role="status">
          {t('inbox.unlockingHelp')}
        </p>
      )}
      {wrong && (
        <p className="error" role="alert">
          {t('inbox.wrongPassphrase')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
