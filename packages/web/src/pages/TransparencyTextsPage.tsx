import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { TransparencyTexts, TransparencyTextsState } from '../api/survey-types';
import { api } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

type Part = 'intro' | 'notice';
type Draft = Record<Part, { en: string; fr: string }>;

const empty: Draft = { intro: { en: '', fr: '' }, notice: { en: '', fr: '' } };

function draftOf(texts: TransparencyTexts): Draft {
  return {
    intro: texts.intro ?? { en: '', fr: '' },
    notice: texts.notice ?? { en: '', fr: '' },
  };
}

/** Managers and admins set the public transparency page's introduction and notice (EN/FR). */
export default function TransparencyTextsPage() {
  const t = useT();
  const f = useFormat();
  const { data, error, loading } = useApi<TransparencyTextsState>('/api/transparency/texts');
  const [draft, setDraft] = useState<Draft>(empty);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [half, setHalf] = useState<Part | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  useEffect(() => {
    if (!data) return;
    setDraft(draftOf(data.texts));
    setUpdatedAt(data.updatedAt);
  }, [data]);

  const set = (part: Part, lang: 'en' | 'fr', value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [part]: { ...d[part], [lang]: value } }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setSaveError(null);
    const body: TransparencyTexts = { intro: null, notice: null };
    for (const part of ['intro', 'notice'] as const) {
      const en = draft[part].en.trim();
      const fr = draft[part].fr.trim();
      if ((en === '') !== (fr === '')) {
        setHalf(part);
        return;
      }
      body[part] = en === '' ? null : { en, fr };
    }
    setHalf(null);
    setBusy(true);
    try {
      const state = await api<TransparencyTextsState>('/api/transparency/texts', {
        method: 'PUT',
        body,
      });
      setDraft(draftOf(state.texts));
      setUpdatedAt(state.updatedAt);
      setSaved(true);
    } catch (cause) {
      setSaveError(cause);
    } finally {
      setBusy(false);
    }
  };

  const field = (part: Part, lang: 'en' | 'fr') => (
    <label>
      {t(`transparencyTexts.${lang}`)}
      <textarea
        rows={4}
        maxLength={2000}
        lang={lang}
        value={draft[part][lang]}
        onChange={(e) => set(part, lang, e.target.value)}
      />
    </label>
  );

  return (
    <>
      <h1>{t('transparencyTexts.title')}</h1>
      <p>{t('transparencyTexts.intro')}</p>
      <p>
        <a href="/transparency" target="_blank" rel="noopener">
          {t('transparencyTexts.openPage')}
        </a>
      </p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>{t('transparencyTexts.introPart')}</legend>
            <p className="small muted">{t('transparencyTexts.introHelp')}</p>
            {field('intro', 'en')}
            {field('intro', 'fr')}
          </fieldset>
          <fieldset>
            <legend>{t('transparencyTexts.noticePart')}</legend>
            <p className="small muted">{t('transparencyTexts.noticeHelp')}</p>
            {field('notice', 'en')}
            {field('notice', 'fr')}
          </fieldset>
          <p className="small muted">
            {updatedAt
              ? t('transparencyTexts.updatedAt', { date: f.dateTime(updatedAt) })
              : t('transparencyTexts.neverChanged')}
          </p>
          <button type="submit" disabled={busy}>
            {t('transparencyTexts.save')}
          </button>
          {half && (
            <p className="error" role="alert">
              {t('transparencyTexts.bothLanguages', {
                part: t(`transparencyTexts.${half}Part`),
              })}
            </p>
          )}
          {saved && (
            <p className="notice" role="status">
              {t('transparencyTexts.saved')}
            </p>
          )}
          <ErrorMessage error={saveError} />
        </form>
      )}
    </>
  );
}
