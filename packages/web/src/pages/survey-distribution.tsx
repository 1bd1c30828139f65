import { useState } from 'react';
import type { FormEvent } from 'react';
import type { InvitationCodes, SurveyRound } from '../api/survey-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

/** The round's distribution link and, for invitation rounds, codes issued in bulk (shown once). */
export function Distribution({ round, onChanged }: { round: SurveyRound; onChanged: () => void }) {
  const t = useT();
  const f = useFormat();
  const [count, setCount] = useState(50);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const { busy, error, run } = useAction();
  const link = round.linkPath ? `${window.location.origin}${round.linkPath}` : null;

  const issue = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const answer = await api<InvitationCodes>(`/api/surveys/rounds/${round.id}/invitations`, {
        method: 'POST',
        body: { count },
      });
      setCodes(answer.codes);
      onChanged();
    });
  };
  const close = () =>
    run(async () => {
      await api(`/api/surveys/rounds/${round.id}/close`, { method: 'POST' });
      setConfirmClose(false);
      onChanged();
    });

  return (
    <section className="panel" aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">{t('round.distribution')}</h2>
      {link && (
        <>
          <p>{t('round.linkHelp')}</p>
          <p className="secret-box mono" data-testid="survey-link">
            {link}
          </p>
        </>
      )}
      {round.accessMode === 'invitation' && round.status !== 'closed' && (
        <form className="form" onSubmit={issue}>
          <p className="small">
            {t('round.invitationsHelp', { issued: f.number(round.invitationsIssued) })}
          </p>
          <label>
            {t('round.invitationCount')}
            <input
              type="number"
              min={1}
              max={5000}
              required
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('round.issue')}
          </button>
        </form>
      )}
      {codes && (
        <div>
          <p className="notice" role="status">
            {t('round.codesOnce', { count: codes.length })}
          </p>
          <div className="form form-wide">
            <label>
              {t('round.codes')}
              <textarea
                readOnly
                wrap="off"
                rows={Math.min(14, codes.length + 1)}
                className="mono"
                value={codes.map((c) => (link ? `${c}\t${link}#code=${c}` : c)).join('\n')}
              />
            </label>
          </div>
        </div>
      )}
      {round.status !== 'closed' && (
        <div className="actions">
          {confirmClose ? (
            <>
              <button type="button" className="button-danger" onClick={() => void close()}>
                {t('round.closeConfirm')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setConfirmClose(false)}
              >
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setConfirmClose(true)}
            >
              {t('round.closeEarly')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
