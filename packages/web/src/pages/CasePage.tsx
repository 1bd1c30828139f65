import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type {
  CaseDetail,
  CaseHistory,
  CaseOutcome,
  CaseState,
  RevealResponse,
} from '../api/case-types';
import { useApi } from '../api/use-api';
import { CaseEvidenceView } from '../components/CaseEvidenceView';
import { DueBadge } from '../components/DueBadge';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { CaseStateBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/format';
import { useHasMessage, useT } from '../i18n/LocaleProvider';
import { AssignForm } from './case-assign';
import { AccessPanel } from './case-access';
import { unitPath } from './IntegrityPage';
import { useCaseAction } from './use-case-action';

const outcomes: CaseOutcome[] = [
  'substantiated',
  'unsubstantiated',
  'referred_to_prosecution',
  'administrative_action',
  'no_further_action',
];
/** The states a case may move to by a plain transition (closing goes through two-person approval). */
const nextStates: Record<CaseState, CaseState[]> = {
  received: ['triage'],
  triage: ['investigation'],
  investigation: ['review'],
  review: ['investigation'],
  closed: [],
};

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = `panel-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function TransitionForm({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const options = nextStates[detail.case.state];
  const [to, setTo] = useState<CaseState | ''>(options[0] ?? '');
  const [reason, setReason] = useState('');
  const action = useCaseAction(reload);
  if (options.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    void action.post(`/api/cases/${detail.case.id}/transition`, {
      to,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setReason('');
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        {t('case.moveTo')}
        <select value={to} onChange={(e) => setTo(e.target.value as CaseState)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`caseState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('case.reasonOptional')}
        <input
          type="text"
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('case.move')}
      </button>
    </form>
  );
}

function NotesPanel({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [text, setText] = useState('');
  const action = useCaseAction(reload);
  return (
    <Panel title={t('case.notes')}>
      {detail.notes.length === 0 && <p className="muted">{t('case.noNotes')}</p>}
      <ol className="notes">
        {detail.notes.map((n) => (
          <li key={n.id}>
            <p className="note-meta">
              <strong>{n.author.displayName}</strong> · {f.dateTime(n.createdAt)}
            </p>
            <p className="note-text">{n.text}</p>
          </li>
        ))}
      </ol>
      {detail.permissions.addNote && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.post(`/api/cases/${detail.case.id}/notes`, { text: text.trim() }, () =>
              setText(''),
            );
          }}
        >
          <label>
            {t('case.addNote')}
            <textarea
              value={text}
              rows={3}
              required
              maxLength={10000}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy || text.trim() === ''}>
            {t('case.saveNote')}
          </button>
        </form>
      )}
    </Panel>
  );
}

function RevealPanel({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [justification, setJustification] = useState('');
  const [revealed, setRevealed] = useState<RevealResponse | null>(null);
  const action = useCaseAction(reload);
  const enough = justification.trim().length >= 20;
  return (
    <Panel title={t('reveal.title')}>
      <p>{t('reveal.intro')}</p>
      {revealed ? (
        <div className="revealed" role="status">
          <p>{t('reveal.done', { date: f.dateTime(revealed.revealedAt) })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reveal.kind')}</th>
                <th scope="col">{t('reveal.pseudonym')}</th>
                <th scope="col">{t('reveal.realId')}</th>
              </tr>
            </thead>
            <tbody>
              {revealed.ids.map((r) => (
                <tr key={`${r.kind}-${r.pseudonym}`}>
                  <td>{t(`kind.${r.kind}.one`)}</td>
                  <td className="mono">{r.pseudonym}</td>
                  <td className="mono">
                    <strong>{r.id}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('reveal.confidential')}</p>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.post(
              `/api/cases/${detail.case.id}/reveal`,
              { justification: justification.trim() },
              (result) => setRevealed(result as RevealResponse),
            );
          }}
        >
          <label>
            {t('reveal.justification')}
            <textarea
              value={justification}
              rows={3}
              required
              minLength={20}
              maxLength={2000}
              aria-describedby="reveal-help"
              onChange={(e) => setJustification(e.target.value)}
            />
          </label>
          <p id="reveal-help" className="muted small">
            {t('reveal.help')}
          </p>
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy || !enough}>
            {t('reveal.submit')}
          </button>
        </form>
      )}
    </Panel>
  );
}

function ClosurePanel({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [outcome, setOutcome] = useState<CaseOutcome>('substantiated');
  const [reasons, setReasons] = useState('');
  const [comment, setComment] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const action = useCaseAction(reload);
  const { permissions, pendingClosure } = detail;
  const id = detail.case.id;
  return (
    <Panel title={t('closure.title')}>
      {detail.case.state === 'closed' && (
        <p>
          {t('closure.closedWith', {
            outcome: detail.case.outcome ? t(`caseOutcome.${detail.case.outcome}`) : '—',
            date: f.dateTime(detail.closedAt),
          })}
          {detail.outcomeReasons && (
            <>
              <br />
              {detail.outcomeReasons}
            </>
          )}
        </p>
      )}
      {pendingClosure && (
        <div className="pending">
          <p>
            {t('closure.pending', {
              person: pendingClosure.proposedBy.displayName,
              date: f.dateTime(pendingClosure.proposedAt),
              outcome: t(`caseOutcome.${pendingClosure.outcome}`),
            })}
          </p>
          <blockquote>{pendingClosure.reasons}</blockquote>
          {permissions.decideClosure && (
            <form className="form" onSubmit={(e) => e.preventDefault()}>
              <label>
                {t('closure.comment')}
                <input
                  type="text"
                  value={comment}
                  maxLength={2000}
                  onChange={(e) => setComment(e.target.value)}
                />
              </label>
              <ErrorMessage error={action.error} />
              <div className="actions">
                <button
                  type="button"
                  disabled={action.busy}
                  onClick={() =>
                    void action.post(`/api/cases/${id}/close-approval`, {
                      approve: true,
                      ...(comment.trim() ? { comment: comment.trim() } : {}),
                    })
                  }
                >
                  {t('closure.approve')}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={action.busy}
                  onClick={() =>
                    void action.post(`/api/cases/${id}/close-approval`, {
                      approve: false,
                      ...(comment.trim() ? { comment: comment.trim() } : {}),
                    })
                  }
                >
                  {t('closure.reject')}
                </button>
              </div>
            </form>
          )}
          {!permissions.decideClosure && <p className="muted">{t('closure.awaiting')}</p>}
        </div>
      )}
      {!pendingClosure && permissions.proposeClosure && detail.case.state !== 'closed' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.post(`/api/cases/${id}/close-proposal`, {
              outcome,
              reasons: reasons.trim(),
            });
          }}
        >
          <p className="muted">{t('closure.twoPeople')}</p>
          <label>
            {t('closure.outcome')}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as CaseOutcome)}>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`caseOutcome.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('closure.reasons')}
            <textarea
              value={reasons}
              rows={3}
              required
              minLength={10}
              onChange={(e) => setReasons(e.target.value)}
            />
          </label>
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy || reasons.trim().length < 10}>
            {t('closure.propose')}
          </button>
        </form>
      )}
      {permissions.reopen && detail.case.state === 'closed' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.post(`/api/cases/${id}/reopen`, { reason: reopenReason.trim() });
          }}
        >
          <label>
            {t('closure.reopenReason')}
            <textarea
              value={reopenReason}
              rows={2}
              required
              minLength={10}
              onChange={(e) => setReopenReason(e.target.value)}
            />
          </label>
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy || reopenReason.trim().length < 10}>
            {t('closure.reopen')}
          </button>
        </form>
      )}
    </Panel>
  );
}

function HistoryPanel({ id }: { id: number }) {
  const t = useT();
  const f = useFormat();
  const has = useHasMessage();
  const { data, error } = useApi<CaseHistory>(`/api/cases/${id}/history`);
  return (
    <Panel title={t('case.history')}>
      <ErrorMessage error={error} />
      {data && (
        <div className="table-scroll" tabIndex={0}>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('case.when')}</th>
                <th scope="col">{t('case.who')}</th>
                <th scope="col">{t('case.what')}</th>
                <th scope="col">{t('case.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{f.dateTime(e.at)}</td>
                  <td>{e.actor?.displayName ?? t('case.system')}</td>
                  <td>{has(`caseEvent.${e.type}`) ? t(`caseEvent.${e.type}`) : e.type}</td>
                  <td>
                    {e.fromState && e.toState
                      ? `${t(`caseState.${e.fromState}`)} → ${t(`caseState.${e.toState}`)}`
                      : e.toState
                        ? t(`caseState.${e.toState}`)
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/** A case: its state and facts, what the reader may do on it, notes, evidence, reveal, closure, history. */
export default function CasePage() {
  const t = useT();
  const f = useFormat();
  const has = useHasMessage();
  const { id = '' } = useParams();
  const {
    data,
    error,
    loading,
    reload: reloadCase,
  } = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);
  // Every change reloads the case and its history.
  const [version, setVersion] = useState(0);
  const reload = () => {
    reloadCase();
    setVersion((v) => v + 1);
  };
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('case.titleUnknown')}</h1>
        <ErrorMessage error={error} />
      </>
    );
  const c = data.case;
  const full = data.view === 'full';
  const subjectKind = c.subject?.kind;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.title')}</Link>
      </p>
      <div className="page-heading">
        <h1>
          <span className="mono">{c.reference}</span> {c.title}
        </h1>
        <CaseStateBadge state={c.state} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('case.source')}</dt>
          <dd>{t(`caseSource.${c.source}`)}</dd>
        </div>
        <div>
          <dt>{t('case.subject')}</dt>
          <dd className="mono">
            {c.subject ? (
              subjectKind === 'pair' ? (
                `${c.subject.pseudonym} × ${c.subject.declarantPseudonym ?? ''}`
              ) : subjectKind ? (
                <Link to={unitPath(subjectKind, c.subject.pseudonym)}>{c.subject.pseudonym}</Link>
              ) : (
                c.subject.pseudonym
              )
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('case.indicator')}</dt>
          <dd>
            {c.indicator
              ? has(`indicator.${c.indicator}`)
                ? t(`indicator.${c.indicator}`)
                : c.indicator
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('case.priority')}</dt>
          <dd>{t(`priority.${c.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('case.due')}</dt>
          <dd>
            {f.date(c.dueAt)} <DueBadge overdue={c.overdue} dueSoon={c.dueSoon} />
          </dd>
        </div>
        <div>
          <dt>{t('case.assignedTo')}</dt>
          <dd>{c.assignedTo?.displayName ?? t('case.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('case.createdBy')}</dt>
          <dd>
            {data.createdBy.displayName} · {f.dateTime(c.createdAt)}
          </dd>
        </div>
      </dl>
      {!full && <p className="notice">{t('case.summaryOnly')}</p>}
      {full && (
        <div className="case-grid">
          <div className="case-main">
            {data.evidence && <CaseEvidenceView evidence={data.evidence} />}
            <NotesPanel detail={data} reload={reload} />
            <HistoryPanel key={version} id={c.id} />
          </div>
          <div className="case-side">
            {(data.permissions.transition || data.permissions.assign) && c.state !== 'closed' && (
              <Panel title={t('case.workflow')}>
                {data.permissions.transition && (
                  <TransitionForm key={c.state} detail={data} reload={reload} />
                )}
                {data.permissions.assign && <AssignForm detail={data} reload={reload} />}
              </Panel>
            )}
            {data.permissions.reveal && <RevealPanel detail={data} reload={reload} />}
            {(data.permissions.proposeClosure ||
              data.permissions.decideClosure ||
              data.pendingClosure ||
              c.state === 'closed') && <ClosurePanel detail={data} reload={reload} />}
            <AccessPanel detail={data} reload={reload} />
          </div>
        </div>
      )}
    </>
  );
}
