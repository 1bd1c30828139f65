import { useCallback, useMemo, useState } from 'react';
import type { MirrorResponse, MirrorShare } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { RunInfo } from '../components/RunInfo';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

const sharesShown = 15;

function SharesTable({ rows, unitHeader }: { rows: MirrorShare[]; unitHeader: string }) {
  const t = useT();
  const f = useFormat();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, sharesShown);
  return (
    <>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('integrity.rank')}
              </th>
              <th scope="col">{unitHeader}</th>
              <th scope="col" className="num">
                {t('mirror.topDeclarations')}
              </th>
              <th scope="col" className="num">
                {t('mirror.shareInTop')}
              </th>
              <th scope="col" className="num">
                {t('mirror.overallShare')}
              </th>
              <th scope="col" className="num">
                {t('pairs.lift')}
              </th>
              <th scope="col" className="num">
                {t('mirror.excess')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.unit}>
                <td className="num">{f.number(s.rank)}</td>
                <th scope="row" className="mono">
                  {s.unit}
                </th>
                <td className="num">{f.number(s.topGapDeclarations)}</td>
                <td className="num">{f.percent(s.shareInTop)}</td>
                <td className="num">{f.percent(s.overallShare)}</td>
                <td className="num">{f.number(s.lift, 1)}</td>
                <td className="num">{f.number(s.excessUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > sharesShown && (
        <button type="button" className="button-link" onClick={() => setAll(!all)}>
          {all ? t('mirror.showFewer') : t('mirror.showAll', { count: rows.length })}
        </button>
      )}
    </>
  );
}

/** Mirror analysis: largest gaps between partners' exports and our imports, and the tariff–gap relation. */
export default function MirrorPage() {
  const t = useT();
  const f = useFormat();
  const { data, error, loading } = useApi<MirrorResponse>('/api/mirror');
  const gaps = useMemo(
    () =>
      (data?.largestGaps ?? []).map((g) => ({
        ...g,
        label: `${g.hs6} · ${g.partner} · ${g.period}`,
      })),
    [data],
  );
  const gapPlot = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: 40 + 24 * gaps.length,
        marginLeft: 170,
        x: { label: t('mirror.gapAxis'), grid: true, tickFormat: (v: number) => f.number(v) },
        y: { label: null },
        marks: [
          Plot.barX(gaps, { x: 'gapUsd', y: 'label', fill: 'var(--chart-1)', sort: { y: '-x' } }),
          Plot.ruleX([0]),
          Plot.tip(
            gaps,
            Plot.pointerY({
              x: 'gapUsd',
              y: 'label',
              title: (g: (typeof gaps)[number]) =>
                `${g.label}\n${t('mirror.declared')}: ${f.number(g.declaredUsd)}\n${t('mirror.partnerCif')}: ${f.number(g.partnerCifUsd)}\n${t('mirror.gap')}: ${f.number(g.gapUsd)}`,
            }),
          ),
        ],
      }),
    [gaps, t, f],
  );
  const tariff = data?.tariffGap;
  const tariffPlot = useCallback(
    (Plot: PlotModule, width: number) => {
      const points = tariff?.points ?? [];
      const xs = points.map((p) => p.tariffPct);
      const fit =
        tariff && tariff.slope !== null && tariff.intercept !== null && xs.length > 0
          ? [Math.min(...xs), Math.max(...xs)].map((x) => ({
              x,
              y: (tariff.intercept ?? 0) + (tariff.slope ?? 0) * x,
            }))
          : [];
      return Plot.plot({
        width,
        height: 360,
        marginLeft: 56,
        x: { label: t('mirror.tariffAxis'), grid: true, tickFormat: (v: number) => f.number(v, 1) },
        y: { label: t('mirror.logGapAxis'), grid: true, tickFormat: (v: number) => f.number(v, 1) },
        r: { range: [2, 10] },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--ink-2)' }),
          Plot.dot(points, {
            x: 'tariffPct',
            y: 'logGap',
            r: 'weight',
            fill: 'var(--chart-1)',
            fillOpacity: 0.6,
            stroke: 'var(--chart-1)',
          }),
          Plot.line(fit, { x: 'x', y: 'y', stroke: 'var(--chart-2)', strokeWidth: 2 }),
          Plot.tip(
            points,
            Plot.pointer({
              x: 'tariffPct',
              y: 'logGap',
              title: (p: (typeof points)[number]) =>
                `${t('mirror.hs6')}: ${p.hs6}\n${t('mirror.tariff')}: ${f.number(p.tariffPct, 1)}\n${t('mirror.logGap')}: ${f.number(p.logGap, 2)}`,
            }),
          ),
        ],
      });
    },
    [tariff, t, f],
  );

  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('mirror.title')}</h1>
        <ErrorMessage error={error} />
      </>
    );

  return (
    <>
      <h1>{t('mirror.title')}</h1>
      <RunInfo run={data.run} />
      <p>{t('mirror.intro', { factor: f.number(data.cifFobFactor, 2) })}</p>
      {!data.available ? (
        <p className="notice">{t('mirror.unavailable')}</p>
      ) : (
        <>
          <dl className="key-figures">
            <div>
              <dt>{t('mirror.declared')}</dt>
              <dd>{f.number(data.totals.matchedDeclaredUsd)}</dd>
            </div>
            <div>
              <dt>{t('mirror.partnerCif')}</dt>
              <dd>{f.number(data.totals.matchedPartnerCifUsd)}</dd>
            </div>
            <div>
              <dt>{t('mirror.topGapTotal', { share: f.percent(data.topShare) })}</dt>
              <dd>{f.number(data.totals.topGapUsd)}</dd>
            </div>
          </dl>
          <section aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">{t('mirror.largestGaps')}</h2>
            <PlotFigure
              plot={gapPlot}
              label={t('mirror.gapsAria')}
              caption={t('mirror.gapsCaption')}
              rows={gaps}
              columns={[
                { header: t('mirror.hs6'), value: (g) => g.hs6 },
                { header: t('mirror.partner'), value: (g) => g.partner },
                { header: t('mirror.period'), value: (g) => g.period },
                {
                  header: t('mirror.declared'),
                  value: (g) => f.number(g.declaredUsd),
                  numeric: true,
                },
                {
                  header: t('mirror.partnerCif'),
                  value: (g) => f.number(g.partnerCifUsd),
                  numeric: true,
                },
                { header: t('mirror.gap'), value: (g) => f.number(g.gapUsd), numeric: true },
                { header: t('mirror.ratio'), value: (g) => f.number(g.ratio, 2), numeric: true },
              ]}
            />
          </section>
          <section aria-labelledby="tariff-heading">
            <h2 id="tariff-heading">{t('mirror.tariffGap')}</h2>
            <p>
              {tariff && tariff.slope !== null
                ? t('mirror.tariffIntro', {
                    slope: f.significant(tariff.slope),
                    se: f.significant(tariff.se, 2),
                    n: f.number(tariff.n),
                    r2: f.number(tariff.r2, 2),
                  })
                : t('mirror.tariffNone')}
            </p>
            {tariff && tariff.points.length > 0 && (
              <PlotFigure
                plot={tariffPlot}
                label={t('mirror.tariffAria')}
                caption={t('mirror.tariffCaption')}
                rows={tariff.points}
                columns={[
                  { header: t('mirror.hs6'), value: (p) => p.hs6 },
                  {
                    header: t('mirror.tariff'),
                    value: (p) => f.number(p.tariffPct, 1),
                    numeric: true,
                  },
                  {
                    header: t('mirror.logGap'),
                    value: (p) => f.number(p.logGap, 2),
                    numeric: true,
                  },
                ]}
              />
            )}
          </section>
          <section aria-labelledby="shares-heading">
            <h2 id="shares-heading">{t('mirror.shares')}</h2>
            <h3>{t('mirror.declarants')}</h3>
            <SharesTable rows={data.declarants} unitHeader={t('pairs.declarant')} />
            <h3>{t('mirror.offices')}</h3>
            <SharesTable rows={data.offices} unitHeader={t('integrity.office')} />
          </section>
        </>
      )}
      {data.notes.length > 0 && (
        <details className="help">
          <summary>{t('mirror.notes')}</summary>
          <ul>
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
