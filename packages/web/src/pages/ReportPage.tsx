import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ReportDetail } from '../api/reporting-types';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { ClockCell, ReportStatusBadge } from '../components/ReportBadges';
import { UnlockForm } from '../components/UnlockForm';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { openReport } from '../public/shared/recipient-inbox';
import type { OpenedReport } from '../public/shared/recipient-inbox';
import { reportClocks } from '../reporting/report-clocks';
import { lockKey, useUnlockedKey } from '../reporting/unlocked-key';
import { ReportActions } from './report-actions';
import { ReportContentView, Thread } from './report-content';

/** One report: metadata from the server, content decrypted in this browser with the unlocked key. */
export default function ReportPage() {
  const t = useT();
  const f = useFormat();
  const { id } = useParams();
  const reportId = Number(id);
  const pair = useUnlockedKey();
  const { data, error, loading, reload } = useApi<ReportDetail>(
    Number.isInteger(reportId) && reportId > 0 ? `/api/reporting/reports/${reportId}` : null,
  );
  const [opened, setOpened] = useState<OpenedReport | null>(null);
  const [openError, setOpenError] = useState(false);

  useEffect(() => {
    setOpenError(false);
    if (!pair || !data) {
      setOpened(null);
      return;
    }
    let live = true;
    openReport(pair, data)
      .then((o) => live && setOpened(o))
      .catch(() => {
        if (!live) return;
        setOpened(null);
        setOpenError(true);
      });
    return () => {
      live = false;
    };
  }, [pair, data]);

  if (loading && !data) return <Loading />;
  if (!data) return <ErrorMessage error={error} />;
  const clocks = reportClocks(data);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inbox">{t('inbox.title')}</Link>
      </p>
      <div className="page-heading">
        <h1>{t('report.title', { reference: data.reference })}</h1>
        <ReportStatusBadge status={data.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('inbox.received')}</dt>
          <dd>{f.dateTime(data.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('inbox.acknowledgeBy')}</dt>
          <dd>
            <ClockCell clock={clocks.acknowledgement} />
          </dd>
        </div>
        <div>
          <dt>{t('inbox.feedbackBy')}</dt>
          <dd>
            <ClockCell clock={clocks.feedback} />
          </dd>
        </div>
        <div>
          <dt>{t('inbox.case')}</dt>
          <dd>
            {data.caseId === null ? (
              '—'
            ) : (
              <Link to={`/cases/${data.caseId}`}>{t('inbox.caseLink', { id: data.caseId })}</Link>
            )}
          </dd>
        </div>
        {data.outcome && (
          <div>
            <dt>{t('report.outcome')}</dt>
            <dd>{t(`reportOutcome.${data.outcome}`)}</dd>
          </div>
        )}
        {data.deleteAfter && (
          <div>
            <dt>{t('report.deleteAfter')}</dt>
            <dd>{f.date(data.deleteAfter)}</dd>
          </div>
        )}
      </dl>
      <p className="small muted">{t('report.clocksHelp')}</p>
      <div className="case-grid">
        <div>
          {!pair && <UnlockForm />}
          {pair && !opened && !openError && (
            <p className="muted" role="status">
              {t('report.decrypting')}
            </p>
          )}
          {openError && (
            <p className="error" role="alert">
              {t('report.cannotOpen')}
            </p>
          )}
          {opened && (
            <>
              <p className="notice unlocked-line">
                {t('report.decryptedHere')}{' '}
                <button type="button" className="button-secondary" onClick={lockKey}>
                  {t('inbox.lock')}
                </button>
              </p>
              <ReportContentView reportId={data.id} opened={opened} />
              <Thread reportId={data.id} opened={opened} onPosted={reload} />
            </>
          )}
        </div>
        <ReportActions detail={data} opened={opened} onChanged={reload} />
      </div>
    </>
  );
}
