import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../lib/text.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { type PickedUnit, UnitPicker } from './unit-picker.tsx';
import { useCreateUser, useRoles } from './users-api.ts';

interface Grant {
  role: string;
  unit: PickedUnit;
}

/** Create a user with role grants; shows the generated password once through onCreated. */
export function UserCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (username: string, temporaryPassword: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const create = useCreateUser();
  const [grants, setGrants] = useState<Grant[]>([]);
  const [role, setRole] = useState('');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const roleName = (code: string) => {
    const r = roles.data?.find((x) => x.code === code);
    return r ? pickLocalized(r.name, i18n.resolvedLanguage) : code;
  };

  function addGrant() {
    if (!role || !unit) return;
    if (!grants.some((g) => g.role === role && g.unit.id === unit.id)) setGrants([...grants, { role, unit }]);
    setUnit(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const username = text('username').toLowerCase();
    create.mutate(
      {
        username,
        fullName: text('fullName'),
        email: text('email') || null,
        password: text('password') || undefined,
        grants: grants.map((g) => ({ role: g.role, unitId: g.unit.id })),
      },
      { onSuccess: (r) => onCreated(r.user.username, r.temporaryPassword) },
    );
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="nu-username">{t('users.username')}</label>
        <input
          id="nu-username"
          name="username"
          required
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby="nu-username-hint"
        />
        <p id="nu-username-hint" className="hint">
          {t('users.usernameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="nu-fullname">{t('users.fullName')}</label>
        <input id="nu-fullname" name="fullName" required autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="nu-email">{t('users.email')}</label>
        <input id="nu-email" name="email" type="email" autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="nu-password">{t('users.initialPassword')}</label>
        <input
          id="nu-password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-describedby="nu-pw-hint"
        />
        <p id="nu-pw-hint" className="hint">
          {t('users.initialPasswordHint')}
        </p>
      </div>
      <fieldset className="fieldset">
        <legend>{t('users.grants')}</legend>
        {grants.length > 0 && (
          <ul className="grant-list">
            {grants.map((g) => (
              <li key={`${g.role}:${g.unit.id}`}>
                {roleName(g.role)} — {g.unit.name}{' '}
                <button type="button" className="link-button" onClick={() => setGrants(grants.filter((x) => x !== g))}>
                  {t('action.remove')}
                  <span className="visually-hidden">
                    {' '}
                    {roleName(g.role)} — {g.unit.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor="nu-role">{t('users.role')}</label>
          <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('users.pickRole')}</option>
            {roles.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {pickLocalized(r.name, i18n.resolvedLanguage)}
              </option>
            ))}
          </select>
        </div>
        <UnitPicker value={unit} onChange={setUnit} />
        <button type="button" className="button secondary" disabled={!role || !unit} onClick={addGrant}>
          {t('users.addGrant')}
        </button>
      </fieldset>
      <FormStatus error={create.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('users.submitCreate')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
