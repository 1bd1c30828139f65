import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PairsResponse, PairView } from '../api/types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { IntegrityTabs } from '../components/IntegrityTabs';
import { Pagination } from '../components/Pagination';
import { PlotFigure } from '../components/PlotFigure';
import type { PlotModule } from '../components/PlotFigure';
import { RunInfo } from '../components/RunInfo';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { unitPath } from './IntegrityPage';
import { newCasePath } from './NewCasePage';

const pageSize = 50;
const heatMapPairs = 150;

function PairHeatMap({ pairs }: { pairs: PairView[] }) {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const officers = useMemo(() => new Set(pairs.map((p) => p.officer)).size, [pairs]);
  const declarants = useMemo(() => new Set(pairs.map((p) => p.declarant)).size, [pairs]);
  const plot = useCallback(
    (Plot: PlotModule, width: number) => {
      const chart = Plot.plot({
        // Cells of at most 36 px a side: a few pairs make a small map, not giant blocks.
        width: Math.min(width, 140 + 36 * declarants),
        height: Math.min(900, 110 + 28 * officers),
        marginLeft: 110,
        marginBottom: 90,
        padding: 0.05,
        x: { label: t('pairs.declarant'), tickRotate: -45 },
        y: { label: t('pairs.officer') },
        color: {
          type: 'linear',
          scheme: 'oranges',
          domain: [1, Math.max(2, ...pairs.map((p) => p.lift ?? 1))],
          tickFormat: (v: number) => f.number(v, 1),
          label: t('pairs.lift'),
          legend: true,
        },
        marks: [
          Plot.cell(pairs, {
            x: 'declarant',
            y: 'officer',
            fill: 'lift',
            stroke: (p: PairView) => (p.q < 0.05 ? 'var(--ink-1)' : 'none'),
            strokeWidth: 1.5,
            tip: true,
            title: (p: PairView) =>
              [
                `${p.officer} × ${p.declarant} (${p.office})`,
                `${t('funnel.observed')}: ${f.number(p.observed)}`,
                `${t('funnel.expected')}: ${f.number(p.expected, 1)}`,
                `${t('pairs.lift')}: ${f.number(p.lift, 1)}`,
                `q: ${f.probability(p.q)}`,
              ].join('\n'),
          }),
        ],
      });
      chart.addEventListener('click', () => {
        const selected = (chart as unknown as { value?: PairView | null }).value;
        if (selected) navigate(unitPath('officer', selected.officer));
      });
      return chart;
    },
    [pairs, officers, declarants, t, f, navigate],
  );
  return (
    <PlotFigure
      plot={plot}
      label={t('pairs.heatMapAria', { pairs: pairs.length })}
      caption={t('pairs.heatMapCaption')}
      rows={pairs}
      columns={[
        { header: t('pairs.officer'), value: (p) => p.officer },
        { header: t('pairs.declarant'), value: (p) => p.declarant },
        { header: t('pairs.lift'), value: (p) => f.number(p.lift, 1), numeric: true },
        { header: 'q', value: (p) => f.probability(p.q), numeric: true },
      ]}
    />
  );
}

/** Officer × declarant pairs: a heat map of lift, and the list with evidence. */
export default function PairsPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const office = params.get('office') ?? '';
  const maxQ = params.get('maxQ') ?? '1';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const top = useApi<PairsResponse>(
    withQuery('/api/integrity/pairs', { office, maxQ, limit: heatMapPairs }),
  );
  const list = useApi<PairsResponse>(
    withQuery('/api/integrity/pairs', { office, maxQ, limit: pageSize, offset }),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };
  const canOpen = ['analyst', 'investigator', 'manager'].includes(user.role);

  return (
    <>
      <h1>{t('pairs.title')}</h1>
      <IntegrityTabs />
      <p>{t('pairs.intro')}</p>
      <div className="filters">
        <label>
          {t('integrity.office')}
          <input
            type="text"
            size={10}
            value={office}
            onChange={(e) => set('office', e.target.value.trim())}
          />
        </label>
        <label>
          {t('pairs.maxQ')}
          <select value={maxQ} onChange={(e) => set('maxQ', e.target.value)}>
            {['0.01', '0.05', '0.2', '1'].map((q) => (
              <option key={q} value={q}>
                {f.number(Number(q), 2)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {top.data && <RunInfo run={top.data.run} />}
      {top.loading && !top.data && <Loading />}
      <ErrorMessage error={top.error} />
      {top.data && top.data.items.length > 0 && <PairHeatMap pairs={top.data.items} />}
      {top.data && top.data.items.length === 0 && <p className="muted">{t('pairs.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <section aria-labelledby="pairs-list-heading">
          <h2 id="pairs-list-heading">{t('pairs.list', { total: list.data.total })}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('pairs.officer')}</th>
                  <th scope="col">{t('pairs.declarant')}</th>
                  <th scope="col">{t('integrity.office')}</th>
                  <th scope="col" className="num">
                    {t('funnel.observed')}
                  </th>
                  <th scope="col" className="num">
                    {t('funnel.expected')}
                  </th>
                  <th scope="col" className="num">
                    {t('pairs.lift')}
                  </th>
                  <th scope="col" className="num">
                    {t('pairs.manual')}
                  </th>
                  <th scope="col" className="num">
                    {t('pairs.periods')}
                  </th>
                  <th scope="col" className="num">
                    q
                  </th>
                  {canOpen && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={`${p.officer}-${p.declarant}-${p.office}`}>
                    <td className="mono">
                      <Link to={unitPath('officer', p.officer)}>{p.officer}</Link>
                    </td>
                    <td className="mono">
                      <Link to={unitPath('declarant', p.declarant)}>{p.declarant}</Link>
                    </td>
                    <td>{p.office}</td>
                    <td className="num">{f.number(p.observed)}</td>
                    <td className="num">{f.number(p.expected, 1)}</td>
                    <td className="num">{f.number(p.lift, 1)}</td>
                    <td className="num">{f.number(p.manual)}</td>
                    <td className="num">{f.number(p.periods)}</td>
                    <td className="num">{f.probability(p.q)}</td>
                    {canOpen && (
                      <td>
                        <Link
                          to={newCasePath({
                            source: 'pair',
                            kind: 'pair',
                            unit: p.officer,
                            declarant: p.declarant,
                            indicator: 'pair_concentration',
                          })}
                          aria-label={t('pairs.openCaseFor', {
                            officer: p.officer,
                            declarant: p.declarant,
                          })}
                        >
                          {t('unit.openCase')}
                        </Link>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            total={list.data.total}
            limit={pageSize}
            offset={offset}
            onChange={(o) => set('offset', String(o))}
          />
        </section>
      )}
    </>
  );
}
