import { useTranslation } from 'react-i18next';
import type { FormDetail } from './reports-api.ts';

/** A group of checkboxes (unit types, school levels). */
export function CheckList(props: {
  id: string;
  legend: string;
  values: readonly string[];
  labelKey: string;
  checked: string[];
  error: string | undefined;
  onChange: (v: string[]) => void;
}) {
  const { id, legend, values, labelKey, checked, error, onChange } = props;
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset-plain field" id={id} tabIndex={-1}>
      <legend>{legend}</legend>
      <div className="radio-list">
        {values.map((v) => (
          <div key={v} className="checkbox">
            <input
              id={`${id}-${v}`}
              type="checkbox"
              checked={checked.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...checked, v] : checked.filter((x) => x !== v))}
            />
            <label htmlFor={`${id}-${v}`}>{t(`${labelKey}.${v}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A published form, read only: its fields (frozen) and its settings. */
export function PublishedSummary({ form }: { form: FormDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rp-d-summary" className="rp-section">
      <h2 id="rp-d-summary">{t('reports.designer.summary')}</h2>
      {form.description && <p>{form.description}</p>}
      <p className="rp-meta">
        {t(`reports.periodType.${form.periodType}`)} ·{' '}
        {form.needsApproval ? t('reports.designer.needsApproval') : t('reports.designer.noApproval')}
      </p>
      <ol>
        {[...form.fields]
          .sort((a, b) => a.seq - b.seq)
          .map((f) => (
            <li key={f.code}>
              {f.label}{' '}
              <span className="muted">
                ({t(`reports.fieldType.${f.type}`)}
                {f.required ? `, ${t('reports.entry.required')}` : ''})
              </span>
            </li>
          ))}
      </ol>
    </section>
  );
}
