import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type {
  CaseChangeResponse,
  CaseCreateBody,
  CasePriority,
  CaseSource,
  CaseSubjectKind,
} from '../api/case-types';
import { api, withQuery } from '../api/http';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';

const priorities: CasePriority[] = ['low', 'normal', 'high', 'urgent'];
const subjectKinds: CaseSubjectKind[] = ['officer', 'declarant', 'trader', 'office'];

/** Path of the "open a case" form, prefilled from a flag or a pair. */
export function newCasePath(p: {
  source: CaseSource;
  kind?: string;
  unit?: string;
  declarant?: string;
  indicator?: string | undefined;
}): string {
  return withQuery('/cases/new', p);
}

/** Opens a case from a flagged unit, a flagged pair, or by hand. */
export default function NewCasePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const source = (params.get('source') as CaseSource | null) ?? 'manual';
  const fromFlag = source !== 'manual';
  const presetKind = params.get('kind') ?? '';
  const presetUnit = params.get('unit') ?? '';
  const declarant = params.get('declarant') ?? '';
  const indicator = params.get('indicator') ?? '';
  const defaultTitle =
    source === 'pair'
      ? t('newCase.titlePair', { officer: presetUnit, declarant })
      : fromFlag
        ? t('newCase.titleUnit', { kind: t(`kind.${presetKind}.one`), unit: presetUnit })
        : '';
  const [title, setTitle] = useState(defaultTitle);
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [deadline, setDeadline] = useState('');
  const [kind, setKind] = useState<string>(presetKind || '');
  const [unit, setUnit] = useState(presetUnit);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: CaseCreateBody = { title: title.trim(), source, priority };
    if (source === 'pair') {
      body.subject = { kind: 'pair', pseudonym: presetUnit, declarantPseudonym: declarant };
    } else if (kind && unit.trim()) {
      body.subject = { kind: kind as CaseSubjectKind, pseudonym: unit.trim() };
    }
    if (indicator) body.indicator = indicator;
    if (deadline) body.deadline = new Date(`${deadline}T23:59:59Z`).toISOString();
    try {
      const created = await api<CaseChangeResponse>('/api/cases', { method: 'POST', body });
      navigate(`/cases/${created.case.id}`);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('newCase.title')}</h1>
      <p className="notice">{t('newCase.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('newCase.caseTitle')}
          <input
            type="text"
            required
            minLength={3}
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        {fromFlag ? (
          <p>
            <strong>{t('newCase.subject')}</strong>
            {t('common.colon')}
            <span className="mono">
              {source === 'pair' ? `${presetUnit} × ${declarant}` : presetUnit}
            </span>
            {indicator && (
              <>
                {' '}
                <span className="muted">
                  ({t('newCase.indicator', { indicator: t(`indicator.${indicator}`) })})
                </span>
              </>
            )}
          </p>
        ) : (
          <fieldset>
            <legend>{t('newCase.subjectOptional')}</legend>
            <label>
              {t('newCase.subjectKind')}
              <select value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">{t('newCase.noSubject')}</option>
                {subjectKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}.one`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('newCase.pseudonym')}
              <input
                type="text"
                value={unit}
                onChange={(e) => setUnit(e.target.value)}
                disabled={!kind}
              />
            </label>
          </fieldset>
        )}
        <label>
          {t('case.priority')}
          <select value={priority} onChange={(e) => setPriority(e.target.value as CasePriority)}>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('case.deadline')}
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('newCase.create')}
          </button>
          <button type="button" className="button-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
