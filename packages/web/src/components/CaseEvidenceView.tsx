import type { CaseEvidence } from '../api/case-types';
import { useFormat } from '../i18n/format';
import { useHasMessage, useLocale, useT } from '../i18n/LocaleProvider';
import { StatusBadge } from './StatusBadge';

type Row = Record<string, unknown>;

function columnsOf(rows: readonly Row[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** A table of frozen records whose fields are not known in advance. */
function RecordTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  const t = useT();
  const has = useHasMessage();
  const f = useFormat();
  const columns = columnsOf(rows);
  const text = (value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number') return f.number(value, 3);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'object') {
      const v = value as Partial<Record<'en' | 'fr', string>>;
      if (typeof v.en === 'string') return v.en;
      return JSON.stringify(value);
    }
    return String(value);
  };
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {has(`field.${c}`) ? t(`field.${c}`) : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className={typeof row[c] === 'number' ? 'num' : undefined}>
                  {text(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The unit's flags as frozen: indicator, status, figures and the explanation in the reader's language. */
function FlagsTable({ rows }: { rows: readonly Row[] }) {
  const t = useT();
  const has = useHasMessage();
  const f = useFormat();
  const { locale } = useLocale();
  const num = (v: unknown, digits: number) => (typeof v === 'number' ? f.number(v, digits) : '—');
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption>{t('case.evidenceFlags')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrity.indicator')}</th>
            <th scope="col">{t('integrity.status')}</th>
            <th scope="col" className="num">
              {t('funnel.observed')}
            </th>
            <th scope="col" className="num">
              {t('funnel.expected')}
            </th>
            <th scope="col" className="num">
              q
            </th>
            <th scope="col">{t('integrity.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const indicator = String(row['indicator'] ?? '');
            const status = String(row['status'] ?? '');
            const explanation = row[locale === 'fr' ? 'explanation_fr' : 'explanation_en'];
            return (
              <tr key={i}>
                <th scope="row">
                  {has(`indicator.${indicator}`) ? t(`indicator.${indicator}`) : indicator}
                </th>
                <td>{has(`status.${status}`) ? <StatusBadge status={status} /> : status}</td>
                <td className="num">{num(row['observed'], 1)}</td>
                <td className="num">{num(row['expected'], 1)}</td>
                <td className="num">
                  {typeof row['q'] === 'number' ? f.probability(row['q']) : '—'}
                </td>
                <td>{typeof explanation === 'string' ? explanation : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Evidence frozen when the case was opened: the flags, the pairs and the declarations behind them. */
export function CaseEvidenceView({ evidence }: { evidence: CaseEvidence }) {
  const t = useT();
  const f = useFormat();
  const declarations = evidence.declarations.map((d) => ({
    declarationId: d.declarationId,
    indicator: d.indicator,
    ...d.data,
  }));
  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('case.evidence')}</h2>
      <p className="muted">{t('case.evidenceFrozen', { date: f.dateTime(evidence.frozenAt) })}</p>
      {evidence.flags.length > 0 && <FlagsTable rows={evidence.flags} />}
      {evidence.pairs.length > 0 && (
        <RecordTable rows={evidence.pairs} caption={t('case.evidencePairs')} />
      )}
      {declarations.length > 0 ? (
        <details>
          <summary>{t('case.evidenceDeclarations', { count: declarations.length })}</summary>
          <RecordTable rows={declarations} caption={t('case.evidenceDeclarationsCaption')} />
        </details>
      ) : (
        <p className="muted">{t('case.noEvidenceDeclarations')}</p>
      )}
    </section>
  );
}
