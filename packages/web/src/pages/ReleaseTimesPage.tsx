import { useCallback, useMemo, useState } from 'react';
import type {
  ReleaseDistributionResponse,
  ReleaseTimesResponse,
  ReleaseTimeStat,
} from '../api/types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { RunInfo } from '../components/RunInfo';
import { useFormat } from '../i18n/format';
import { useHasMessage, useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';

const breakdowns = ['channel', 'office', 'transport_mode', 'hs_section'] as const;
const distributionGroups = ['overall', 'channel', 'office', 'transport_mode'] as const;

/** The label of a group (a channel is translated; offices, modes and sections are codes). */
function useGroupLabel() {
  const t = useT();
  const has = useHasMessage();
  return useCallback(
    (breakdown: string, group: string | null) => {
      if (group === null) return t('releaseTimes.allDeclarations');
      const id = `${breakdown === 'channel' ? 'channel' : breakdown}.${group}`;
      return has(id) ? t(id) : group;
    },
    [t, has],
  );
}

function StatsTable({
  stats,
  label,
}: {
  stats: ReleaseTimeStat[];
  label: (s: ReleaseTimeStat) => string;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('releaseTimes.group')}</th>
            <th scope="col" className="num">
              {t('releaseTimes.n')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.mean')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.median')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.p90')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.within24')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.within48')}
            </th>
            <th scope="col" className="num">
              {t('releaseTimes.excluded')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={`${s.segment}-${s.group ?? ''}-${s.period ?? ''}`}>
              <th scope="row">{label(s)}</th>
              <td className="num">{f.number(s.n)}</td>
              <td className="num">{f.number(s.meanHours, 1)}</td>
              <td className="num">{f.number(s.medianHours, 1)}</td>
              <td className="num">{f.number(s.p90Hours, 1)}</td>
              <td className="num">{f.percent(s.within24h)}</td>
              <td className="num">{f.percent(s.within48h)}</td>
              <td className="num">{f.number(s.nExcluded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Distribution({
  segment,
  by,
  segmentName,
}: {
  segment: string;
  by: string;
  segmentName: string;
}) {
  const t = useT();
  const f = useFormat();
  const groupLabel = useGroupLabel();
  const { data, error, loading } = useApi<ReleaseDistributionResponse>(
    withQuery('/api/release-times/distribution', { segment, by }),
  );
  const rows = useMemo(
    () =>
      (data?.groups ?? []).flatMap((g) =>
        g.bins.map((b) => ({
          group: groupLabel(by, g.group),
          fromHours: b.fromHours,
          toHours: b.toHours,
          count: b.count,
          share: g.n > 0 ? b.count / g.n : 0,
        })),
      ),
    [data, by, groupLabel],
  );
  const plot = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: Math.max(160, 110 * new Set(rows.map((r) => r.group)).size),
        marginLeft: 56,
        marginRight: 110,
        x: { label: t('releaseTimes.hours'), type: 'sqrt', tickFormat: (v: number) => f.number(v) },
        y: {
          label: t('releaseTimes.share'),
          percent: true,
          grid: true,
          tickFormat: (v: number) => f.number(v),
        },
        fy: { label: null },
        marks: [
          Plot.rectY(rows, {
            x1: 'fromHours',
            x2: 'toHours',
            y: 'share',
            fy: 'group',
            fill: 'var(--chart-1)',
            inset: 0.5,
          }),
          Plot.ruleY([0]),
          Plot.tip(
            rows,
            Plot.pointerX({
              x1: 'fromHours',
              x2: 'toHours',
              y: 'share',
              fy: 'group',
              title: (d: (typeof rows)[number]) =>
                `${d.group}\n${f.number(d.fromHours, 1)}–${f.number(d.toHours, 1)} h\n${f.percent(d.share)} (${f.number(d.count)})`,
            }),
          ),
        ],
      }),
    [rows, t, f],
  );
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  return (
    <PlotFigure
      plot={plot}
      label={t('releaseTimes.distributionAria', {
        segment: segmentName,
        by: t(`breakdownInline.${by}`),
      })}
      caption={t('releaseTimes.distributionCaption', {
        segment: segmentName,
        by: t(`breakdownInline.${by}`),
      })}
      rows={rows.filter((r) => r.count > 0)}
      columns={[
        { header: t('releaseTimes.group'), value: (r) => r.group },
        { header: t('releaseTimes.from'), value: (r) => f.number(r.fromHours, 1), numeric: true },
        { header: t('releaseTimes.to'), value: (r) => f.number(r.toHours, 1), numeric: true },
        { header: t('releaseTimes.count'), value: (r) => f.number(r.count), numeric: true },
        { header: t('releaseTimes.share'), value: (r) => f.percent(r.share), numeric: true },
      ]}
    />
  );
}

/** Release times (Time Release Study): segment durations and their distributions. */
export default function ReleaseTimesPage() {
  const t = useT();
  const f = useFormat();
  const l = useLocalized();
  const groupLabel = useGroupLabel();
  const { data, error, loading } = useApi<ReleaseTimesResponse>('/api/release-times');
  const [segment, setSegment] = useState('');
  const [breakdown, setBreakdown] = useState<string>('channel');
  const [distBy, setDistBy] = useState<string>('channel');

  const current =
    data?.segments.find((s) => s.id === segment) ??
    data?.segments.find((s) => s.id === 'lodgement_release') ??
    data?.segments[0];
  const segmentName = l(current?.name);
  const byGroup = useMemo(
    () =>
      (data?.stats ?? []).filter(
        (s) => s.segment === current?.id && s.breakdown === breakdown && s.period === null,
      ),
    [data, current, breakdown],
  );
  const plot = useCallback(
    (Plot: PlotModule, width: number) => {
      const rows = byGroup.map((s) => ({ ...s, label: groupLabel(s.breakdown, s.group) }));
      return Plot.plot({
        width,
        height: 40 + 28 * rows.length,
        marginLeft: 140,
        x: { label: t('releaseTimes.chartX'), grid: true, tickFormat: (v: number) => f.number(v) },
        y: { label: null },
        marks: [
          Plot.barX(rows, {
            x: 'medianHours',
            y: 'label',
            fill: 'var(--chart-1)',
            sort: { y: '-x' },
          }),
          Plot.tickX(rows, { x: 'p90Hours', y: 'label', stroke: 'var(--chart-2)', strokeWidth: 3 }),
          Plot.ruleX([0]),
          Plot.tip(
            rows,
            Plot.pointerY({
              x: 'medianHours',
              y: 'label',
              title: (d: (typeof rows)[number]) =>
                `${d.label}\n${t('releaseTimes.median')}: ${f.number(d.medianHours, 1)}\n${t('releaseTimes.p90')}: ${f.number(d.p90Hours, 1)}\n${t('releaseTimes.n')}: ${f.number(d.n)}`,
            }),
          ),
        ],
      });
    },
    [byGroup, groupLabel, t, f],
  );

  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('releaseTimes.title')}</h1>
        <ErrorMessage error={error} />
      </>
    );

  const overall = data.stats.filter((s) => s.breakdown === 'overall');
  const segmentLabel = (s: ReleaseTimeStat) =>
    l(data.segments.find((x) => x.id === s.segment)?.name) || s.segment;

  return (
    <>
      <h1>{t('releaseTimes.title')}</h1>
      <RunInfo run={data.run} />
      <p>{t('releaseTimes.intro')}</p>
      <p className="muted">
        {t('releaseTimes.coverage', {
          with: f.number(data.coverage.withMilestones),
          declarations: f.number(data.coverage.declarations),
        })}{' '}
        {t('releaseTimes.extremeRule', { rule: l(data.extremeRule) })}
      </p>

      <section aria-labelledby="segments-heading">
        <h2 id="segments-heading">{t('releaseTimes.segments')}</h2>
        <StatsTable stats={overall} label={segmentLabel} />
      </section>

      <section aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">{t('releaseTimes.byGroup')}</h2>
        <div className="filters">
          <label>
            {t('releaseTimes.segment')}
            <select value={current?.id ?? ''} onChange={(e) => setSegment(e.target.value)}>
              {data.segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {l(s.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('releaseTimes.breakdown')}
            <select value={breakdown} onChange={(e) => setBreakdown(e.target.value)}>
              {breakdowns.map((b) => (
                <option key={b} value={b}>
                  {t(`breakdown.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {byGroup.length > 0 ? (
          <>
            <PlotFigure
              plot={plot}
              label={t('releaseTimes.byGroupAria', {
                segment: segmentName,
                by: t(`breakdownInline.${breakdown}`),
              })}
              caption={t('releaseTimes.byGroupCaption', {
                segment: segmentName,
                by: t(`breakdownInline.${breakdown}`),
              })}
              rows={byGroup}
              columns={[
                { header: t('releaseTimes.group'), value: (s) => groupLabel(s.breakdown, s.group) },
                {
                  header: t('releaseTimes.median'),
                  value: (s) => f.number(s.medianHours, 1),
                  numeric: true,
                },
                {
                  header: t('releaseTimes.p90'),
                  value: (s) => f.number(s.p90Hours, 1),
                  numeric: true,
                },
                { header: t('releaseTimes.n'), value: (s) => f.number(s.n), numeric: true },
              ]}
            />
            <StatsTable stats={byGroup} label={(s) => groupLabel(s.breakdown, s.group)} />
          </>
        ) : (
          <p className="muted">{t('common.noData')}</p>
        )}
      </section>

      <section aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">{t('releaseTimes.distribution')}</h2>
        <div className="filters">
          <label>
            {t('releaseTimes.distributionBy')}
            <select value={distBy} onChange={(e) => setDistBy(e.target.value)}>
              {distributionGroups.map((b) => (
                <option key={b} value={b}>
                  {t(`breakdown.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {current && <Distribution segment={current.id} by={distBy} segmentName={segmentName} />}
      </section>
    </>
  );
}
