import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ReportAttachment, ReportQuestionnaire } from '../api/reporting-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { openAttachment, sealReply } from '../public/shared/recipient-inbox';
import type { OpenedReport } from '../public/shared/recipient-inbox';
import { downloadBlob } from '../reporting/download-blob';
import { defaultQuestionLabels } from '../reporting/question-labels';

const kinds = ['message', 'acknowledgement', 'feedback'] as const;

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
  const { busy, error, run } = useAction();
  const download = () =>
    run(async () => {
      const sealed = await api<ReportAttachment>(
        `/api/reporting/reports/${props.reportId}/attachments/${props.position}`,
      );
      const bytes = await openAttachment(props.opened, props.position, sealed);
      downloadBlob(bytes, props.name, props.type);
    });
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
export function ReportContentView({
  reportId,
  opened,
}: {
  reportId: number;
  opened: OpenedReport;
}) {
  const t = useT();
  const localized = useLocalized();
  const user = useUser();
  const { data: questionnaire } = useApi<ReportQuestionnaire>(
    user.role === 'manager' || user.role === 'investigator' ? '/api/reporting/questionnaire' : null,
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
export function Thread(props: { reportId: number; opened: OpenedReport; onPosted: () => void }) {
  const t = useT();
  const f = useFormat();
  const { reportId, opened } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('message');
  const { busy, error, run } = useAction();

  const send = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const message = await sealReply(opened, text.trim());
      await api(`/api/reporting/reports/${reportId}/messages`, {
        method: 'POST',
        body: { message, kind },
      });
      setText('');
      setKind('message');
      props.onPosted();
    });
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
      <form className="form" onSubmit={send}>
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
