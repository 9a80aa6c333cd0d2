import { useTranslation } from 'react-i18next';
import { AGGREGATIONS, FIELD_TYPES, RULE_OPS } from '../../../shared/reports.schema.ts';
import { Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { codeFromLabel, type FieldDraft, fieldInputId, type RuleDraft, type SectionDraft } from './designer-model.ts';

type Errors = Record<string, string>;

const NUMERIC = ['integer', 'decimal'];
const LENGTH = ['text', 'long_text'];
const CHOICE = ['single_choice', 'multiple_choice'];

/** One field of the form being designed: its label, code, type and checks; moved up/down, removed. */
export function FieldRow(props: {
  field: FieldDraft;
  index: number;
  count: number;
  sections: SectionDraft[];
  errors: Errors;
  onChange: (f: FieldDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { field: f, index, count, sections, errors, onChange, onMove, onRemove } = props;
  const { t } = useTranslation();
  const id = (part: string) => fieldInputId(f.key, part);
  const set = <K extends keyof FieldDraft>(k: K, v: FieldDraft[K]) => onChange({ ...f, [k]: v });
  const name = f.label || t('reports.designer.field.untitled', { n: index + 1 });
  return (
    <fieldset className="rp-field-row">
      <legend>
        {index + 1}. {name}
      </legend>
      <div className="rp-grid">
        <TextField
          id={id('label')}
          label={t('reports.designer.field.label')}
          value={f.label}
          error={errors[id('label')]}
          onChange={(e) => set('label', e.target.value)}
          onBlur={() => {
            if (!f.code.trim() && f.label.trim()) set('code', codeFromLabel(f.label));
          }}
        />
        <TextField
          id={id('code')}
          label={t('reports.designer.field.code')}
          hint={t('reports.designer.field.codeHint')}
          value={f.code}
          error={errors[id('code')]}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => set('code', e.target.value)}
        />
        <Select
          id={id('type')}
          label={t('reports.designer.field.type')}
          value={f.type}
          error={errors[id('type')]}
          onChange={(v) => set('type', v as FieldDraft['type'])}
        >
          {FIELD_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`reports.fieldType.${ty}`)}
            </option>
          ))}
        </Select>
        {sections.length > 0 && (
          <Select
            id={id('section')}
            label={t('reports.designer.field.section')}
            value={f.section}
            error={errors[id('section')]}
            onChange={(v) => set('section', v)}
          >
            <option value="">{t('reports.designer.field.noSection')}</option>
            {sections.map((s) => (
              <option key={s.key} value={s.code}>
                {s.title || s.code}
              </option>
            ))}
          </Select>
        )}
        {(NUMERIC.includes(f.type) || LENGTH.includes(f.type)) && (
          <>
            <TextField
              id={id('min')}
              label={t(NUMERIC.includes(f.type) ? 'reports.designer.field.min' : 'reports.designer.field.minLength')}
              inputMode="decimal"
              value={f.min}
              error={errors[id('min')]}
              onChange={(e) => set('min', e.target.value)}
            />
            <TextField
              id={id('max')}
              label={t(NUMERIC.includes(f.type) ? 'reports.designer.field.max' : 'reports.designer.field.maxLength')}
              inputMode="decimal"
              value={f.max}
              error={errors[id('max')]}
              onChange={(e) => set('max', e.target.value)}
            />
          </>
        )}
        {NUMERIC.includes(f.type) && (
          <>
            <Select
              id={id('aggregation')}
              label={t('reports.designer.field.aggregation')}
              value={f.aggregation}
              error={undefined}
              onChange={(v) => set('aggregation', v as FieldDraft['aggregation'])}
            >
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`reports.aggregation.${a}`)}
                </option>
              ))}
            </Select>
            <TextField
              id={id('unit')}
              label={t('reports.designer.field.unitLabel')}
              value={f.unitLabel}
              error={errors[id('unit')]}
              onChange={(e) => set('unitLabel', e.target.value)}
            />
          </>
        )}
      </div>
      {CHOICE.includes(f.type) && (
        <TextArea
          id={id('options')}
          label={t('reports.designer.field.options')}
          hint={t('reports.designer.field.optionsHint')}
          rows={4}
          value={f.options}
          error={errors[id('options')]}
          onChange={(e) => set('options', e.target.value)}
        />
      )}
      <TextArea
        id={id('help')}
        label={t('reports.designer.field.help')}
        rows={2}
        value={f.help}
        error={errors[id('help')]}
        onChange={(e) => set('help', e.target.value)}
      />
      <div className="checkbox">
        <input
          id={id('required')}
          type="checkbox"
          checked={f.required}
          onChange={(e) => set('required', e.target.checked)}
        />
        <label htmlFor={id('required')}>{t('reports.designer.field.required')}</label>
      </div>
      <div className="rp-actions">
        <button type="button" className="button secondary" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('reports.designer.up')}
          <span className="visually-hidden">: {name}</span>
        </button>
        <button type="button" className="button secondary" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('reports.designer.down')}
          <span className="visually-hidden">: {name}</span>
        </button>
        <button type="button" className="button secondary" disabled={count === 1} onClick={onRemove}>
          {t('reports.designer.remove')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </div>
    </fieldset>
  );
}

/** A section (a titled group of fields). */
export function SectionRow(props: {
  section: SectionDraft;
  index: number;
  errors: Errors;
  onChange: (s: SectionDraft) => void;
  onRemove: () => void;
}) {
  const { section: s, index, errors, onChange, onRemove } = props;
  const { t } = useTranslation();
  const id = (part: string) => fieldInputId(s.key, part);
  return (
    <fieldset className="rp-field-row">
      <legend>{t('reports.designer.section.legend', { n: index + 1 })}</legend>
      <div className="rp-grid">
        <TextField
          id={id('title')}
          label={t('reports.designer.section.title')}
          value={s.title}
          error={errors[id('title')]}
          onChange={(e) => onChange({ ...s, title: e.target.value })}
          onBlur={() => {
            if (!s.code.trim() && s.title.trim()) onChange({ ...s, code: codeFromLabel(s.title) });
          }}
        />
        <TextField
          id={id('code')}
          label={t('reports.designer.field.code')}
          value={s.code}
          error={errors[id('code')]}
          autoCapitalize="none"
          onChange={(e) => onChange({ ...s, code: e.target.value })}
        />
      </div>
      <button type="button" className="button secondary" onClick={onRemove}>
        {t('reports.designer.remove')}
        <span className="visually-hidden">: {s.title || s.code}</span>
      </button>
    </fieldset>
  );
}

/** A cross-field rule: `left op right` or `a, b, c (sum) op total`. */
export function RuleRow(props: {
  rule: RuleDraft;
  index: number;
  errors: Errors;
  onChange: (r: RuleDraft) => void;
  onRemove: () => void;
}) {
  const { rule: r, index, errors, onChange, onRemove } = props;
  const { t } = useTranslation();
  const id = (part: string) => fieldInputId(r.key, part);
  const set = <K extends keyof RuleDraft>(k: K, v: RuleDraft[K]) => onChange({ ...r, [k]: v });
  return (
    <fieldset className="rp-field-row">
      <legend>{t('reports.designer.rule.legend', { n: index + 1 })}</legend>
      <div className="rp-grid">
        <Select
          id={id('kind')}
          label={t('reports.designer.rule.kind')}
          value={r.kind}
          error={undefined}
          onChange={(v) => set('kind', v as RuleDraft['kind'])}
        >
          <option value="compare">{t('reports.designer.rule.compare')}</option>
          <option value="sum">{t('reports.designer.rule.sum')}</option>
        </Select>
        <TextField
          id={id('code')}
          label={t('reports.designer.rule.code')}
          value={r.code}
          error={errors[id('code')]}
          autoCapitalize="none"
          onChange={(e) => set('code', e.target.value)}
        />
        <TextField
          id={id('left')}
          label={t(r.kind === 'sum' ? 'reports.designer.rule.terms' : 'reports.designer.rule.left')}
          value={r.left}
          error={errors[id('left')]}
          autoCapitalize="none"
          onChange={(e) => set('left', e.target.value)}
        />
        <Select
          id={id('op')}
          label={t('reports.designer.rule.op')}
          value={r.op}
          error={undefined}
          onChange={(v) => set('op', v as RuleDraft['op'])}
        >
          {RULE_OPS.map((op) => (
            <option key={op} value={op}>
              {t(`reports.ruleOp.${op}`)}
            </option>
          ))}
        </Select>
        <TextField
          id={id('right')}
          label={t(r.kind === 'sum' ? 'reports.designer.rule.total' : 'reports.designer.rule.right')}
          value={r.right}
          error={errors[id('right')]}
          autoCapitalize="none"
          onChange={(e) => set('right', e.target.value)}
        />
        <TextField
          id={id('message')}
          label={t('reports.designer.rule.message')}
          value={r.message}
          error={undefined}
          onChange={(e) => set('message', e.target.value)}
        />
      </div>
      <button type="button" className="button secondary" onClick={onRemove}>
        {t('reports.designer.remove')}
        <span className="visually-hidden">: {r.code || t('reports.designer.rule.legend', { n: index + 1 })}</span>
      </button>
    </fieldset>
  );
}
