import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../lib/format.ts';
import { pickLocalized } from '../../lib/text.ts';
import type { FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { useUnitTypes } from './dossiers-admin-api.ts';
import { MODES, type ProcedureDraft, parseWhole } from './procedure-draft.ts';

interface Props {
  draft: ProcedureDraft;
  creating: boolean;
  errors: FieldErrors;
  onChange: (change: Partial<ProcedureDraft>) => void;
}

/** `aria-describedby` of a field that is not a TextField: its hint and its error, if any. */
function describedBy(id: string, errors: FieldErrors, hint = false): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The procedure's own fields: code (new only), names, mode, unit type, time, fee, active. */
export function ProcedureFields({ draft, creating, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const unitTypes = useUnitTypes();
  const types = unitTypes.data ?? [];
  const fee = parseWhole(draft.feeVnd);
  return (
    <>
      {creating && (
        <div className="filters">
          <TextField
            id="proc-code"
            label={t('dossiersAdmin.field.code')}
            hint={t('dossiersAdmin.hint.code')}
            value={draft.code}
            autoCapitalize="characters"
            spellCheck={false}
            error={errors['proc-code']}
            onChange={(e) => onChange({ code: e.target.value.toUpperCase() })}
          />
          <TextField
            id="proc-codePrefix"
            label={t('dossiersAdmin.field.codePrefix')}
            hint={t('dossiersAdmin.hint.codePrefix')}
            value={draft.codePrefix}
            autoCapitalize="characters"
            spellCheck={false}
            error={errors['proc-codePrefix']}
            onChange={(e) => onChange({ codePrefix: e.target.value.toUpperCase() })}
          />
        </div>
      )}
      <TextField
        id="proc-nameVi"
        label={t('dossiersAdmin.field.nameVi')}
        lang="vi"
        value={draft.nameVi}
        error={errors['proc-nameVi']}
        onChange={(e) => onChange({ nameVi: e.target.value })}
      />
      <TextField
        id="proc-nameEn"
        label={t('dossiersAdmin.field.nameEn')}
        lang="en"
        value={draft.nameEn}
        error={errors['proc-nameEn']}
        onChange={(e) => onChange({ nameEn: e.target.value })}
      />
      <fieldset className="fieldset" aria-describedby={describedBy('proc-mode', errors, true)}>
        <legend>{t('dossiersAdmin.field.mode')}</legend>
        <p id="proc-mode-hint" className="hint">
          {t('dossiersAdmin.hint.mode')}
        </p>
        {MODES.map((m, i) => (
          <div className="checkbox" key={m}>
            <input
              type="radio"
              id={i === 0 ? 'proc-mode' : `proc-mode-${m}`}
              name="proc-mode"
              value={m}
              checked={draft.mode === m}
              onChange={() => onChange({ mode: m })}
            />
            <label htmlFor={i === 0 ? 'proc-mode' : `proc-mode-${m}`}>{t(`dossiersAdmin.mode.${m}`)}</label>
          </div>
        ))}
        <FieldError id="proc-mode" error={errors['proc-mode']} />
      </fieldset>
      <div className="filters">
        <div className="field">
          <label htmlFor="proc-unitType">{t('dossiersAdmin.field.unitType')}</label>
          <select
            id="proc-unitType"
            value={draft.unitType}
            aria-invalid={errors['proc-unitType'] ? true : undefined}
            aria-describedby={describedBy('proc-unitType', errors)}
            onChange={(e) => onChange({ unitType: e.target.value })}
          >
            {!types.some((u) => u.code === draft.unitType) && <option value={draft.unitType}>{draft.unitType}</option>}
            {types.map((u) => (
              <option key={u.code} value={u.code}>
                {pickLocalized(u.name, i18n.resolvedLanguage)}
              </option>
            ))}
          </select>
          <FieldError id="proc-unitType" error={errors['proc-unitType']} />
        </div>
        <TextField
          id="proc-processingDays"
          label={t('dossiersAdmin.field.processingDays')}
          hint={t('dossiersAdmin.hint.processingDays')}
          inputMode="numeric"
          value={draft.processingDays}
          error={errors['proc-processingDays']}
          onChange={(e) => onChange({ processingDays: e.target.value })}
        />
        <TextField
          id="proc-cutoffTime"
          label={t('dossiersAdmin.field.cutoffTime')}
          hint={t('dossiersAdmin.hint.cutoffTime')}
          inputMode="numeric"
          placeholder="17:00"
          value={draft.cutoffTime}
          error={errors['proc-cutoffTime']}
          onChange={(e) => onChange({ cutoffTime: e.target.value })}
        />
        <TextField
          id="proc-feeVnd"
          label={t('dossiersAdmin.field.feeVnd')}
          hint={
            Number.isNaN(fee) ? t('dossiersAdmin.hint.fee') : t('dossiersAdmin.hint.feeIs', { fee: formatVnd(fee) })
          }
          inputMode="numeric"
          value={draft.feeVnd}
          error={errors['proc-feeVnd']}
          onChange={(e) => onChange({ feeVnd: e.target.value })}
        />
      </div>
      <div className="checkbox">
        <input
          type="checkbox"
          id="proc-active"
          checked={draft.active}
          aria-describedby="proc-active-hint"
          onChange={(e) => onChange({ active: e.target.checked })}
        />
        <label htmlFor="proc-active">{t('dossiersAdmin.field.active')}</label>
      </div>
      <p id="proc-active-hint" className="hint">
        {t('dossiersAdmin.hint.active')}
      </p>
    </>
  );
}
