import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MyRecipientKey, ReportList, ReportReminders } from '../api/reporting-types';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { RemindersPanel } from '../components/RemindersPanel';
import { ClockCell, ReportStatusBadge } from '../components/ReportBadges';
import { UnlockForm } from '../components/UnlockForm';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { reportClocks } from '../reporting/report-clocks';
import { lockKey, useUnlockedKey } from '../reporting/unlocked-key';

const statuses = ['new', 'acknowledged', 'in_review', 'closed'] as const;

/** The Directive's clocks that need the reader soon (from the server's reminders). */
function Reminders() {
  const t = useT();
  const f = useFormat();
  const { data } = useApi<ReportReminders>('/api/reporting/reminders');
  if (!data) return null;
  return (
    <RemindersPanel
      headingId="inbox-reminders"
      title={t('inbox.reminders')}
      groups={[
        {
          key: 'ackOverdue',
          label: t('inbox.remindAckOverdue'),
          items: data.acknowledgement.overdue,
        },
        { key: 'ackSoon', label: t('inbox.remindAckSoon'), items: data.acknowledgement.dueSoon },
        { key: 'fbOverdue', label: t('inbox.remindFeedbackOverdue'), items: data.feedback.overdue },
        { key: 'fbSoon', label: t('inbox.remindFeedbackSoon'), items: data.feedback.dueSoon },
      ]}
      linkTo={(r) => `/inbox/${r.id}`}
      describe={(r) => t('inbox.dueOn', { date: f.date(r.dueAt) })}
    />
  );
}

/** Where the reader's key stands: none yet, waiting for approval, locked or unlocked. */
function KeyState() {
  const t = useT();
  const unlocked = useUnlockedKey();
  const { data, error } = useApi<MyRecipientKey>('/api/reporting/keys/me');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  if (!data.key) {
    return (
      <section className="panel" aria-labelledby="key-missing">
        <h2 id="key-missing">{t('inbox.noKeyTitle')}</h2>
        <p>{t('inbox.noKey')}</p>
        <Link className="button" to="/inbox/key">
          {t('inbox.setUpKey')}
        </Link>
      </section>
    );
  }
  return (
    <>
      {data.key.status === 'pending' && (
        <p className="notice" role="status">
          {t('reportingKey.pending')}
        </p>
      )}
      {data.key.status === 'revoked' && <p className="error">{t('reportingKey.revoked')}</p>}
      {unlocked ? (
        <p className="notice unlocked-line">
          {t('inbox.unlockedNote')}{' '}
          <button type="button" className="button-secondary" onClick={lockKey}>
            {t('inbox.lock')}
          </button>
        </p>
      ) : (
        <UnlockForm />
      )}
    </>
  );
}

/** The reports sealed to the reader: statuses and the Directive's clocks (no content). */
export default function InboxPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const [status, setStatus] = useState('');
  const { data, error, loading } = useApi<ReportList>('/api/reporting/reports');
  const items = (data?.items ?? []).filter((r) =>
    status === '' ? r.status !== 'closed' : r.status === status,
  );

  return (
    <>
      <div className="page-heading">
        <h1>{t('inbox.title')}</h1>
        <div className="actions">
          <Link className="button button-secondary" to="/inbox/key">
            {t('inbox.myKey')}
          </Link>
          {user.role === 'manager' && (
            <Link className="button button-secondary" to="/inbox/recipients">
              {t('inbox.recipients')}
            </Link>
          )}
        </div>
      </div>
      <p>{t('inbox.intro')}</p>
      <KeyState />
      <Reminders />
      <form
        className="filters"
        aria-label={t('inbox.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('inbox.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('inbox.openOnes')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`reportStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>
              {t('inbox.caption', { shown: items.length, total: data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.reference')}</th>
                <th scope="col">{t('inbox.received')}</th>
                <th scope="col">{t('inbox.status')}</th>
                <th scope="col">{t('inbox.acknowledgeBy')}</th>
                <th scope="col">{t('inbox.feedbackBy')}</th>
                <th scope="col" className="num">
                  {t('inbox.attachments')}
                </th>
                <th scope="col" className="num">
                  {t('inbox.messages')}
                </th>
                <th scope="col">{t('inbox.lastFromReporter')}</th>
                <th scope="col">{t('inbox.case')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const clocks = reportClocks(r);
                const late = clocks.acknowledgement.overdue || clocks.feedback.overdue;
                return (
                  <tr key={r.id} className={late ? 'row-overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/inbox/${r.id}`} className="mono">
                        {r.reference}
                      </Link>
                    </th>
                    <td className="nowrap">{f.dateTime(r.receivedAt)}</td>
                    <td>
                      <ReportStatusBadge status={r.status} />
                    </td>
                    <td>
                      <ClockCell clock={clocks.acknowledgement} />
                    </td>
                    <td>
                      <ClockCell clock={clocks.feedback} />
                    </td>
                    <td className="num">{f.number(r.attachments)}</td>
                    <td className="num">{f.number(r.messages)}</td>
                    <td>{f.dateTime(r.lastReporterMessageAt)}</td>
                    <td className="nowrap">
                      {r.caseId === null ? (
                        '—'
                      ) : (
                        <Link to={`/cases/${r.caseId}`}>
                          {t('inbox.caseLink', { id: r.caseId })}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && items.length === 0 && <p className="muted">{t('inbox.none')}</p>}
    </>
  );
}
