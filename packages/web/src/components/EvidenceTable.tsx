import { useState } from 'react';
import type { EvidenceResponse } from '../api/types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { useFormat } from '../i18n/format';
import { useHasMessage, useT } from '../i18n/LocaleProvider';
import { ErrorMessage, Loading } from './ErrorMessage';
import { Pagination } from './Pagination';

const pageSize = 25;

interface EvidenceTableProps {
  kind: string;
  unit: string;
  indicator: string;
}

/** The declarations behind one flag of a unit, loaded when shown. */
export function EvidenceTable({ kind, unit, indicator }: EvidenceTableProps) {
  const t = useT();
  const has = useHasMessage();
  const f = useFormat();
  const [offset, setOffset] = useState(0);
  const { data, error, loading } = useApi<EvidenceResponse>(
    withQuery(
      `/api/integrity/units/${encodeURIComponent(kind)}/${encodeURIComponent(unit)}/evidence`,
      { indicator, limit: pageSize, offset },
    ),
  );
  const channel = (c: string | null) => (c && has(`channel.${c}`) ? t(`channel.${c}`) : (c ?? '—'));
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('common.yes') : t('common.no'));
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  return (
    <>
      <div className="table-scroll" tabIndex={0}>
        <table className="compact">
          <caption className="visually-hidden">{t('unit.evidenceCaption', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence.declaration')}</th>
              <th scope="col">{t('evidence.event')}</th>
              <th scope="col">{t('evidence.office')}</th>
              <th scope="col">{t('evidence.lodged')}</th>
              <th scope="col">{t('evidence.released')}</th>
              <th scope="col">{t('evidence.riskChannel')}</th>
              <th scope="col">{t('evidence.finalChannel')}</th>
              <th scope="col">{t('evidence.inspected')}</th>
              <th scope="col">{t('evidence.outcome')}</th>
              <th scope="col">{t('evidence.officer')}</th>
              <th scope="col">{t('evidence.declarant')}</th>
              <th scope="col" className="num">
                {t('evidence.declaredValue')}
              </th>
              <th scope="col" className="num">
                {t('evidence.declaredDuty')}
              </th>
              <th scope="col" className="num">
                {t('evidence.assessedDuty')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={`${d.indicator}-${d.declarationId}`}>
                <th scope="row" className="mono">
                  {d.declarationId}
                </th>
                <td>
                  {d.event ? (
                    <span className="badge badge-event">{t('evidence.isEvent')}</span>
                  ) : (
                    t('common.no')
                  )}
                </td>
                <td>{d.office ?? '—'}</td>
                <td>{f.shortDateTime(d.lodgedAt)}</td>
                <td>{f.shortDateTime(d.releasedAt)}</td>
                <td>{channel(d.riskChannel)}</td>
                <td>{channel(d.finalChannel)}</td>
                <td>{yesNo(d.inspected)}</td>
                <td>
                  {d.outcome
                    ? has(`outcome.${d.outcome}`)
                      ? t(`outcome.${d.outcome}`)
                      : d.outcome
                    : '—'}
                </td>
                <td className="mono">{d.officer ?? '—'}</td>
                <td className="mono">{d.declarant ?? '—'}</td>
                <td className="num">{f.number(d.declaredValue)}</td>
                <td className="num">{f.number(d.declaredDuty)}</td>
                <td className="num">{f.number(d.assessedDuty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination total={data.total} limit={pageSize} offset={offset} onChange={setOffset} />
    </>
  );
}
