import { Link, useSearchParams } from 'react-router-dom';
import type { CaseList, CaseReminders, CaseState } from '../api/case-types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { DueBadge } from '../components/DueBadge';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { Pagination } from '../components/Pagination';
import { RemindersPanel } from '../components/RemindersPanel';
import { CaseStateBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

const states: CaseState[] = ['received', 'triage', 'investigation', 'review', 'closed'];
const pageSize = 50;

/** The reader's overdue and due-soon cases, and closures awaiting their decision. */
function Reminders() {
  const t = useT();
  const { data } = useApi<CaseReminders>('/api/cases/reminders');
  if (!data) return null;
  return (
    <RemindersPanel
      headingId="reminders-heading"
      title={t('cases.reminders')}
      groups={[
        { key: 'overdue', label: t('cases.remindOverdue'), items: data.overdue },
        { key: 'dueSoon', label: t('cases.remindDueSoon'), items: data.dueSoon },
        { key: 'awaiting', label: t('cases.remindAwaiting'), items: data.awaitingApproval },
      ]}
      linkTo={(c) => `/cases/${c.id}`}
      describe={(c) => c.title}
    />
  );
}

/** Cases the reader may see, filtered by state, assignment and deadline. */
export default function CasesPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const mine = params.get('mine') === 'true';
  const overdue = params.get('overdue') === 'true';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const { data, error, loading } = useApi<CaseList>(
    withQuery('/api/cases', {
      state,
      mine: mine ? 'true' : undefined,
      overdue: overdue ? 'true' : undefined,
      limit: pageSize,
      offset,
    }),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };

  return (
    <>
      <div className="page-heading">
        <h1>{t('cases.title')}</h1>
        {['investigator', 'manager'].includes(user.role) && (
          <Link className="button" to="/cases/new">
            {t('cases.new')}
          </Link>
        )}
      </div>
      {['investigator', 'manager'].includes(user.role) && <Reminders />}
      <form
        className="filters"
        role="search"
        aria-label={t('cases.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('case.state')}
          <select value={state} onChange={(e) => set('state', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`caseState.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
          />
          {t('cases.mine')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
          />
          {t('cases.overdueOnly')}
        </label>
      </form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('cases.caption', { total: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('case.reference')}</th>
                  <th scope="col">{t('case.caseTitle')}</th>
                  <th scope="col">{t('case.subject')}</th>
                  <th scope="col">{t('case.state')}</th>
                  <th scope="col">{t('case.priority')}</th>
                  <th scope="col">{t('case.assignedTo')}</th>
                  <th scope="col">{t('case.due')}</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/cases/${c.id}`} className="mono">
                        {c.reference}
                      </Link>
                    </th>
                    <td>{c.title}</td>
                    <td className="mono">
                      {c.subject
                        ? c.subject.declarantPseudonym
                          ? `${c.subject.pseudonym} × ${c.subject.declarantPseudonym}`
                          : c.subject.pseudonym
                        : '—'}
                    </td>
                    <td>
                      <CaseStateBadge state={c.state} />
                    </td>
                    <td>{t(`priority.${c.priority}`)}</td>
                    <td>{c.assignedTo?.displayName ?? t('case.unassigned')}</td>
                    <td>
                      {f.date(c.dueAt)} <DueBadge overdue={c.overdue} dueSoon={c.dueSoon} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.cases.length === 0 && <p className="muted">{t('cases.none')}</p>}
          <Pagination
            total={data.total}
            limit={pageSize}
            offset={offset}
            onChange={(o) => set('offset', String(o))}
          />
        </>
      )}
    </>
  );
}
