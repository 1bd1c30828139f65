import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type {
  ReportAttachment,
  ReportDetail,
  ReportOutcome,
  ReportQuestionnaire,
  ReportTriaged,
} from '../api/reporting-types';
import { api } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { ClockCell, ReportStatusBadge } from '../components/ReportBadges';
import { UnlockForm } from '../components/UnlockForm';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { openAttachment, openReport, sealReply } from '../public/shared/recipient-inbox';
import type { OpenedReport } from '../public/shared/recipient-inbox';
import { downloadBlob } from '../reporting/download-blob';
import { defaultQuestionLabels } from '../reporting/question-labels';
import { reportClocks } from '../reporting/report-clocks';
import { lockKey, useUnlockedKey } from '../reporting/unlocked-key';

const outcomes: ReportOutcome[] = ['unfounded', 'out_of_scope', 'resolved', 'case_opened'];
const kinds = ['message', 'acknowledgement', 'feedback'] as const;
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

/** A file size in the current locale (kB, MB). */
function useSize(): (bytes: number) => string {
  const t = useT();
  const f = useFormat();
  return (bytes) =>
    bytes >= 1_000_000
      ? t('size.mb', { value: f.number(bytes / 1_000_000, 1) })
      : t('size.kb', { value: f.number(Math.max(bytes / 1000, 0.1), 1) });
}

/** A button that fetches an attachment's ciphertext, decrypts it here and saves the file. */
function AttachmentButton(props: {
  reportId: number;
  opened: OpenedReport;
  position: number;
  name: string;
  type: string;
  size: number;
}) {
  const t = useT();
  const size = useSize();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const sealed = await api<ReportAttachment>(
        `/api/reporting/reports/${props.reportId}/attachments/${props.position}`,
      );
      const bytes = await openAttachment(props.opened, props.position, sealed);
      downloadBlob(bytes, props.name, props.type);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <button type="button" className="button-link" disabled={busy} onClick={() => void download()}>
        {t('report.download', { name: props.name })}
      </button>{' '}
      <span className="muted small">
        {props.type || '—'} · {size(props.size)}
      </span>
      <ErrorMessage error={error} />
    </li>
  );
}

/** The decrypted report: answers in the questionnaire's words, and its files. */
function ReportContentView({ reportId, opened }: { reportId: number; opened: OpenedReport }) {
  const t = useT();
  const localized = useLocalized();
  const user = useUser();
  const { data: questionnaire } = useApi<ReportQuestionnaire>(
    user.role === 'manager' ? '/api/reporting/questionnaire' : null,
  );
  const labelOf = (id: string) => {
    const question = questionnaire?.questions.find((q) => q.id === id);
    if (question) return localized(question.label);
    const known = defaultQuestionLabels[id];
    return known ? t(known) : id;
  };
  const answers = Object.entries(opened.content.answers).filter(([, v]) => v.trim() !== '');
  return (
    <section className="panel" aria-labelledby="report-content">
      <h2 id="report-content">{t('report.content')}</h2>
      <p className="small muted">
        {t('report.writtenIn', { language: t(`language.${opened.content.locale}`) })}
      </p>
      <dl className="answers">
        {answers.map(([id, value]) => (
          <div key={id}>
            <dt>{labelOf(id)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('report.attachments')}</h3>
      {opened.content.attachments.length === 0 ? (
        <p className="muted">{t('report.noAttachments')}</p>
      ) : (
        <>
          <p className="small muted">{t('report.attachmentsWarning')}</p>
          <ul className="plain-list">
            {opened.content.attachments.map((a, i) => (
              <AttachmentButton
                key={i}
                reportId={reportId}
                opened={opened}
                position={i}
                name={a.name}
                type={a.type}
                size={a.size}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The two-way thread with the reporter, and the form to answer (encrypted here). */
function Thread(props: { reportId: number; opened: OpenedReport; onPosted: () => void }) {
  const t = useT();
  const f = useFormat();
  const { reportId, opened } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('message');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const message = await sealReply(opened, text.trim());
      await api(`/api/reporting/reports/${reportId}/messages`, {
        method: 'POST',
        body: { message, kind },
      });
      setText('');
      setKind('message');
      props.onPosted();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="report-thread">
      <h2 id="report-thread">{t('report.thread')}</h2>
      {opened.thread.length === 0 && <p className="muted">{t('report.noMessages')}</p>}
      <ol className="notes thread">
        {opened.thread.map((m) => (
          <li key={m.id} className={`message-${m.author}`}>
            <p className="note-meta">
              {t(`report.author.${m.author}`)} · {f.dateTime(m.createdAt)}
              {m.kind !== 'message' && (
                <>
                  {' '}
                  <span className="badge badge-event">{t(`report.kind.${m.kind}`)}</span>
                </>
              )}
            </p>
            {m.text === null ? (
              <p className="error">{t('report.messageUnreadable')}</p>
            ) : (
              <p className="note-text">{m.text}</p>
            )}
            {m.attachments.length > 0 && (
              <ul className="plain-list">
                {m.attachments.map((a) => (
                  <AttachmentButton
                    key={a.position}
                    reportId={reportId}
                    opened={opened}
                    position={a.position}
                    name={a.name}
                    type={a.type}
                    size={a.size}
                  />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <form className="form" onSubmit={(e) => void send(e)}>
        <label>
          {t('report.reply')}
          <textarea
            required
            rows={4}
            maxLength={20000}
            value={text}
            aria-describedby="reply-help"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p id="reply-help" className="small muted">
          {t('report.replyHelp')}
        </p>
        <label>
          {t('report.replyKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as (typeof kinds)[number])}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`report.kindOption.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || text.trim() === ''}>
          {t('report.send')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}

/** Review, close with an outcome, triage into a case, delete: the report's actions. */
function ReportActions({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<ReportOutcome>('unfounded');
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<(typeof priorities)[number]>('normal');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const manager = user.role === 'manager';

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
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
        <ReportActions detail={data} onChanged={reload} />
      </div>
    </>
  );
}
