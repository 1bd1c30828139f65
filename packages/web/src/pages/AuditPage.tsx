import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AuditPage as AuditPageResponse, AuditVerifyResponse } from '../api/admin-types';
import { api, withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useHasMessage, useT } from '../i18n/LocaleProvider';

const pageSize = 100;

/** An entry's details as `key: value` pairs (hashes and ids, never personal data). */
function detailsText(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return '—';
  return entries
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** The audit trail (auditor): entries newest first, and a check of the hash chain. */
export default function AuditPage() {
  const t = useT();
  const f = useFormat();
  const has = useHasMessage();
  const [action, setAction] = useState('');
  const [cursor, setCursor] = useState<number[]>([]);
  const beforeId = cursor[cursor.length - 1];
  const { data, error, loading } = useApi<AuditPageResponse>(
    withQuery('/api/audit', { limit: pageSize, action, beforeId }),
  );
  const [verify, setVerify] = useState<AuditVerifyResponse | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await api<AuditVerifyResponse>('/api/audit/verify'));
    } catch (cause) {
      setVerifyError(cause);
    } finally {
      setVerifying(false);
    }
  };
  const intl = useIntl();
  // The actions the catalogue names, for the filter.
  const actions = Object.keys(intl.messages)
    .filter((id) => id.startsWith('audit.action.'))
    .map((id) => id.slice('audit.action.'.length))
    .sort();
  const actionLabel = (a: string) => (has(`audit.action.${a}`) ? t(`audit.action.${a}`) : a);

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <section aria-labelledby="verify-heading" className="panel">
        <h2 id="verify-heading">{t('audit.verifyTitle')}</h2>
        <p className="muted">{t('audit.verifyIntro')}</p>
        <button type="button" onClick={() => void runVerify()} disabled={verifying}>
          {t('audit.verify')}
        </button>
        <div role="status">
          {verify?.ok === true && (
            <p>
              <span className="badge badge-clear">{t('audit.intact')}</span>{' '}
              {t('audit.intactDetail', {
                entries: f.number(verify.entries),
                hash: verify.headHash ?? '—',
              })}
            </p>
          )}
          {verify?.ok === false && (
            <p className="error">
              <span className="badge badge-flagged">{t('audit.broken')}</span>{' '}
              {t('audit.brokenDetail', { id: verify.firstBrokenId, reason: verify.reason })}
            </p>
          )}
        </div>
        <ErrorMessage error={verifyError} />
      </section>
      <form
        className="filters"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('audit.action')}
          <select
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setCursor([]);
            }}
          >
            <option value="">{t('common.all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <div className="table-scroll" tabIndex={0}>
            <table className="compact">
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('audit.entry')}
                  </th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.details')}</th>
                  <th scope="col">{t('audit.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.id}>
                    <td className="num">{e.id}</td>
                    <td>{f.dateTime(e.at)}</td>
                    <td>
                      {e.actorId === null ? t('audit.noActor') : t('audit.user', { id: e.actorId })}
                    </td>
                    <td>
                      {actionLabel(e.action)}
                      <div className="muted small mono">{e.action}</div>
                    </td>
                    <td className="mono">
                      {e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}
                    </td>
                    <td className="mono small details">{detailsText(e.details)}</td>
                    <td className="mono small" title={e.hash}>
                      {e.hash.slice(0, 12)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t('pagination.label')}>
            <button
              type="button"
              className="button-secondary"
              disabled={cursor.length === 0}
              onClick={() => setCursor(cursor.slice(0, -1))}
            >
              {t('audit.newer')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={data.nextBeforeId === null}
              onClick={() =>
                data.nextBeforeId !== null && setCursor([...cursor, data.nextBeforeId])
              }
            >
              {t('audit.older')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}
