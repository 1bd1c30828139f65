import { useState } from 'react';
import type { LoadsResponse, RejectsResponse } from '../api/types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { Pagination } from '../components/Pagination';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useUser } from '../auth/SessionProvider';
import { rejectReaders } from '../navigation';

const pageSize = 50;

function ReconciledBadge({ ok }: { ok: boolean }) {
  const t = useT();
  return (
    <span className={`badge ${ok ? 'badge-clear' : 'badge-flagged'}`}>
      {ok ? t('data.reconciled') : t('data.notReconciled')}
    </span>
  );
}

function Rejects({ loadId }: { loadId: string }) {
  const t = useT();
  const f = useFormat();
  const [table, setTable] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, error, loading } = useApi<RejectsResponse>(
    withQuery('/api/data/rejects', { loadId, table, limit: pageSize, offset }),
  );
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const tables = [...new Set(data.summary.map((s) => s.table))];
  return (
    <>
      <h3>{t('data.rejectSummary')}</h3>
      {data.summary.length === 0 ? (
        <p className="muted">{t('data.noRejects')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.table')}</th>
                <th scope="col">{t('data.column')}</th>
                <th scope="col" className="num">
                  {t('data.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.summary.map((s) => (
                <tr key={`${s.table}-${s.column ?? ''}`}>
                  <td className="mono">{s.table}</td>
                  <td className="mono">{s.column ?? t('data.wholeRow')}</td>
                  <td className="num">{f.number(s.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.summary.length > 0 && (
        <>
          <h3>{t('data.rejectedRows')}</h3>
          <div className="filters">
            <label>
              {t('data.table')}
              <select
                value={table}
                onChange={(e) => {
                  setTable(e.target.value);
                  setOffset(0);
                }}
              >
                <option value="">{t('common.all')}</option>
                {tables.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="table-scroll" tabIndex={0}>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('data.table')}</th>
                  <th scope="col">{t('data.file')}</th>
                  <th scope="col" className="num">
                    {t('data.line')}
                  </th>
                  <th scope="col">{t('data.column')}</th>
                  <th scope="col">{t('data.reason')}</th>
                  <th scope="col">{t('data.values')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={`${r.file}-${r.line}-${r.column ?? ''}`}>
                    <td className="mono">{r.table}</td>
                    <td className="mono">{r.file}</td>
                    <td className="num">{f.number(r.line)}</td>
                    <td className="mono">{r.column ?? '—'}</td>
                    <td>{r.reason}</td>
                    <td className="mono small">
                      {r.values
                        ? Object.entries(r.values)
                            .map(([k, v]) => `${k}=${v ?? ''}`)
                            .join(', ')
                        : r.rawLineWithheld
                          ? t('data.withheld')
                          : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={data.total} limit={pageSize} offset={offset} onChange={setOffset} />
        </>
      )}
    </>
  );
}

/** Data: the loads, their reconciliation (read = accepted + rejected) and the rejected rows. */
export default function DataPage() {
  const t = useT();
  const f = useFormat();
  const user = useUser();
  const { data, error, loading } = useApi<LoadsResponse>('/api/data/loads');
  const [selected, setSelected] = useState('');
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('data.title')}</h1>
        <ErrorMessage error={error} />
      </>
    );
  const load = data.loads.find((l) => l.loadId === selected) ?? data.loads[0];
  return (
    <>
      <h1>{t('data.title')}</h1>
      <section aria-labelledby="tables-heading">
        <h2 id="tables-heading">{t('data.tables')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.table')}</th>
                <th scope="col" className="num">
                  {t('data.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.tables.map((x) => (
                <tr key={x.table}>
                  <th scope="row" className="mono">
                    {x.table}
                  </th>
                  <td className="num">{f.number(x.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="loads-heading">
        <h2 id="loads-heading">{t('data.loads')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.load')}</th>
                <th scope="col">{t('data.dataset')}</th>
                <th scope="col">{t('data.finished')}</th>
                <th scope="col" className="num">
                  {t('data.read')}
                </th>
                <th scope="col" className="num">
                  {t('data.accepted')}
                </th>
                <th scope="col" className="num">
                  {t('data.rejected')}
                </th>
                <th scope="col">{t('data.reconciliation')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.loads.map((l) => (
                <tr key={l.loadId} aria-current={l.loadId === load?.loadId ? 'true' : undefined}>
                  <th scope="row" className="mono">
                    {l.loadId}
                  </th>
                  <td>{l.datasetName ?? '—'}</td>
                  <td>{f.dateTime(l.finishedAt)}</td>
                  <td className="num">{f.number(l.read)}</td>
                  <td className="num">{f.number(l.accepted)}</td>
                  <td className="num">{f.number(l.rejected)}</td>
                  <td>
                    <ReconciledBadge ok={l.reconciled} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => setSelected(l.loadId)}
                    >
                      {t('data.showLoad')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {data.loads.length === 0 && <p className="muted">{t('data.noLoads')}</p>}
      </section>
      {load && (
        <section aria-labelledby="load-heading">
          <h2 id="load-heading">{t('data.loadDetail', { load: load.loadId })}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('data.filesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.table')}</th>
                  <th scope="col">{t('data.file')}</th>
                  <th scope="col" className="num">
                    {t('data.read')}
                  </th>
                  <th scope="col" className="num">
                    {t('data.accepted')}
                  </th>
                  <th scope="col" className="num">
                    {t('data.rejected')}
                  </th>
                  <th scope="col">{t('data.reconciliation')}</th>
                </tr>
              </thead>
              <tbody>
                {load.files.map((x) => (
                  <tr key={`${x.table}-${x.file ?? ''}`}>
                    <th scope="row" className="mono">
                      {x.table}
                    </th>
                    <td className="mono">{x.file ?? '—'}</td>
                    <td className="num">{f.number(x.read)}</td>
                    <td className="num">{f.number(x.accepted)}</td>
                    <td className="num">{f.number(x.rejected)}</td>
                    <td>
                      <ReconciledBadge ok={x.reconciled} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rejectReaders.includes(user.role) && <Rejects key={load.loadId} loadId={load.loadId} />}
        </section>
      )}
    </>
  );
}
