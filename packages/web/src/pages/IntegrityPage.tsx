import { Link, useSearchParams } from 'react-router-dom';
import type { UnitsResponse } from '../api/types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { IntegrityTabs } from '../components/IntegrityTabs';
import { Pagination } from '../components/Pagination';
import { RunInfo } from '../components/RunInfo';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';

const kinds = ['officer', 'declarant', 'trader', 'office'] as const;
const statuses = ['flagged', 'watch', 'clear', 'insufficient_data'] as const;
const pageSize = 50;

/** Path of a unit's detail page. */
export function unitPath(kind: string, unit: string): string {
  return `/integrity/units/${encodeURIComponent(kind)}/${encodeURIComponent(unit)}`;
}

/** Integrity risk: units ranked by composite risk, with status and explanation, filtered. */
export default function IntegrityPage() {
  const t = useT();
  const f = useFormat();
  const l = useLocalized();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? 'officer';
  const status = params.get('status') ?? '';
  const office = params.get('office') ?? '';
  const indicator = params.get('indicator') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const { data, error, loading } = useApi<UnitsResponse>(
    withQuery('/api/integrity/units', {
      kind,
      status,
      office,
      indicator,
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
  const indicatorTitle = (id: string) => l(data?.indicators.find((i) => i.id === id)?.title) || id;

  return (
    <>
      <h1>{t('integrity.title')}</h1>
      <IntegrityTabs />
      <p className="notice">{t('integrity.dueProcess')}</p>
      <form
        className="filters"
        role="search"
        aria-label={t('integrity.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('integrity.kind')}
          <select value={kind} onChange={(e) => set('kind', e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}.plural`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('integrity.status')}
          <select value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('integrity.indicator')}
          <select value={indicator} onChange={(e) => set('indicator', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {(data?.indicators ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {l(i.title)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('integrity.office')}
          <input
            type="text"
            value={office}
            size={10}
            onChange={(e) => set('office', e.target.value.trim())}
          />
        </label>
      </form>
      {data && <RunInfo run={data.run} />}
      {data && data.indicators.length > 0 && (
        <details className="help">
          <summary>{t('integrity.aboutIndicators')}</summary>
          <dl className="indicator-list">
            {data.indicators.map((i) => (
              <div key={i.id}>
                <dt>{l(i.title)}</dt>
                <dd>{l(i.about)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <div className="table-scroll" tabIndex={0}>
            <table className="units-table">
              <caption>
                {t('integrity.unitsCaption', {
                  kind: t(`kind.${kind}.plural`),
                  total: data.total,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('integrity.rank')}
                  </th>
                  <th scope="col">{t('integrity.unit')}</th>
                  <th scope="col">{t('integrity.office')}</th>
                  <th scope="col" className="num">
                    {t('integrity.volume')}
                  </th>
                  <th scope="col" className="num">
                    {t('integrity.score')}
                  </th>
                  <th scope="col">{t('integrity.status')}</th>
                  <th scope="col">{t('integrity.why')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={`${u.kind}-${u.unit}`}>
                    <td className="num">{f.number(u.rank)}</td>
                    <th scope="row">
                      <Link to={unitPath(u.kind, u.unit)} className="mono">
                        {u.unit}
                      </Link>
                    </th>
                    <td className="nowrap">{u.office ?? '—'}</td>
                    <td className="num">{f.number(u.volume)}</td>
                    <td className="num">{f.number(u.score, 1)}</td>
                    <td>
                      <StatusBadge status={u.status} />
                    </td>
                    <td>
                      {u.flags.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="flag-list">
                          {u.flags.map((fl) => (
                            <li key={fl.indicator}>
                              <StatusBadge status={fl.status} />{' '}
                              <strong>{indicatorTitle(fl.indicator)}</strong>
                              {t('common.colon')}
                              {l(fl.explanation)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.items.length === 0 && <p className="muted">{t('integrity.none')}</p>}
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
