import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Change, FactorChange, SurveyComparison } from '../api/survey-types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';

/** A change and its interval: "+0.31 (0.05 to 0.57)", marked when the interval excludes 0. */
function ChangeCell({ change, percent }: { change: Change | null; percent?: boolean }) {
  const t = useT();
  const f = useFormat();
  if (!change) return <>—</>;
  const show = (v: number) => (percent ? f.fixed(v * 100, 1) : f.fixed(v, 2));
  const signed = (v: number) => {
    const text = v > 0 ? `+${show(v)}` : show(v);
    return percent ? t('compare.points', { value: text }) : text;
  };
  const clear = change.low > 0 || change.high < 0;
  return (
    <>
      {clear ? <strong>{signed(change.estimate)}</strong> : signed(change.estimate)}{' '}
      <span className="small muted">
        {t('compare.interval', { low: show(change.low), high: show(change.high) })}
      </span>
    </>
  );
}

/** Two closed rounds of one audience, factor by factor, with 95% intervals. */
export default function SurveyComparisonPage() {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const [params] = useSearchParams();
  const earlier = params.get('earlier');
  const later = params.get('later');
  const { data, error, loading } = useApi<SurveyComparison>(
    earlier && later ? withQuery('/api/surveys/comparison', { earlier, later }) : null,
  );
  const rows = (data?.factors ?? [])
    .filter((x): x is FactorChange & { meanChange: Change } => x.meanChange !== null)
    .map((x) => ({
      name: localized(x.name),
      estimate: x.meanChange.estimate,
      low: x.meanChange.low,
      high: x.meanChange.high,
    }));
  const axisLabel = t('compare.meanChange');
  const plot = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: 40 + rows.length * 30,
        marginLeft: Math.min(320, width * 0.4),
        x: { label: axisLabel, grid: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [
          Plot.ruleX([0], { stroke: '#888' }),
          Plot.ruleY(rows, { y: 'name', x1: 'low', x2: 'high', stroke: '#2f5d8a', strokeWidth: 2 }),
          Plot.dot(rows, { y: 'name', x: 'estimate', fill: '#2f5d8a', r: 4 }),
        ],
      }),
    [rows, axisLabel],
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <h1>{t('compare.title')}</h1>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <p>{t('compare.rounds', { earlier: data.earlier.title, later: data.later.title })}</p>
          <p className="small muted">
            {t('compare.method', { level: f.percent(data.confidenceLevel, 0) })}
          </p>
          {rows.length > 0 && (
            <PlotFigure
              plot={plot}
              label={t('compare.chartLabel')}
              caption={t('compare.chartCaption')}
              rows={rows}
              columns={[
                { header: t('results.factor'), value: (r) => r.name },
                { header: axisLabel, value: (r) => f.fixed(r.estimate, 2), numeric: true },
                { header: t('compare.low'), value: (r) => f.fixed(r.low, 2), numeric: true },
                { header: t('compare.high'), value: (r) => f.fixed(r.high, 2), numeric: true },
              ]}
            />
          )}
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('compare.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.factor')}</th>
                  <th scope="col" className="num">
                    {t('compare.earlierMean')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.laterMean')}
                  </th>
                  <th scope="col">{t('compare.meanChange')}</th>
                  <th scope="col" className="num">
                    {t('compare.earlierShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.laterShare')}
                  </th>
                  <th scope="col">{t('compare.shareChange')}</th>
                </tr>
              </thead>
              <tbody>
                {data.factors.map((x) => (
                  <tr key={x.factor}>
                    <th scope="row">{localized(x.name)}</th>
                    <td className="num">{f.fixed(x.earlier?.mean, 2)}</td>
                    <td className="num">{f.fixed(x.later?.mean, 2)}</td>
                    <td>
                      <ChangeCell change={x.meanChange} />
                    </td>
                    <td className="num">{f.percent(x.earlier?.shareFavourable, 0)}</td>
                    <td className="num">{f.percent(x.later?.shareFavourable, 0)}</td>
                    <td>
                      <ChangeCell change={x.shareFavourableChange} percent />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t('compare.caveat')}</p>
        </>
      )}
    </>
  );
}
