import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ReportDetail, ReportOutcome, ReportTriaged } from '../api/reporting-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';
import type { OpenedReport } from '../public/shared/recipient-inbox';
import { ReportAccess } from './report-access';

const outcomes: ReportOutcome[] = ['unfounded', 'out_of_scope', 'resolved', 'case_opened'];
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

/** Review, close with an outcome, triage into a case, delete: the report's actions. */
export function ReportActions(props: {
  detail: ReportDetail;
  opened: OpenedReport | null;
  onChanged: () => void;
}) {
  const { detail, onChanged } = props;
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<ReportOutcome>('unfounded');
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<(typeof priorities)[number]>('normal');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run } = useAction();
  const manager = user.role === 'manager';

  const setStatus = (status: 'in_review' | 'closed') =>
    run(async () => {
      await api(`/api/reporting/reports/${detail.id}/status`, {
        method: 'POST',
        body: status === 'closed' ? { status, outcome } : { status },
      });
      onChanged();
    });
  const triage = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = title.trim() ? { title: title.trim(), priority } : { priority };
      const { caseId } = await api<ReportTriaged>(`/api/reporting/reports/${detail.id}/triage`, {
        method: 'POST',
        body,
      });
      navigate(`/cases/${caseId}`);
    });
  };
  const remove = () =>
    run(async () => {
      await api(`/api/reporting/reports/${detail.id}`, { method: 'DELETE' });
      navigate('/inbox', { replace: true });
    });

  return (
    <aside aria-label={t('report.actions')}>
      <ErrorMessage error={error} />
      {detail.status !== 'closed' && (
        <section className="panel" aria-labelledby="report-status">
          <h2 id="report-status">{t('report.statusTitle')}</h2>
          {detail.status !== 'in_review' && (
            <div className="actions">
              <button type="button" disabled={busy} onClick={() => void setStatus('in_review')}>
                {t('report.markInReview')}
              </button>
            </div>
          )}
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void setStatus('closed');
            }}
          >
            <label>
              {t('report.outcome')}
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as ReportOutcome)}>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`reportOutcome.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="small muted">{t('report.closeHelp')}</p>
            <button type="submit" className="button-secondary" disabled={busy}>
              {t('report.close')}
            </button>
          </form>
        </section>
      )}
      {manager && detail.caseId === null && (
        <section className="panel" aria-labelledby="report-triage">
          <h2 id="report-triage">{t('report.triageTitle')}</h2>
          <p className="small">{t('report.triageHelp')}</p>
          <form className="form" onSubmit={triage}>
            <label>
              {t('report.caseTitle')}
              <input
                type="text"
                minLength={3}
                maxLength={200}
                value={title}
                aria-describedby="triage-title-help"
                onChange={(e) => setTitle(e.target.value)}
              />
            </label>
            <p id="triage-title-help" className="small muted">
              {t('report.caseTitleHelp')}
            </p>
            <label>
              {t('case.priority')}
              <select
                value={priority}
                onChange={(e) => setPriority(e.target.value as (typeof priorities)[number])}
              >
                {priorities.map((p) => (
                  <option key={p} value={p}>
                    {t(`priority.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy}>
              {t('report.triage')}
            </button>
          </form>
        </section>
      )}
      {manager && <ReportAccess detail={detail} opened={props.opened} />}
      {manager && (
        <section className="panel" aria-labelledby="report-delete">
          <h2 id="report-delete">{t('report.deleteTitle')}</h2>
          <p className="small">{t('report.deleteHelp')}</p>
          {confirmDelete ? (
            <div className="actions">
              <button
                type="button"
                className="button-danger"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('report.deleteConfirm')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setConfirmDelete(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setConfirmDelete(true)}
            >
              {t('report.delete')}
            </button>
          )}
        </section>
      )}
    </aside>
  );
}
