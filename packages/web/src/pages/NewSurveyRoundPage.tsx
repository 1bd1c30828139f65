import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { QuestionnaireList, SurveyRound, SurveyRoundCreate } from '../api/survey-types';
import { api } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';
import { useLocalized } from '../i18n/localized';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A manager creates a survey round: questionnaire, dates, access, minimum group size. */
export default function NewSurveyRoundPage() {
  const t = useT();
  const localized = useLocalized();
  const navigate = useNavigate();
  const { data, error: loadError } = useApi<QuestionnaireList>('/api/surveys/questionnaires');
  const today = new Date();
  const [title, setTitle] = useState('');
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [opensOn, setOpensOn] = useState(isoDay(today));
  const [closesOn, setClosesOn] = useState(isoDay(new Date(today.getTime() + 30 * 86_400_000)));
  const [accessMode, setAccessMode] = useState<'open' | 'invitation'>('open');
  const [minGroupSize, setMinGroupSize] = useState(10);
  const [answersPerHour, setAnswersPerHour] = useState(600);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = questionnaireId || data?.questionnaires[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: SurveyRoundCreate = {
      title: title.trim(),
      questionnaireId: chosen,
      opensOn,
      closesOn,
      accessMode,
      minGroupSize,
      answersPerHour,
    };
    try {
      const round = await api<SurveyRound>('/api/surveys/rounds', { method: 'POST', body });
      navigate(`/surveys/${round.id}`);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <h1>{t('newRound.title')}</h1>
      <p>{t('newRound.intro')}</p>
      <ErrorMessage error={loadError} />
      {!data && !loadError && <Loading />}
      {data && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <label>
            {t('newRound.roundTitle')}
            <input
              type="text"
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label>
            {t('newRound.questionnaire')}
            <select value={chosen} onChange={(e) => setQuestionnaireId(e.target.value)}>
              {data.questionnaires.map((q) => (
                <option key={q.id} value={q.id}>
                  {localized(q.title)} ({t(`audience.${q.audience}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('newRound.opensOn')}
            <input
              type="date"
              required
              value={opensOn}
              onChange={(e) => setOpensOn(e.target.value)}
            />
          </label>
          <label>
            {t('newRound.closesOn')}
            <input
              type="date"
              required
              min={opensOn}
              value={closesOn}
              onChange={(e) => setClosesOn(e.target.value)}
            />
          </label>
          <p className="small muted">{t('newRound.datesHelp')}</p>
          <fieldset>
            <legend>{t('newRound.access')}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="access"
                checked={accessMode === 'open'}
                onChange={() => setAccessMode('open')}
              />
              {t('newRound.accessOpen')}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="access"
                checked={accessMode === 'invitation'}
                onChange={() => setAccessMode('invitation')}
              />
              {t('newRound.accessInvitation')}
            </label>
          </fieldset>
          <label>
            {t('newRound.minGroupSize')}
            <input
              type="number"
              required
              min={5}
              max={1000}
              value={minGroupSize}
              aria-describedby="min-group-help"
              onChange={(e) => setMinGroupSize(Number(e.target.value))}
            />
          </label>
          <p id="min-group-help" className="small muted">
            {t('newRound.minGroupSizeHelp')}
          </p>
          <label>
            {t('newRound.answersPerHour')}
            <input
              type="number"
              required
              min={1}
              max={100000}
              value={answersPerHour}
              aria-describedby="per-hour-help"
              onChange={(e) => setAnswersPerHour(Number(e.target.value))}
            />
          </label>
          <p id="per-hour-help" className="small muted">
            {t('newRound.answersPerHourHelp')}
          </p>
          <button type="submit" disabled={busy}>
            {t('newRound.create')}
          </button>
          <ErrorMessage error={error} />
        </form>
      )}
    </>
  );
}
