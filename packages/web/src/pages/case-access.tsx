import { useState } from 'react';
import type { CaseCandidates, CaseDetail } from '../api/case-types';
import { withQuery } from '../api/http';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';
import { assigneesPath } from './case-assign';
import { useCaseAction } from './use-case-action';

/**
 * Who may see the case (need-to-know) and who is excluded for a conflict of
 * interest; a manager grants, revokes, excludes and lifts exclusions.
 */
export function AccessPanel({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const id = detail.case.id;
  const manage = detail.permissions.manageAccess;
  const investigators = useApi<CaseCandidates>(
    manage ? withQuery(assigneesPath, { caseId: id }) : null,
  );
  const people = useApi<CaseCandidates>(
    manage ? withQuery('/api/cases/people', { caseId: id }) : null,
  );
  const [grantee, setGrantee] = useState('');
  const [excluded, setExcluded] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, post } = useCaseAction(reload);
  const withAccess = new Set(detail.access.map((p) => p.id));
  const canGrant = (investigators.data?.people ?? []).filter((p) => !withAccess.has(p.id));
  return (
    <section className="panel" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('case.access')}</h2>
      <ul className="plain-list">
        {detail.access.map((p) => (
          <li key={p.id}>
            {p.displayName}{' '}
            {manage && (
              <button
                type="button"
                className="button-link"
                disabled={busy}
                aria-label={t('access.revokeFor', { person: p.displayName })}
                onClick={() => void post(`/api/cases/${id}/access`, { userId: p.id, grant: false })}
              >
                {t('access.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && canGrant.length > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (grantee) {
              void post(`/api/cases/${id}/access`, { userId: Number(grantee), grant: true }, () =>
                setGrantee(''),
              );
            }
          }}
        >
          <label>
            {t('access.grantTo')}
            <select value={grantee} onChange={(e) => setGrantee(e.target.value)}>
              <option value="">{t('access.choose')}</option>
              {canGrant.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !grantee}>
            {t('access.grant')}
          </button>
        </form>
      )}
      {(detail.exclusions.length > 0 || manage) && <h3>{t('case.exclusions')}</h3>}
      {detail.exclusions.length > 0 && (
        <ul className="plain-list">
          {detail.exclusions.map((x) => (
            <li key={x.person.id}>
              <strong>{x.person.displayName}</strong>
              {t('common.colon')}
              {x.reason}{' '}
              {manage && (
                <button
                  type="button"
                  className="button-link"
                  disabled={busy}
                  onClick={() =>
                    void post(`/api/cases/${id}/exclusions`, { userId: x.person.id, lift: true })
                  }
                >
                  {t('access.lift')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (people.data?.people.length ?? 0) > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (excluded) {
              void post(
                `/api/cases/${id}/exclusions`,
                { userId: Number(excluded), reason: reason.trim() },
                () => {
                  setExcluded('');
                  setReason('');
                },
              );
            }
          }}
        >
          <p className="muted small">{t('access.excludeHelp')}</p>
          <label>
            {t('access.exclude')}
            <select value={excluded} onChange={(e) => setExcluded(e.target.value)}>
              <option value="">{t('access.choose')}</option>
              {(people.data?.people ?? []).map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.displayName} ({t(`role.${p.role}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('access.reason')}
            <input
              type="text"
              value={reason}
              minLength={5}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy || !excluded || reason.trim().length < 5}>
            {t('access.excludeSubmit')}
          </button>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
