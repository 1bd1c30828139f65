import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { MyRecipientKey } from '../api/reporting-types';
import { api } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import {
  createRecipientKeys,
  keyFingerprint,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  wrapWithPassphrase,
} from '../public/shared/recipient-crypto';
import type { RecipientKeyPair, RecipientKeyRecord } from '../public/shared/recipient-crypto';
import { keepUnlocked } from '../reporting/unlocked-key';

type Key = NonNullable<MyRecipientKey['key']>;
const minPassphrase = 12;

/** A recipient's key status as a text badge. */
export function KeyStatusBadge({ status }: { status: Key['status'] }) {
  const t = useT();
  const tone = status === 'active' ? 'clear' : status === 'pending' ? 'watch' : 'flagged';
  return <span className={`badge badge-${tone}`}>{t(`recipientStatus.${status}`)}</span>;
}

/** A public key's fingerprint, to compare with what another manager sees. */
export function Fingerprint({ publicKey }: { publicKey: string }) {
  const [print, setPrint] = useState('');
  useEffect(() => {
    let live = true;
    void keyFingerprint(publicKey).then((p) => live && setPrint(p));
    return () => {
      live = false;
    };
  }, [publicKey]);
  return <span className="mono">{print || '…'}</span>;
}

/** Passphrase and its repetition, checked to match and to be long enough. */
function PassphraseFields(props: {
  value: string;
  again: string;
  onChange: (value: string, again: string) => void;
  label: string;
}) {
  const t = useT();
  return (
    <>
      <label>
        {props.label}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={minPassphrase}
          value={props.value}
          aria-describedby="passphrase-help"
          onChange={(e) => props.onChange(e.target.value, props.again)}
        />
      </label>
      <p id="passphrase-help" className="small muted">
        {t('reportingKey.passphraseHelp', { min: minPassphrase })}
      </p>
      <label>
        {t('reportingKey.passphraseAgain')}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={props.again}
          onChange={(e) => props.onChange(props.value, e.target.value)}
        />
      </label>
    </>
  );
}

/** Makes a new key pair in the browser, shows the recovery key once, then registers it. */
function KeySetup({ replacing, onDone }: { replacing: boolean; onDone: () => void }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [made, setMade] = useState<{
    record: RecipientKeyRecord;
    recoveryKey: string;
    keyPair: RecipientKeyPair;
  } | null>(null);
  const [stored, setStored] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const generate = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      setMade(await createRecipientKeys(passphrase));
      setPassphrase('');
      setAgain('');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const register = async (e: FormEvent) => {
    e.preventDefault();
    if (!made) return;
    setBusy(true);
    setError(null);
    try {
      await api<MyRecipientKey>('/api/reporting/keys/me', { method: 'PUT', body: made.record });
      keepUnlocked(made.keyPair);
      setMade(null);
      onDone();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  if (made) {
    return (
      <form className="form" onSubmit={(e) => void register(e)}>
        <h2>{t('reportingKey.recoveryTitle')}</h2>
        <p className="notice">{t('reportingKey.recoveryHelp')}</p>
        <p className="secret-box mono" data-testid="recovery-key">
          {made.recoveryKey}
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            required
            checked={stored}
            onChange={(e) => setStored(e.target.checked)}
          />
          {t('reportingKey.recoveryStored')}
        </label>
        <button type="submit" disabled={busy || !stored}>
          {t('reportingKey.register')}
        </button>
        <ErrorMessage error={error} />
      </form>
    );
  }
  return (
    <form className="form" onSubmit={(e) => void generate(e)}>
      {replacing && <p className="error">{t('reportingKey.replaceWarning')}</p>}
      <PassphraseFields
        label={t('reportingKey.passphrase')}
        value={passphrase}
        again={again}
        onChange={(v, a) => {
          setPassphrase(v);
          setAgain(a);
        }}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('reportingKey.generating') : t('reportingKey.generate')}
      </button>
      {busy && (
        <p className="muted small" role="status">
          {t('reportingKey.generatingHelp')}
        </p>
      )}
      {mismatch && (
        <p className="error" role="alert">
          {t('reportingKey.mismatch')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}

/** A new passphrase for the same key, unlocked with the current passphrase or the recovery key. */
function Rewrap({ current, onDone }: { current: Key; onDone: () => void }) {
  const t = useT();
  const [method, setMethod] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'' | 'mismatch' | 'wrong'>('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setError(null);
    if (passphrase !== again) {
      setProblem('mismatch');
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      let pair: RecipientKeyPair;
      try {
        pair =
          method === 'passphrase'
            ? await unlockWithPassphrase(current, secret)
            : await unlockWithRecoveryKey(current, secret);
      } catch {
        setProblem('wrong');
        return;
      }
      const passphraseWrap = await wrapWithPassphrase(pair.privateKey, passphrase);
      await api<MyRecipientKey>('/api/reporting/keys/me', {
        method: 'PUT',
        body: { publicKey: current.publicKey, passphraseWrap, recoveryWrap: current.recoveryWrap },
      });
      keepUnlocked(pair);
      setSecret('');
      setPassphrase('');
      setAgain('');
      setDone(true);
      onDone();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('reportingKey.unlockWith')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="unlock-method"
            checked={method === 'passphrase'}
            onChange={() => setMethod('passphrase')}
          />
          {t('reportingKey.currentPassphrase')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="unlock-method"
            checked={method === 'recovery'}
            onChange={() => setMethod('recovery')}
          />
          {t('reportingKey.recoveryKey')}
        </label>
      </fieldset>
      <label>
        {method === 'passphrase'
          ? t('reportingKey.currentPassphrase')
          : t('reportingKey.recoveryKey')}
        <input
          type={method === 'passphrase' ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          required
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <PassphraseFields
        label={t('reportingKey.newPassphrase')}
        value={passphrase}
        again={again}
        onChange={(v, a) => {
          setPassphrase(v);
          setAgain(a);
        }}
      />
      <button type="submit" disabled={busy}>
        {t('reportingKey.rewrap')}
      </button>
      {problem === 'mismatch' && (
        <p className="error" role="alert">
          {t('reportingKey.mismatch')}
        </p>
      )}
      {problem === 'wrong' && (
        <p className="error" role="alert">
          {method === 'passphrase' ? t('inbox.wrongPassphrase') : t('reportingKey.wrongRecovery')}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {t('reportingKey.rewrapped')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}

/** "My reporting key": set it up, see whether it is approved, change its passphrase. */
export default function ReportingKeyPage() {
  const t = useT();
  const f = useFormat();
  const { data, error, loading, reload } = useApi<MyRecipientKey>('/api/reporting/keys/me');
  const key = data?.key ?? null;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inbox">{t('inbox.title')}</Link>
      </p>
      <h1>{t('reportingKey.title')}</h1>
      <p>{t('reportingKey.intro')}</p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && !key && (
        <section className="panel" aria-labelledby="setup-heading">
          <h2 id="setup-heading">{t('reportingKey.setupTitle')}</h2>
          <KeySetup replacing={false} onDone={reload} />
        </section>
      )}
      {key && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('reportingKey.status')}</dt>
              <dd>
                <KeyStatusBadge status={key.status} />
              </dd>
            </div>
            <div>
              <dt>{t('reportingKey.registeredAt')}</dt>
              <dd>{f.dateTime(key.registeredAt)}</dd>
            </div>
            <div>
              <dt>{t('reportingKey.fingerprint')}</dt>
              <dd>
                <Fingerprint publicKey={key.publicKey} />
              </dd>
            </div>
          </dl>
          {key.status === 'pending' && (
            <p className="notice" role="status">
              {t('reportingKey.pending')}
            </p>
          )}
          {key.status === 'revoked' && <p className="error">{t('reportingKey.revoked')}</p>}
          <section className="panel" aria-labelledby="rewrap-heading">
            <h2 id="rewrap-heading">{t('reportingKey.rewrapTitle')}</h2>
            <p className="small">{t('reportingKey.rewrapHelp')}</p>
            <Rewrap current={key} onDone={reload} />
          </section>
          <details className="panel">
            <summary>{t('reportingKey.replaceTitle')}</summary>
            <KeySetup replacing onDone={reload} />
          </details>
        </>
      )}
    </>
  );
}
