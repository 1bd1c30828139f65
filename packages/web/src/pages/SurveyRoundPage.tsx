import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { FactorResult, SurveyResults, SurveyRound } from '../api/survey-types';
import { ApiError } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { RoundStatusBadge } from './SurveysPage';
import { Distribution } from './survey-distribution';

/** Share favourable per factor as horizontal bars, the mean score written beside each bar. */
function FactorChart({ factors }: { factors: FactorResult[] }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const rows = factors
    .filter((x) => x.shareFavourable !== null)
    .map((x) => ({ name: localized(x.name), share: x.shareFavourable ?? 0, mean: x.mean, n: x.n }));
  const shareLabel = t('results.shareFavourable');
  const plot = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: 40 + rows.length * 30,
        marginLeft: Math.min(320, width * 0.4),
        marginRight: 60,
        x: {
          domain: [0, 1],
          label: shareLabel,
          tickFormat: (v: number) => f.percent(v, 0),
          grid: true,
        },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [
          Plot.barX(rows, { x: 'share', y: 'name', fill: '#2f5d8a' }),
          Plot.text(rows, {
            x: 'share',
            y: 'name',
            text: (r: (typeof rows)[number]) => f.percent(r.share, 0),
            dx: 4,
            textAnchor: 'start',
          }),
          Plot.ruleX([0]),
        ],
      }),
    [rows, shareLabel, f],
  );
  if (rows.length === 0) return null;
  return (
    <PlotFigure
      plot={plot}
      label={t('results.chartLabel')}
      caption={t('results.chartCaption')}
      rows={rows}
      columns={[
        { header: t('results.factor'), value: (r) => r.name },
        { header: shareLabel, value: (r) => f.percent(r.share, 1), numeric: true },
        { header: t('results.mean'), value: (r) => f.fixed(r.mean, 2), numeric: true },
        { header: t('results.n'), value: (r) => f.number(r.n), numeric: true },
      ]}
    />
  );
}

/** Results of a closed round: per factor for the whole round, by profile group, comments. */
function Results({ round }: { round: SurveyRound }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const { data, error, loading } = useApi<SurveyResults>(`/api/surveys/rounds/${round.id}/results`);
  if (loading && !data) return <Loading />;
  if (error instanceof ApiError && error.code === 'SURVEY_ROUND_OPEN') {
    return <p className="notice">{t('results.afterClose')}</p>;
  }
  if (!data) return <ErrorMessage error={error} />;
  const notShown = t('results.suppressed', { min: data.minGroupSize });
  const overall = data.overall;
  return (
    <>
      <section aria-labelledby="results-heading">
        <div className="page-heading">
          <h2 id="results-heading">{t('results.title')}</h2>
          <div className="actions">
            <a
              className="button button-secondary"
              href={`/api/surveys/rounds/${round.id}/export?format=csv`}
              download
            >
              {t('results.exportCsv')}
            </a>
            <a
              className="button button-secondary"
              href={`/api/surveys/rounds/${round.id}/export?format=json`}
              download
            >
              {t('results.exportJson')}
            </a>
          </div>
        </div>
        <p className="small muted">{t('results.method', { min: data.minGroupSize })}</p>
        {overall.suppressed ? (
          <p className="notice">{notShown}</p>
        ) : (
          <>
            <FactorChart factors={overall.factors} />
            <div className="table-scroll" tabIndex={0}>
              <table>
                <caption>
                  {t('results.tableCaption', { respondents: f.number(overall.respondents) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.factor')}</th>
                    <th scope="col" className="num">
                      {t('results.n')}
                    </th>
                    <th scope="col" className="num">
                      {t('results.mean')}
                    </th>
                    <th scope="col" className="num">
                      {t('results.sd')}
                    </th>
                    <th scope="col" className="num">
                      {t('results.shareFavourable')}
                    </th>
                    <th scope="col" className="num">
                      {t('results.dontKnow')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overall.factors.map((x) => (
                    <tr key={x.factor}>
                      <th scope="row">{localized(x.name)}</th>
                      <td className="num">{f.number(x.n)}</td>
                      <td className="num">{f.fixed(x.mean, 2)}</td>
                      <td className="num">{f.fixed(x.sd, 2)}</td>
                      <td className="num">{f.percent(x.shareFavourable, 0)}</td>
                      <td className="num">{f.number(x.distribution.dontKnow)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {!overall.suppressed && (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">{t('results.breakdown')}</h2>
          <p className="small muted">{localized(data.breakdown.question)}</p>
          <div className="table-scroll" tabIndex={0}>
            <table className="compact">
              <caption>{t('results.breakdownCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.factor')}</th>
                  {data.breakdown.groups.map((g) => (
                    <th key={g.group ?? 'all'} scope="col" className="num">
                      {localized(g.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('results.respondents')}</th>
                  {data.breakdown.groups.map((g) => (
                    <td key={g.group ?? 'all'} className={g.suppressed ? 'muted small' : 'num'}>
                      {g.suppressed ? notShown : f.number(g.respondents)}
                    </td>
                  ))}
                </tr>
                {overall.factors.map((x) => (
                  <tr key={x.factor}>
                    <th scope="row">{localized(x.name)}</th>
                    {data.breakdown.groups.map((g) => (
                      <td key={g.group ?? 'all'} className="num">
                        {g.suppressed ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t('results.notShown')}</span>
                          </>
                        ) : (
                          f.percent(
                            g.factors.find((y) => y.factor === x.factor)?.shareFavourable,
                            0,
                          )
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t('results.breakdownHelp')}</p>
        </section>
      )}
      {data.comments.some((c) => c.texts.length > 0) && (
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">{t('results.comments')}</h2>
          <p className="small muted">{t('results.commentsHelp')}</p>
          {data.comments
            .filter((c) => c.texts.length > 0)
            .map((c) => (
              <details key={c.factor}>
                <summary>
                  {localized(overall.factors.find((x) => x.factor === c.factor)?.name)} (
                  {f.number(c.texts.length)})
                </summary>
                <ul className="notes">
                  {c.texts.map((text, i) => (
                    <li key={i} className="note-text">
                      {text}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
        </section>
      )}
    </>
  );
}

/** One survey round: its state, distribution (managers) and results once closed. */
export default function SurveyRoundPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const { id } = useParams();
  const { data: round, error, loading, reload } = useApi<SurveyRound>(`/api/surveys/rounds/${id}`);
  if (loading && !round) return <Loading />;
  if (!round) return <ErrorMessage error={error} />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <div className="page-heading">
        <h1>{round.title}</h1>
        <RoundStatusBadge status={round.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('surveys.audience')}</dt>
          <dd>{t(`audience.${round.audience}`)}</dd>
        </div>
        <div>
          <dt>{t('surveys.opensOn')}</dt>
          <dd>{f.day(round.opensOn)}</dd>
        </div>
        <div>
          <dt>{t('surveys.closesOn')}</dt>
          <dd>
            {f.day(round.closesOn)}
            {round.closedEarlyOn && (
              <span className="small muted">
                {' '}
                {t('round.closedEarly', { date: f.day(round.closedEarlyOn) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('surveys.access')}</dt>
          <dd>{t(`accessMode.${round.accessMode}`)}</dd>
        </div>
        <div>
          <dt>{t('surveys.answers')}</dt>
          <dd>{f.number(round.answers)}</dd>
        </div>
        <div>
          <dt>{t('newRound.minGroupSize')}</dt>
          <dd>{f.number(round.minGroupSize)}</dd>
        </div>
      </dl>
      {user.role === 'manager' && <Distribution round={round} onChanged={reload} />}
      {round.status === 'closed' ? (
        <Results round={round} />
      ) : (
        <p className="notice">{t('results.afterClose')}</p>
      )}
    </>
  );
}
