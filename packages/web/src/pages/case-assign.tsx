import { useState } from 'react';
import type { CaseCandidates, CaseDetail } from '../api/case-types';
import { api, withQuery } from '../api/http';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LocaleProvider';

/** Where the people a manager may assign a case to are listed. */
export const assigneesPath = '/api/cases/assignees';

/** Assigns the case to an investigator (manager), with an optional deadline. */
export function AssignForm({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const t = useT();
  const people = useApi<CaseCandidates>(withQuery(assigneesPath, { caseId: detail.case.id }));
  const [person, setPerson] = useState<string>(
    detail.case.assignedTo ? String(detail.case.assignedTo.id) : '',
  );
  const [deadline, setDeadline] = useState('');
  const { busy, error, run } = useAction();
  // The people on the case are candidates too (the investigator who opened it, for one).
  const options: { id: number; displayName: string }[] = [...(people.data?.people ?? [])];
  const submit = () =>
    run(async () => {
      await api(`/api/cases/${detail.case.id}/assign`, {
        method: 'POST',
        body: {
          investigatorId: person ? Number(person) : null,
          ...(deadline ? { deadline: new Date(`${deadline}T23:59:59Z`).toISOString() } : {}),
        },
      });
      reload();
    });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('case.assignTo')}
        <select value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value="">{t('case.unassigned')}</option>
          {options.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('case.deadline')}
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('case.assign')}
      </button>
    </form>
  );
}
