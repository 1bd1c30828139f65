import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { UnitDetailResponse } from '../api/types';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { EvidenceTable } from '../components/EvidenceTable';
import { RunInfo } from '../components/RunInfo';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';
import { unitPath } from './IntegrityPage';
import { newCasePath } from './NewCasePage';
import { evidenceReaders } from '../navigation';

const caseOpeners = ['analyst', 'investigator', 'manager'];

/** One flag's evidence, loaded only when the reader opens it. */
function EvidenceDetails(props: { kind: string; unit: string; indicator: string; count: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('unit.evidence', { count: props.count })}</summary>
      {open && <EvidenceTable kind={props.kind} unit={props.unit} indicator={props.indicator} />}
    </details>
  );
}

/** A unit: every indicator with its figures and explanation, the declarations behind each flag, its pairs. */
export default function UnitPage() {
  const t = useT();
  const f = useFormat();
  const l = useLocalized();
  const user = useUser();
  const { kind = '', unit = '' } = useParams();
  const { data, error, loading } = useApi<UnitDetailResponse>(
    `/api/integrity/units/${encodeURIComponent(kind)}/${encodeURIComponent(unit)}`,
  );
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <>
        <h1>{t('unit.title', { kind: t(`kind.${kind}.one`), unit })}</h1>
        <ErrorMessage error={error} />
      </>
    );
  const raised = data.indicators.filter((i) => i.status === 'flagged' || i.status === 'watch');
  const others = data.indicators.filter((i) => i.status !== 'flagged' && i.status !== 'watch');
  const strongest = raised[0]?.indicator;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/integrity?kind=${data.kind}`}>{t('integrity.title')}</Link>
      </p>
      <div className="page-heading">
        <h1>
          {t('unit.title', { kind: t(`kind.${data.kind}.one`), unit: data.unit })}{' '}
          <StatusBadge status={data.status} />
        </h1>
        {caseOpeners.includes(user.role) && (
          <Link
            className="button"
            to={newCasePath({
              source: 'unit_flag',
              kind: data.kind,
              unit: data.unit,
              indicator: strongest,
            })}
          >
            {t('unit.openCase')}
          </Link>
        )}
      </div>
      <RunInfo run={data.run} />
      <dl className="key-figures">
        <div>
          <dt>{t('integrity.office')}</dt>
          <dd>{data.office ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('integrity.volume')}</dt>
          <dd>{f.number(data.volume)}</dd>
        </div>
        <div>
          <dt>{t('integrity.score')}</dt>
          <dd>{f.number(data.score, 1)}</dd>
        </div>
        <div>
          <dt>{t('integrity.rank')}</dt>
          <dd>{f.number(data.rank)}</dd>
        </div>
      </dl>
      <p className="notice">{t('integrity.dueProcess')}</p>

      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">{t('unit.flags')}</h2>
        {raised.length === 0 && <p className="muted">{t('unit.noFlags')}</p>}
        {raised.map((i) => (
          <article key={i.indicator} className="flag-card">
            <h3>
              {l(i.title)} <StatusBadge status={i.status} />
            </h3>
            <p>{l(i.explanation)}</p>
            <dl className="figures-inline">
              <div>
                <dt>{t('funnel.n')}</dt>
                <dd>{f.number(i.n)}</dd>
              </div>
              <div>
                <dt>{t('funnel.observed')}</dt>
                <dd>{f.number(i.observed, 1)}</dd>
              </div>
              <div>
                <dt>{t('funnel.expected')}</dt>
                <dd>{f.number(i.expected, 1)}</dd>
              </div>
              <div>
                <dt>{t('funnel.y')}</dt>
                <dd>{f.number(i.ratio, 2)}</dd>
              </div>
              <div>
                <dt>z</dt>
                <dd>{f.number(i.z, 2)}</dd>
              </div>
              <div>
                <dt>
                  <abbr title={t('unit.qHelp')}>q</abbr>
                </dt>
                <dd>{f.probability(i.q)}</dd>
              </div>
            </dl>
            <p>
              <Link to={`/integrity/funnels?kind=${data.kind}&indicator=${i.indicator}`}>
                {t('unit.seeFunnel')}
              </Link>
            </p>
            {i.evidenceCount > 0 && evidenceReaders.includes(user.role) && (
              <EvidenceDetails
                kind={data.kind}
                unit={data.unit}
                indicator={i.indicator}
                count={i.evidenceCount}
              />
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('unit.otherIndicators')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('integrity.indicator')}</th>
                <th scope="col">{t('integrity.status')}</th>
                <th scope="col" className="num">
                  {t('funnel.n')}
                </th>
                <th scope="col" className="num">
                  {t('funnel.observed')}
                </th>
                <th scope="col" className="num">
                  {t('funnel.expected')}
                </th>
                <th scope="col" className="num">
                  {t('funnel.y')}
                </th>
                <th scope="col" className="num">
                  q
                </th>
                <th scope="col">{t('integrity.why')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((i) => (
                <tr key={i.indicator}>
                  <th scope="row">{l(i.title)}</th>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td className="num">{f.number(i.n)}</td>
                  <td className="num">{f.number(i.observed, 1)}</td>
                  <td className="num">{f.number(i.expected, 1)}</td>
                  <td className="num">{f.number(i.ratio, 2)}</td>
                  <td className="num">{f.probability(i.q)}</td>
                  <td>{l(i.explanation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {data.pairs.length > 0 && (
        <section aria-labelledby="pairs-heading">
          <h2 id="pairs-heading">{t('unit.pairs')}</h2>
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
                    q
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.pairs.map((p) => (
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
                    <td className="num">{f.probability(p.q)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
