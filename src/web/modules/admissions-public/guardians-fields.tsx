import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { blankGuardian, type GuardianDraft, type GuardianRelation, MAX_GUARDIANS } from './apply-state.ts';

const RELATIONS: GuardianRelation[] = ['father', 'mother', 'guardian'];

/**
 * Parents or guardians, 1 to 4 rows: name, relation and an optional phone. Used by the
 * application's "Cha mẹ hoặc người giám hộ" step and by the dossier page's edit. Field ids are
 * `<prefix>-<i>-name|relation|phone`, as guardianProblems (apply-state.ts) names them.
 */
export function GuardiansFields({
  rows,
  onChange,
  errors,
  prefix,
}: {
  rows: GuardianDraft[];
  onChange: (rows: GuardianDraft[]) => void;
  errors: FieldErrors;
  prefix: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, next: Partial<GuardianDraft>) =>
    onChange(rows.map((g, j) => (j === i ? { ...g, ...next } : g)));
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const add = () => {
    onChange([...rows, blankGuardian()]);
    focus(`${prefix}-${rows.length}-name`);
  };
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    focus(i > 0 ? `${prefix}-${i - 1}-name` : `${prefix}-add`);
  };
  return (
    <>
      {rows.map((g, i) => {
        const id = `${prefix}-${i}`;
        const who = g.fullName.trim() || t('admissionsPublic.guardians.person', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <fieldset key={i} className="fieldset ap-guardian">
            <legend>{t('admissionsPublic.guardians.person', { n: i + 1 })}</legend>
            <TextField
              id={`${id}-name`}
              label={t('admissionsPublic.guardians.fullName')}
              error={errors[`${id}-name`]}
              autoComplete="off"
              maxLength={120}
              value={g.fullName}
              onChange={(e) => set(i, { fullName: e.target.value })}
            />
            <div className="field">
              <label htmlFor={`${id}-relation`}>{t('admissionsPublic.guardians.relation')}</label>
              <select
                id={`${id}-relation`}
                value={g.relation}
                aria-invalid={errors[`${id}-relation`] ? true : undefined}
                aria-describedby={errors[`${id}-relation`] ? `${id}-relation-error` : undefined}
                onChange={(e) => set(i, { relation: e.target.value as GuardianDraft['relation'] })}
              >
                <option value="">{t('admissionsPublic.residence.choose')}</option>
                {RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`admissionsPublic.relation.${r}`)}
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-relation`} error={errors[`${id}-relation`]} />
            </div>
            <TextField
              id={`${id}-phone`}
              label={`${t('admissionsPublic.guardians.phone')} (${t('admissionsPublic.wishes.optional')})`}
              hint={t('admissionsPublic.guardians.phoneHint')}
              error={errors[`${id}-phone`]}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              maxLength={20}
              value={g.phone}
              onChange={(e) => set(i, { phone: e.target.value })}
            />
            {rows.length > 1 && (
              <button type="button" className="link-button ap-danger" onClick={() => remove(i)}>
                {t('admissionsPublic.guardians.remove')}
                <span className="visually-hidden"> {who}</span>
              </button>
            )}
          </fieldset>
        );
      })}
      {rows.length < MAX_GUARDIANS && (
        <p>
          <button type="button" id={`${prefix}-add`} className="button secondary" onClick={add}>
            {t('admissionsPublic.guardians.add')}
          </button>
        </p>
      )}
    </>
  );
}

/** "Trần Văn Phúc (Cha) · 0905 100 101", one per line. */
export function GuardiansList({
  guardians,
}: {
  guardians: { fullName: string; relation: string; phone: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="ap-guardians">
      {guardians.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list shown as given
        <li key={i}>
          {g.fullName} ({t(`admissionsPublic.relation.${g.relation}`, { defaultValue: g.relation })})
          {g.phone && ` · ${g.phone}`}
        </li>
      ))}
    </ul>
  );
}
