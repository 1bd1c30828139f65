import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { OverviewResponse, PerformanceIndicatorView } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { RunInfo } from '../components/RunInfo';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { useIndicatorValue } from './indicator-format';

const allOffices = '';

function TrendChart({
  indicator,
  office,
}: {
  indicator: PerformanceIndicatorView;
  office: string;
}) {
  const t = useT();
  const f = useFormat();
  const l = useLocalized();
  const value = useIndicatorValue();
  const rows = useMemo(() => {
    const overall = indicator.byPeriod.map((v) => ({ ...v, series: t('overview.allOffices') }));
    const offices = indicator.byOfficePeriod
      .filter((v) => office === allOffices || v.office === office)
      .map((v) => ({ ...v, series: v.office ?? '' }));
    return [...overall, ...offices].filter((v) => v.value !== null && v.period !== null);
  }, [indicator, office, t]);
  const name = l(indicator.name);
  const share = indicator.unit === 'share';
  const plot = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: 300,
        marginLeft: 56,
        x: { label: t('overview.period'), type: 'point' },
        y: {
          label: name,
          grid: true,
          percent: share,
          zero: share,
          tickFormat: (v: number) => f.number(v),
        },
        color: { legend: true, type: 'categorical' },
        marks: [
          Plot.line(rows, {
            x: 'period',
            y: 'value',
            stroke: 'series',
            strokeWidth: (d: { series: string }) =>
              d.series === t('overview.allOffices') ? 3 : 1.5,
          }),
          Plot.dot(rows, { x: 'period', y: 'value', stroke: 'series', r: 2.5 }),
          Plot.tip(
            rows,
            Plot.pointer({
              x: 'period',
              y: 'value',
              title: (d: { series: string; period: string; value: number }) =>
                `${d.series}\n${d.period}: ${value(d.value, indicator.unit)}`,
            }),
          ),
        ],
      }),
    [rows, name, share, t, f, value, indicator.unit],
  );
  return (
    <PlotFigure
      plot={plot}
      label={t('overview.trendAria', { indicator: name })}
      caption={t('overview.trendCaption', { indicator: name })}
      rows={rows}
      columns={[
        { header: t('overview.series'), value: (r) => r.series },
        { header: t('overview.period'), value: (r) => r.period },
        {
          header: t('overview.value'),
          value: (r) => value(r.value, indicator.unit),
          numeric: true,
        },
      ]}
    />
  );
}

/** Overview: PMM-style indicators per dimension, their trends by period and office, clearance figures. */
export default function OverviewPage() {
  const t = useT();
  const l = useLocalized();
  const f = useFormat();
  const value = useIndicatorValue();
  const { data, error, loading } = useApi<OverviewResponse>('/api/overview');
  const [selected, setSelected] = useState<string>('');
  const [office, setOffice] = useState<string>(allOffices);

  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('overview.title')}</h1>
        <ErrorMessage error={error} />
      </>
    );

  const indicator =
    data.indicators.find((i) => i.id === selected) ??
    data.indicators.find((i) => i.byPeriod.length > 1) ??
    data.indicators[0];
  const dimensions = data.dimensions.filter((d) =>
    data.indicators.some((i) => i.dimension === d.id),
  );

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <RunInfo run={data.run} />
      <dl className="key-figures">
        <div>
          <dt>{t('overview.dataset')}</dt>
          <dd>{data.run.datasetName ?? t('overview.datasetUnnamed')}</dd>
        </div>
        <div>
          <dt>{t('overview.declarations')}</dt>
          <dd>{f.number(data.run.declarations)}</dd>
        </div>
        <div>
          <dt>{t('overview.inspectionRate')}</dt>
          <dd>{f.percent(data.clearance.total.inspectionRate)}</dd>
        </div>
        <div>
          <dt>{t('overview.findingRate')}</dt>
          <dd>{f.percent(data.clearance.total.findingRate)}</dd>
        </div>
        <div>
          <dt>{t('overview.periods')}</dt>
          <dd>
            {data.periods.length > 0
              ? t('overview.periodRange', {
                  from: data.periods[0],
                  to: data.periods[data.periods.length - 1],
                })
              : '—'}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t('overview.unitsByStatus')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('integrity.kind')}</th>
                <th scope="col" className="num">
                  {t('status.flagged')}
                </th>
                <th scope="col" className="num">
                  {t('status.watch')}
                </th>
                <th scope="col" className="num">
                  {t('status.clear')}
                </th>
                <th scope="col" className="num">
                  {t('status.insufficient_data')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.kind}>
                  <th scope="row">
                    <Link to={`/integrity?kind=${u.kind}`}>{t(`kind.${u.kind}.plural`)}</Link>
                  </th>
                  <td className="num">{f.number(u.flagged)}</td>
                  <td className="num">{f.number(u.watch)}</td>
                  <td className="num">{f.number(u.clear)}</td>
                  <td className="num">{f.number(u.insufficientData)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="pmm-heading">
        <h2 id="pmm-heading">{t('overview.pmm')}</h2>
        <p className="muted">{t('overview.pmmIntro')}</p>
        {dimensions.map((d) => (
          <div key={d.id} className="dimension">
            <h3>{l(d.name)}</h3>
            <div className="table-scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.indicator')}</th>
                    <th scope="col" className="num">
                      {t('overview.overall')}
                    </th>
                    <th scope="col">{t('overview.direction')}</th>
                    <th scope="col">{t('overview.trend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.indicators
                    .filter((i) => i.dimension === d.id)
                    .map((i) => (
                      <tr key={i.id}>
                        <th scope="row">
                          {l(i.name)}
                          <div className="muted small">{l(i.definition)}</div>
                        </th>
                        <td className="num">{value(i.overall, i.unit)}</td>
                        <td>{t(`direction.${i.direction}`)}</td>
                        <td>
                          <button
                            type="button"
                            className="button-link"
                            aria-pressed={indicator?.id === i.id}
                            onClick={() => setSelected(i.id)}
                            disabled={i.byPeriod.length === 0}
                          >
                            {t('overview.showTrend')}
                          </button>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      {indicator && (
        <section aria-labelledby="trend-heading">
          <h2 id="trend-heading">{t('overview.trendTitle', { indicator: l(indicator.name) })}</h2>
          <div className="filters">
            <label>
              {t('overview.indicator')}
              <select value={indicator.id} onChange={(e) => setSelected(e.target.value)}>
                {data.indicators.map((i) => (
                  <option key={i.id} value={i.id}>
                    {l(i.name)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('overview.office')}
              <select value={office} onChange={(e) => setOffice(e.target.value)}>
                <option value={allOffices}>{t('overview.everyOffice')}</option>
                {data.offices.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <TrendChart indicator={indicator} office={office} />
        </section>
      )}

      <section aria-labelledby="clearance-heading">
        <h2 id="clearance-heading">{t('overview.clearance')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('overview.office')}</th>
                <th scope="col" className="num">
                  {t('overview.declarations')}
                </th>
                <th scope="col" className="num">
                  {t('channel.green')}
                </th>
                <th scope="col" className="num">
                  {t('channel.yellow')}
                </th>
                <th scope="col" className="num">
                  {t('channel.red')}
                </th>
                <th scope="col" className="num">
                  {t('channel.blue')}
                </th>
                <th scope="col" className="num">
                  {t('overview.inspectionRate')}
                </th>
                <th scope="col" className="num">
                  {t('overview.findingRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...data.clearance.byOffice, data.clearance.total].map((o) => (
                <tr
                  key={o.office ?? 'total'}
                  className={o.office === null ? 'total-row' : undefined}
                >
                  <th scope="row">{o.office ?? t('overview.allOffices')}</th>
                  <td className="num">{f.number(o.declarations)}</td>
                  <td className="num">{f.number(o.channels.green)}</td>
                  <td className="num">{f.number(o.channels.yellow)}</td>
                  <td className="num">{f.number(o.channels.red)}</td>
                  <td className="num">{f.number(o.channels.blue)}</td>
                  <td className="num">{f.percent(o.inspectionRate)}</td>
                  <td className="num">{f.percent(o.findingRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
