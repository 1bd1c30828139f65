import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RecipientList, ReportDetail } from '../api/reporting-types';
import { api } from '../api/http';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';
import { sealKeyFor } from '../public/shared/recipient-inbox';
import type { OpenedReport } from '../public/shared/recipient-inbox';

/**
 * Managers decide who reads a report: exclude a recipient for a conflict of interest (from the
 * report and its case), or seal the report's key, here, to a recipient who joined later.
 */
export function ReportAccess({
  detail,
  opened,
}: {
  detail: ReportDetail;
  opened: OpenedReport | null;
}) {
  const t = useT();
  const user = useUser();
  const { data } = useApi<RecipientList>('/api/reporting/recipients');
  const others = (data?.items ?? []).filter((r) => r.userId !== user.id);
  const [excluded, setExcluded] = useState('');
  const [reason, setReason] = useState('');
  const [shareWith, setShareWith] = useState('');
  const [done, setDone] = useState<'' | 'excluded' | 'shared'>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<void>, outcome: 'excluded' | 'shared') => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await action();
      setDone(outcome);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const exclude = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(`/api/reporting/reports/${detail.id}/exclusions`, {
        method: 'POST',
        body: { userId: Number(excluded), reason: reason.trim() },
      });
      setExcluded('');
      setReason('');
    }, 'excluded');
  };
  const share = (e: FormEvent) => {
    e.preventDefault();
    const recipient = others.find((r) => r.userId === Number(shareWith));
    if (!opened || !recipient) return;
    void run(async () => {
      const sealedKey = await sealKeyFor(opened, recipient.publicKey);
      await api(`/api/reporting/reports/${detail.id}/keys`, {
        method: 'POST',
        body: { recipientId: recipient.userId, sealedKey },
      });
      setShareWith('');
    }, 'shared');
  };

  if (others.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="report-access">
      <h2 id="report-access">{t('reportAccess.title')}</h2>
      <form className="form" onSubmit={exclude}>
        <label>
          {t('reportAccess.exclude')}
          <select required value={excluded} onChange={(e) => setExcluded(e.target.value)}>
            <option value="">{t('reportAccess.choose')}</option>
            {others.map((r) => (
              <option key={r.userId} value={r.userId}>
                {r.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reportAccess.reason')}
          <textarea
            required
            minLength={3}
            maxLength={2000}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <p className="small muted">{t('reportAccess.excludeHelp')}</p>
        <button type="submit" className="button-secondary" disabled={busy}>
          {t('reportAccess.excludeSubmit')}
        </button>
      </form>
      {opened && (
        <form className="form" onSubmit={share}>
          <label>
            {t('reportAccess.share')}
            <select required value={shareWith} onChange={(e) => setShareWith(e.target.value)}>
              <option value="">{t('reportAccess.choose')}</option>
              {others
                .filter((r) => r.status === 'active')
                .map((r) => (
                  <option key={r.userId} value={r.userId}>
                    {r.displayName}
                  </option>
                ))}
            </select>
          </label>
          <p className="small muted">{t('reportAccess.shareHelp')}</p>
          <button type="submit" className="button-secondary" disabled={busy}>
            {t('reportAccess.shareSubmit')}
          </button>
        </form>
      )}
      {done && (
        <p className="notice" role="status">
          {t(done === 'excluded' ? 'reportAccess.excludedDone' : 'reportAccess.sharedDone')}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
