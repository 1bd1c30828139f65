import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FunnelIndexResponse, FunnelPoint, FunnelResponse } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { IntegrityTabs } from '../components/IntegrityTabs';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { RunInfo } from '../components/RunInfo';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { unitPath } from './IntegrityPage';

/** Colours and symbols by status: the symbol carries the status too, not colour alone. */
const statusColor = {
  domain: ['flagged', 'watch', 'clear', 'insufficient_data'],
  range: ['#b3261e', '#b86e00', '#8a8f98', '#c9ccd1'],
};
const statusSymbol = {
  domain: ['flagged', 'watch', 'clear', 'insufficient_data'],
  range: ['triangle', 'diamond', 'circle', 'circle'],
};

function FunnelChart({ funnel }: { funnel: FunnelResponse }) {
  const t = useT();
  const f = useFormat();
  const l = useLocalized();
  const navigate = useNavigate();
  const title = l(funnel.title);
  const ratio = funnel.scale === 'ratio';
  const limits = useMemo(() => funnel.limits.filter((p) => p.x > 0), [funnel]);
  const points = useMemo(
    () => funnel.points.map((p) => ({ ...p, statusText: t(`status.${p.status}`) })),
    [funnel, t],
  );
  const logX = points.every((p) => p.x > 0);
  const maxY = Math.max(0, ...points.map((p) => p.y));
  const symlog = ratio && maxY > 8;
  const plot = useCallback(
    (Plot: PlotModule, width: number) => {
      const line = (y: 'lower95' | 'upper95' | 'lower998' | 'upper998', dashed: boolean) =>
        Plot.line(
          limits.filter((p) => p[y] !== null),
          {
            x: 'x',
            y,
            stroke: 'var(--ink-2)',
            strokeWidth: 1.2,
            strokeDasharray: dashed ? '4,3' : undefined,
          },
        );
      const chart = Plot.plot({
        width,
        height: 420,
        marginLeft: 56,
        x: {
          type: logX ? 'log' : 'linear',
          label: ratio ? t('funnel.xRatio') : t('funnel.xDifference'),
          grid: true,
          tickFormat: (v: number) => f.number(v, 2),
        },
        y: {
          // A few extreme ratios would flatten everyone else: symlog keeps 0 and spreads 0–5.
          type: symlog ? 'symlog' : 'linear',
          ...(symlog
            ? { ticks: [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500].filter((v) => v <= maxY) }
            : {}),
          label: ratio ? t('funnel.yRatio') : t('funnel.yDifference'),
          grid: true,
          tickFormat: (v: number) => f.number(v, 2),
        },
        color: { ...statusColor, legend: false },
        symbol: { ...statusSymbol, legend: false },
        marks: [
          Plot.ruleY([funnel.target], { stroke: 'var(--ink-1)', strokeWidth: 1.5 }),
          line('lower95', true),
          line('upper95', true),
          line('lower998', false),
          line('upper998', false),
          Plot.dot(points, {
            x: 'x',
            y: 'y',
            fill: 'status',
            symbol: 'status',
            r: 4,
            stroke: 'white',
            strokeWidth: 0.5,
          }),
          Plot.tip(
            points,
            Plot.pointer({
              x: 'x',
              y: 'y',
              title: (p: FunnelPoint & { statusText: string }) =>
                [
                  `${p.unit} — ${p.statusText}`,
                  `${t('funnel.observed')}: ${f.number(p.observed, 1)}`,
                  `${t('funnel.expected')}: ${f.number(p.expected, 1)}`,
                  `${t('funnel.n')}: ${f.number(p.n)}`,
                  `${t('funnel.y')}: ${f.number(p.y, 2)}`,
                  `q: ${f.probability(p.q)}`,
                ].join('\n'),
            }),
          ),
        ],
      });
      // A click on the point under the pointer opens that unit.
      chart.addEventListener('click', () => {
        const selected = (chart as unknown as { value?: FunnelPoint | null }).value;
        if (selected) navigate(unitPath(funnel.kind, selected.unit));
      });
      return chart;
    },
    [limits, points, funnel, logX, ratio, symlog, maxY, t, f, navigate],
  );
  const flagged = points.filter((p) => p.status === 'flagged').length;
  const watch = points.filter((p) => p.status === 'watch').length;
  return (
    <PlotFigure
      plot={plot}
      label={t('funnel.aria', {
        indicator: title,
        kind: t(`kind.${funnel.kind}.plural`),
        tested: funnel.unitsTested,
        flagged,
        watch,
      })}
      caption={
        <>
          {t('funnel.caption', { indicator: title, kind: t(`kind.${funnel.kind}.plural`) })}
          <span className="legend" aria-hidden="true">
            <span className="legend-item legend-flagged">▲ {t('status.flagged')}</span>
            <span className="legend-item legend-watch">◆ {t('status.watch')}</span>
            <span className="legend-item legend-clear">● {t('status.clear')}</span>
            <span className="legend-item">┅ {t('funnel.limit95')}</span>
            <span className="legend-item">━ {t('funnel.limit998')}</span>
          </span>
        </>
      }
      rows={[...points].sort((a, b) => (a.q ?? 1) - (b.q ?? 1))}
      maxRows={200}
      columns={[
        { header: t('integrity.unit'), value: (p) => p.unit },
        { header: t('integrity.status'), value: (p) => <StatusBadge status={p.status} /> },
        { header: t('funnel.observed'), value: (p) => f.number(p.observed, 1), numeric: true },
        { header: t('funnel.expected'), value: (p) => f.number(p.expected, 1), numeric: true },
        { header: t('funnel.y'), value: (p) => f.number(p.y, 2), numeric: true },
        { header: 'q', value: (p) => f.probability(p.q), numeric: true },
      ]}
    />
  );
}

/** Funnel plot of one indicator for one kind of unit, with 95 % and 99.8 % control limits. */
export default function FunnelPage() {
  const t = useT();
  const l = useLocalized();
  const [params, setParams] = useSearchParams();
  const index = useApi<FunnelIndexResponse>('/api/integrity/funnels');
  const funnels = index.data?.funnels ?? [];
  const kind =
    params.get('kind') ??
    (funnels.some((x) => x.kind === 'officer') ? 'officer' : (funnels[0]?.kind ?? 'officer'));
  const ofKind = funnels.filter((x) => x.kind === kind);
  const indicator =
    params.get('indicator') && ofKind.some((x) => x.indicator === params.get('indicator'))
      ? (params.get('indicator') ?? '')
      : (ofKind[0]?.indicator ?? '');
  const funnel = useApi<FunnelResponse>(
    indicator
      ? `/api/integrity/funnels/${encodeURIComponent(kind)}/${encodeURIComponent(indicator)}`
      : null,
  );
  const kinds = [...new Set(funnels.map((x) => x.kind))];
  const choose = (k: string, i: string) => setParams({ kind: k, indicator: i }, { replace: true });

  return (
    <>
      <h1>{t('funnel.title')}</h1>
      <IntegrityTabs />
      {index.loading && !index.data && <Loading />}
      <ErrorMessage error={index.error} />
      {index.data && (
        <>
          <RunInfo run={index.data.run} />
          <div className="filters">
            <label>
              {t('integrity.kind')}
              <select
                value={kind}
                onChange={(e) =>
                  choose(
                    e.target.value,
                    funnels.find((x) => x.kind === e.target.value)?.indicator ?? '',
                  )
                }
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}.plural`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('integrity.indicator')}
              <select value={indicator} onChange={(e) => choose(kind, e.target.value)}>
                {ofKind.map((x) => (
                  <option key={x.indicator} value={x.indicator}>
                    {l(x.title)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <details className="help">
            <summary>{t('funnel.howToRead')}</summary>
            <p>{t('funnel.howToRead1')}</p>
            <p>{t('funnel.howToRead2')}</p>
            <p>{t('funnel.howToRead3')}</p>
          </details>
          {funnels.length === 0 && <p className="muted">{t('funnel.none')}</p>}
        </>
      )}
      {funnel.loading && !funnel.data && <Loading />}
      <ErrorMessage error={funnel.error} />
      {funnel.data && (
        <>
          {funnel.data.overdispersed && <p className="notice">{t('funnel.overdispersed')}</p>}
          <FunnelChart funnel={funnel.data} />
        </>
      )}
    </>
  );
}
