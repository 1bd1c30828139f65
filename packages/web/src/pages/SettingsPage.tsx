import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Role } from '../api/auth-types';
import type {
  Settings,
  TemporaryPasswordResponse,
  UserList,
  UserSummary,
} from '../api/admin-types';
import { api } from '../api/http';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useUser } from '../auth/SessionProvider';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

const roles: Role[] = ['admin', 'analyst', 'investigator', 'manager', 'auditor'];

/** A temporary password, shown once to the administrator who must pass it on. */
function TemporaryPassword({ result }: { result: TemporaryPasswordResponse }) {
  const t = useT();
  return (
    <div className="revealed" role="status">
      <p>{t('settings.temporaryPassword', { user: result.user.username })}</p>
      <p className="mono secret">
        <strong>{result.temporaryPassword}</strong>
      </p>
      <p className="muted small">{t('settings.temporaryPasswordOnce')}</p>
    </div>
  );
}

function NewUserForm({ onCreated }: { onCreated: (r: TemporaryPasswordResponse) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await api<TemporaryPasswordResponse>('/api/users', {
        method: 'POST',
        body: { username: username.trim(), displayName: displayName.trim(), role },
      });
      setUsername('');
      setDisplayName('');
      onCreated(created);
    });
  };
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="new-user-heading">
      <h3 id="new-user-heading" className="visually-hidden">
        {t('settings.newUser')}
      </h3>
      <label>
        {t('settings.username')}
        <input
          type="text"
          required
          pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,63}"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        {t('settings.displayName')}
        <input
          type="text"
          required
          maxLength={200}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </label>
      <label>
        {t('settings.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {t('settings.createUser')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function UserRow({
  user,
  self,
  reload,
  onPassword,
}: {
  user: UserSummary;
  self: boolean;
  reload: () => void;
  onPassword: (r: TemporaryPasswordResponse) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [error, setError] = useState<unknown>(null);
  const act = async (
    path: string,
    method: 'POST' | 'PATCH',
    body: unknown,
    after?: (r: unknown) => void,
  ) => {
    setError(null);
    try {
      const result = await api<unknown>(path, { method, body });
      after?.(result);
      reload();
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <tr>
      <th scope="row" className="mono">
        {user.username}
      </th>
      <td>{user.displayName}</td>
      <td>
        <select
          aria-label={t('settings.roleOf', { user: user.username })}
          value={user.role}
          disabled={self}
          onChange={(e) => void act(`/api/users/${user.id}`, 'PATCH', { role: e.target.value })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.disabled ? (
          <span className="badge badge-insufficient_data">{t('settings.disabled')}</span>
        ) : (
          <span className="badge badge-clear">{t('settings.active')}</span>
        )}{' '}
        {!user.totpEnrolled && <span className="badge badge-watch">{t('settings.noTotp')}</span>}{' '}
        {user.mustChangePassword && (
          <span className="badge badge-watch">{t('settings.mustChange')}</span>
        )}
      </td>
      <td>{f.date(user.createdAt)}</td>
      <td>
        <div className="actions">
          {!self && (
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                void act(`/api/users/${user.id}`, 'PATCH', { disabled: !user.disabled })
              }
            >
              {user.disabled ? t('settings.enable') : t('settings.disable')}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              void act(`/api/users/${user.id}/reset-password`, 'POST', {}, (r) =>
                onPassword(r as TemporaryPasswordResponse),
              )
            }
          >
            {t('settings.resetPassword')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void act(`/api/users/${user.id}/reset-totp`, 'POST', {})}
          >
            {t('settings.resetTotp')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void act(`/api/users/${user.id}/revoke-sessions`, 'POST', {})}
          >
            {t('settings.revokeSessions')}
          </button>
        </div>
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function ThresholdsForm() {
  const t = useT();
  const { data, error, loading, reload } = useApi<Settings>('/api/settings');
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setDraft(data);
  }, [data]);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!draft) return null;
  const fields: { key: keyof Settings; step: string }[] = [
    { key: 'fdrLevel', step: '0.001' },
    { key: 'watchLevel', step: '0.001' },
    { key: 'minVolume', step: '1' },
    { key: 'caseDeadlineDays', step: '1' },
    { key: 'caseReminderDays', step: '1' },
    { key: 'retentionDays', step: '1' },
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    setSaved(false);
    try {
      await api('/api/settings', { method: 'PUT', body: draft });
      setSaved(true);
      reload();
    } catch (cause) {
      setSaveError(cause);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      {fields.map(({ key, step }) => (
        <label key={key}>
          {t(`settings.field.${key}`)}
          <input
            type="number"
            step={step}
            value={draft[key]}
            aria-describedby={`help-${key}`}
            onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
          />
          <span id={`help-${key}`} className="muted small">
            {t(`settings.help.${key}`)}
          </span>
        </label>
      ))}
      <ErrorMessage error={saveError} />
      {saved && (
        <p role="status" className="notice">
          {t('settings.saved')}
        </p>
      )}
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}

/** Settings (administrator): people and their roles, and the thresholds of the analysis and of cases. */
export default function SettingsPage() {
  const t = useT();
  const me = useUser();
  const users = useApi<UserList>('/api/users');
  const [password, setPassword] = useState<TemporaryPasswordResponse | null>(null);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t('settings.users')}</h2>
        <p className="muted">{t('settings.usersIntro')}</p>
        <NewUserForm
          onCreated={(r) => {
            setPassword(r);
            users.reload();
          }}
        />
        {password && <TemporaryPassword result={password} />}
        {users.loading && !users.data && <Loading />}
        <ErrorMessage error={users.error} />
        {users.data && (
          <div className="table-scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.username')}</th>
                  <th scope="col">{t('settings.displayName')}</th>
                  <th scope="col">{t('settings.role')}</th>
                  <th scope="col">{t('settings.status')}</th>
                  <th scope="col">{t('settings.created')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    self={u.id === me.id}
                    reload={users.reload}
                    onPassword={setPassword}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="thresholds-heading">
        <h2 id="thresholds-heading">{t('settings.thresholds')}</h2>
        <p className="muted">{t('settings.thresholdsIntro')}</p>
        <ThresholdsForm />
      </section>
    </>
  );
}
