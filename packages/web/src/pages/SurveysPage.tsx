import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SurveyRound, SurveyRoundList } from '../api/survey-types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

/** A round's state as a text badge. */
export function RoundStatusBadge({ status }: { status: SurveyRound['status'] }) {
  const t = useT();
  const tone = status === 'open' ? 'clear' : status === 'scheduled' ? 'event' : 'case-closed';
  return <span className={`badge badge-${tone}`}>{t(`roundStatus.${status}`)}</span>;
}

/** Two closed rounds of one audience to compare. */
function CompareForm({ rounds }: { rounds: SurveyRound[] }) {
  const t = useT();
  const navigate = useNavigate();
  const closed = rounds.filter((r) => r.status === 'closed');
  const [earlier, setEarlier] = useState('');
  const [later, setLater] = useState('');
  if (closed.length < 2) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/surveys/compare', { earlier, later }));
  };
  const options = closed.map((r) => (
    <option key={r.id} value={r.id}>
      {r.title}
    </option>
  ));
  return (
    <section className="panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('surveys.compareTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('surveys.earlier')}
          <select required value={earlier} onChange={(e) => setEarlier(e.target.value)}>
            <option value="">{t('surveys.chooseRound')}</option>
            {options}
          </select>
        </label>
        <label>
          {t('surveys.later')}
          <select required value={later} onChange={(e) => setLater(e.target.value)}>
            <option value="">{t('surveys.chooseRound')}</option>
            {options}
          </select>
        </label>
        <button type="submit">{t('surveys.compare')}</button>
      </form>
    </section>
  );
}

/** Perception survey rounds: state, dates and number of answers. */
export default function SurveysPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const { data, error, loading } = useApi<SurveyRoundList>('/api/surveys/rounds');
  return (
    <>
      <div className="page-heading">
        <h1>{t('surveys.title')}</h1>
        {user.role === 'manager' && (
          <Link className="button" to="/surveys/new">
            {t('surveys.new')}
          </Link>
        )}
      </div>
      <p>{t('surveys.intro')}</p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('surveys.caption', { count: data.rounds.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.round')}</th>
                  <th scope="col">{t('surveys.audience')}</th>
                  <th scope="col">{t('surveys.status')}</th>
                  <th scope="col">{t('surveys.opensOn')}</th>
                  <th scope="col">{t('surveys.closesOn')}</th>
                  <th scope="col">{t('surveys.access')}</th>
                  <th scope="col" className="num">
                    {t('surveys.answers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rounds.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/surveys/${r.id}`}>{r.title}</Link>
                    </th>
                    <td>{t(`audience.${r.audience}`)}</td>
                    <td>
                      <RoundStatusBadge status={r.status} />
                    </td>
                    <td>{f.day(r.opensOn)}</td>
                    <td>{f.day(r.closedEarlyOn ?? r.closesOn)}</td>
                    <td>{t(`accessMode.${r.accessMode}`)}</td>
                    <td className="num">{f.number(r.answers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.rounds.length === 0 && <p className="muted">{t('surveys.none')}</p>}
          <CompareForm rounds={data.rounds} />
        </>
      )}
    </>
  );
}
