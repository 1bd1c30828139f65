import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { EnrolResponse, LoginResponse, SessionResponse } from '../api/auth-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { useSession } from '../auth/SessionProvider';
import { AppHeader } from '../components/AppHeader';
import { ErrorMessage } from '../components/ErrorMessage';
import { TotpQrCode } from '../components/TotpQrCode';
import { useT } from '../i18n/LocaleProvider';

/** Where the sign-in steps are posted. */
export const authPaths = {
  login: '/api/auth/login',
  totp: '/api/auth/totp',
  enrol: '/api/auth/enrol',
};

type Step =
  | { name: 'password' }
  | { name: 'totp' }
  | { name: 'enrol'; otpauthUri: string; secret: string }
  | { name: 'recovery'; codes: string[] };

/** Sign-in: password, then an authenticator code (or first-time enrolment and recovery codes). */
export function LoginPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { refresh } = useSession();
  const [step, setStep] = useState<Step>({ name: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { busy, error, run, clearError } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('login.documentTitle');
    heading.current?.focus();
  }, [step.name, t]);

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const result = await api<LoginResponse>(authPaths.login, {
        method: 'POST',
        body: { username: username.trim(), password },
      });
      setPassword('');
      setCode('');
      setStep(
        result.status === 'enrolment_required'
          ? { name: 'enrol', otpauthUri: result.otpauthUri, secret: result.secret }
          : { name: 'totp' },
      );
    });
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (step.name === 'enrol') {
        const result = await api<EnrolResponse>(authPaths.enrol, {
          method: 'POST',
          body: { code: code.trim() },
        });
        setStep({ name: 'recovery', codes: result.recoveryCodes });
      } else {
        await api<SessionResponse>(authPaths.totp, { method: 'POST', body: { code: code.trim() } });
        await refresh();
      }
    });
  };

  return (
    <>
      <AppHeader />
      <main id="main" className="login" tabIndex={-1}>
        <div className="login-card">
          {step.name === 'password' && (
            <form onSubmit={submitPassword} className="form">
              <h1 ref={heading} tabIndex={-1}>
                {t('login.title')}
              </h1>
              {expired && (
                <p className="notice" role="status">
                  {t('login.expired')}
                </p>
              )}
              <label>
                {t('login.username')}
                <input
                  type="text"
                  name="username"
                  autoComplete="username"
                  required
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                />
              </label>
              <label>
                {t('login.password')}
                <input
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
              <ErrorMessage error={error} />
              <button type="submit" disabled={busy}>
                {t('login.continue')}
              </button>
            </form>
          )}
          {(step.name === 'totp' || step.name === 'enrol') && (
            <form onSubmit={submitCode} className="form">
              <h1 ref={heading} tabIndex={-1}>
                {step.name === 'enrol' ? t('login.enrolTitle') : t('login.codeTitle')}
              </h1>
              {step.name === 'enrol' ? (
                <>
                  <p>{t('login.enrolIntro')}</p>
                  <TotpQrCode uri={step.otpauthUri} />
                  <dl className="enrol">
                    <dt>{t('login.secret')}</dt>
                    <dd className="mono secret" data-testid="totp-secret">
                      {step.secret}
                    </dd>
                    <dt>{t('login.otpauthUri')}</dt>
                    <dd className="mono uri">{step.otpauthUri}</dd>
                  </dl>
                  <p>{t('login.enrolConfirm')}</p>
                </>
              ) : (
                <p>{t('login.codeIntro')}</p>
              )}
              <label>
                {t('login.code')}
                <input
                  type="text"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  aria-describedby="code-help"
                />
              </label>
              <p id="code-help" className="muted small">
                {step.name === 'enrol' ? t('login.codeHelpEnrol') : t('login.codeHelp')}
              </p>
              <ErrorMessage error={error} />
              <div className="actions">
                <button type="submit" disabled={busy}>
                  {step.name === 'enrol' ? t('login.confirm') : t('login.signIn')}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => {
                    setStep({ name: 'password' });
                    clearError();
                  }}
                >
                  {t('login.startAgain')}
                </button>
              </div>
            </form>
          )}
          {step.name === 'recovery' && (
            <div className="form">
              <h1 ref={heading} tabIndex={-1}>
                {t('login.recoveryTitle')}
              </h1>
              <p>{t('login.recoveryIntro')}</p>
              <ol className="recovery-codes mono" data-testid="recovery-codes">
                {step.codes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ol>
              <p className="notice">{t('login.recoveryOnce')}</p>
              <button type="button" onClick={() => void refresh()}>
                {t('login.recoveryDone')}
              </button>
            </div>
          )}
        </div>
      </main>
    </>
  );
}
