import type { CaseEvidence } from '../api/case-types';
import { useFormat } from '../i18n/format';
import { useHasMessage, useT } from '../i18n/LocaleProvider';

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
    <div className="table-scroll">
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
      {evidence.flags.length > 0 && (
        <RecordTable rows={evidence.flags} caption={t('case.evidenceFlags')} />
      )}
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
