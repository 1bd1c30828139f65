import { Link } from 'react-router-dom';
import type { RecipientList } from '../api/reporting-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { Fingerprint, KeyStatusBadge } from './ReportingKeyPage';

/** Managers approve or revoke the recipients' keys (never their own). */
export default function RecipientsPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const { data, error, loading, reload } = useApi<RecipientList>('/api/reporting/recipients');
  const { busy, error: actionError, run } = useAction();

  const decide = (userId: number, status: 'active' | 'revoked') =>
    run(async () => {
      await api(`/api/reporting/recipients/${userId}/status`, { method: 'POST', body: { status } });
      reload();
    });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inbox">{t('inbox.title')}</Link>
      </p>
      <h1>{t('recipients.title')}</h1>
      <p>{t('recipients.intro')}</p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      <ErrorMessage error={actionError} />
      {data && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('recipients.caption', { count: data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recipients.person')}</th>
                <th scope="col">{t('recipients.role')}</th>
                <th scope="col">{t('reportingKey.status')}</th>
                <th scope="col">{t('reportingKey.fingerprint')}</th>
                <th scope="col">{t('reportingKey.registeredAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.displayName}</th>
                  <td>{t(`role.${r.role}`)}</td>
                  <td>
                    <KeyStatusBadge status={r.status} />
                  </td>
                  <td>
                    <Fingerprint publicKey={r.publicKey} />
                  </td>
                  <td>{f.dateTime(r.registeredAt)}</td>
                  <td>
                    {r.userId === user.id ? (
                      <span className="muted small">{t('recipients.notYourOwn')}</span>
                    ) : (
                      <div className="actions">
                        {r.status !== 'active' && (
                          <button
                            type="button"
                            disabled={busy}
                            aria-label={t('recipients.approveWho', { name: r.displayName })}
                            onClick={() => void decide(r.userId, 'active')}
                          >
                            {t('recipients.approve')}
                          </button>
                        )}
                        {r.status !== 'revoked' && (
                          <button
                            type="button"
                            className="button-secondary"
                            disabled={busy}
                            aria-label={t('recipients.revokeWho', { name: r.displayName })}
                            onClick={() => void decide(r.userId, 'revoked')}
                          >
                            {t('recipients.revoke')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.items.length === 0 && <p className="muted">{t('recipients.none')}</p>}
      <p className="small muted">{t('recipients.fingerprintHelp')}</p>
    </>
  );
}
