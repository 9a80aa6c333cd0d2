import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ASSIGNABLE_UNIT_TYPES, PERIOD_TYPES, SCHOOL_LEVELS } from '../../../shared/reports.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useMe } from '../../lib/session.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { FieldRow, RuleRow, SectionRow } from './designer-fields.tsx';
import {
  DESIGNER_IDS,
  type DesignerDraft,
  designerFieldOf,
  emptyDraft,
  emptyField,
  emptyRule,
  fromDetail,
  move,
  newKey,
  toFormBody,
} from './designer-model.ts';
import { CheckList, PublishedSummary } from './designer-parts.tsx';
import { PeriodsPanel } from './periods-panel.tsx';
import { createForm, type FormDetail, getForm, publishForm, updateForm } from './reports-api.ts';
import { UnitPicker } from './unit-picker.tsx';
import './reports.css';

/** /bao-cao/bieu-mau/moi — a new form. */
export function DesignerNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.designer.newTitle'));
  const me = useMe();
  const owner = me.grants[0]?.unitId ?? '';
  return <Designer initial={emptyDraft(owner)} form={null} />;
}

/** /bao-cao/bieu-mau/:id — a draft form to edit and publish; a published one to read, with its periods. */
export function DesignerEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const form = useQuery({ queryKey: ['report-form', id], queryFn: ({ signal }) => getForm(id, signal) });
  usePageTitle(form.data?.title ?? t('reports.designer.editTitle'));
  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />;
  // Keyed by id only: a save keeps the inputs as typed (the new version comes in through `form`).
  return <Designer key={form.data.id} initial={fromDetail(form.data)} form={form.data} />;
}

function Designer({ initial, form }: { initial: DesignerDraft; form: FormDetail | null }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<DesignerDraft>(initial);
  const location = useLocation();
  const justCreated = (location.state as { saved?: boolean } | null)?.saved === true;
  const [success, setSuccess] = useState<string | null>(justCreated ? t('reports.designer.saved') : null);
  const errors = useFormErrors();
  const editable = !form || form.can.edit;
  const set = <K extends keyof DesignerDraft>(k: K, v: DesignerDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const owners = [...new Map(me.grants.map((g) => [g.unitId, g.unitName])).entries()];

  const fail = (error: unknown) => {
    setSuccess(null);
    const { fields, general } = apiErrors(
      error,
      i18n.resolvedLanguage,
      (p) => designerFieldOf(d, p),
      t('error.generic'),
    );
    errors.show(fields, general);
  };
  const save = useMutation({
    mutationFn: () => {
      const body = toFormBody(d);
      return form ? updateForm(form.id, { ...body, version: form.version }) : createForm(body);
    },
    onSuccess: (saved) => {
      errors.clear();
      qc.setQueryData(['report-form', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['report-forms'] });
      if (!form) navigate(`/bao-cao/bieu-mau/${saved.id}`, { state: { saved: true } });
      else setSuccess(t('reports.designer.saved'));
    },
    onError: fail,
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (!form) throw new Error('unsaved');
      const saved = await updateForm(form.id, { ...toFormBody(d), version: form.version });
      return publishForm(saved.id, saved.version);
    },
    onSuccess: (published) => {
      errors.clear();
      qc.setQueryData(['report-form', published.id], published);
      void qc.invalidateQueries({ queryKey: ['report-forms'] });
    },
    onError: fail,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSuccess(null);
    save.mutate();
  };
  const title = form ? form.title : t('reports.designer.newTitle');

  return (
    <div className="rp-page narrow">
      <p>
        <Link to="/bao-cao/bieu-mau">{t('reports.forms.back')}</Link>
      </p>
      <h1>{title}</h1>
      {form && (
        <p className="rp-meta">
          {form.code} · <span className="rp-status">{t(`reports.formStatus.${form.status}`)}</span>
        </p>
      )}
      {form && !editable && <PublishedSummary form={form} />}
      {form && form.status !== 'draft' && <PeriodsPanel form={form} />}
      {editable && (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
          <section aria-labelledby="rp-d-general" className="rp-section">
            <h2 id="rp-d-general">{t('reports.designer.general')}</h2>
            <TextField
              id={DESIGNER_IDS.title}
              label={t('reports.designer.title')}
              value={d.title}
              error={errors.fields[DESIGNER_IDS.title]}
              onChange={(e) => set('title', e.target.value)}
            />
            <TextField
              id={DESIGNER_IDS.code}
              label={t('reports.designer.code')}
              hint={t('reports.designer.codeHint')}
              value={d.code}
              error={errors.fields[DESIGNER_IDS.code]}
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(e) => set('code', e.target.value)}
            />
            <TextArea
              id={DESIGNER_IDS.description}
              label={t('reports.designer.description')}
              rows={3}
              value={d.description}
              onChange={(e) => set('description', e.target.value)}
            />
            <Select
              id="rp-d-kind"
              label={t('reports.designer.kind')}
              value={d.kind}
              error={undefined}
              onChange={(v) => set('kind', v as DesignerDraft['kind'])}
            >
              <option value="report">{t('reports.kind.report')}</option>
              <option value="survey">{t('reports.kind.survey')}</option>
            </Select>
            {owners.length > 1 && (
              <Select
                id="rp-d-owner"
                label={t('reports.designer.owner')}
                value={d.ownerUnitId}
                error={errors.fields['rp-d-owner']}
                onChange={(v) => set('ownerUnitId', v)}
              >
                {owners.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </Select>
            )}
            <Select
              id={DESIGNER_IDS.periodType}
              label={t('reports.designer.periodType')}
              value={d.periodType}
              error={errors.fields[DESIGNER_IDS.periodType]}
              onChange={(v) => set('periodType', v as DesignerDraft['periodType'])}
            >
              {PERIOD_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`reports.periodType.${p}`)}
                </option>
              ))}
            </Select>
            <div className="checkbox">
              <input
                id="rp-d-approval"
                type="checkbox"
                checked={d.needsApproval}
                onChange={(e) => set('needsApproval', e.target.checked)}
              />
              <label htmlFor="rp-d-approval">{t('reports.designer.needsApproval')}</label>
            </div>
          </section>

          <section aria-labelledby="rp-d-window" className="rp-section">
            <h2 id="rp-d-window">{t('reports.designer.window')}</h2>
            <p className="hint">{t('reports.designer.windowHint')}</p>
            <div className="rp-grid">
              <TextField
                id={DESIGNER_IDS.opens}
                label={t('reports.designer.opens')}
                inputMode="numeric"
                value={d.opensDaysBeforeEnd}
                error={errors.fields[DESIGNER_IDS.opens]}
                onChange={(e) => set('opensDaysBeforeEnd', e.target.value)}
              />
              <TextField
                id={DESIGNER_IDS.closes}
                label={t('reports.designer.closes')}
                inputMode="numeric"
                value={d.closesDaysAfterEnd}
                error={errors.fields[DESIGNER_IDS.closes]}
                onChange={(e) => set('closesDaysAfterEnd', e.target.value)}
              />
              <TextField
                id={DESIGNER_IDS.remind}
                label={t('reports.designer.remind')}
                inputMode="numeric"
                value={d.remindDaysBefore}
                error={errors.fields[DESIGNER_IDS.remind]}
                onChange={(e) => set('remindDaysBefore', e.target.value)}
              />
            </div>
          </section>

          <section aria-labelledby="rp-d-assign" className="rp-section">
            <h2 id="rp-d-assign">{t('reports.designer.assignment')}</h2>
            <CheckList
              id={DESIGNER_IDS.unitTypes}
              legend={t('reports.designer.unitTypes')}
              values={ASSIGNABLE_UNIT_TYPES}
              labelKey="reports.unitType"
              checked={d.unitTypes}
              error={errors.fields[DESIGNER_IDS.unitTypes]}
              onChange={(v) => set('unitTypes', v)}
            />
            <CheckList
              id="rp-d-levels"
              legend={t('reports.designer.schoolLevels')}
              values={SCHOOL_LEVELS}
              labelKey="level"
              checked={d.schoolLevels}
              error={undefined}
              onChange={(v) => set('schoolLevels', v)}
            />
            <UnitPicker units={d.units} onChange={(units) => set('units', units)} />
          </section>

          <section aria-labelledby="rp-d-sections" className="rp-section">
            <h2 id="rp-d-sections">{t('reports.designer.sections')}</h2>
            {d.sections.length === 0 && <p className="hint">{t('reports.designer.noSections')}</p>}
            {d.sections.map((s, i) => (
              <SectionRow
                key={s.key}
                section={s}
                index={i}
                errors={errors.fields}
                onChange={(next) =>
                  set(
                    'sections',
                    d.sections.map((x) => (x.key === s.key ? next : x)),
                  )
                }
                onRemove={() =>
                  set(
                    'sections',
                    d.sections.filter((x) => x.key !== s.key),
                  )
                }
              />
            ))}
            <button
              type="button"
              className="button secondary"
              onClick={() => set('sections', [...d.sections, { key: newKey('s'), code: '', title: '' }])}
            >
              {t('reports.designer.addSection')}
            </button>
          </section>

          <section aria-labelledby={DESIGNER_IDS.fieldsHeading} className="rp-section">
            <h2 id={DESIGNER_IDS.fieldsHeading} tabIndex={-1}>
              {t('reports.designer.fields')}
            </h2>
            {d.fields.map((f, i) => (
              <FieldRow
                key={f.key}
                field={f}
                index={i}
                count={d.fields.length}
                sections={d.sections.filter((s) => s.code.trim())}
                errors={errors.fields}
                onChange={(next) =>
                  set(
                    'fields',
                    d.fields.map((x) => (x.key === f.key ? next : x)),
                  )
                }
                onMove={(delta) => set('fields', move(d.fields, i, delta))}
                onRemove={() =>
                  set(
                    'fields',
                    d.fields.filter((x) => x.key !== f.key),
                  )
                }
              />
            ))}
            <button
              type="button"
              className="button secondary"
              onClick={() => set('fields', [...d.fields, emptyField()])}
            >
              {t('reports.designer.addField')}
            </button>
          </section>

          <section aria-labelledby="rp-d-rules" className="rp-section">
            <h2 id="rp-d-rules">{t('reports.designer.rules')}</h2>
            <p className="hint">{t('reports.designer.rulesHint')}</p>
            {d.rules.map((r, i) => (
              <RuleRow
                key={r.key}
                rule={r}
                index={i}
                errors={errors.fields}
                onChange={(next) =>
                  set(
                    'rules',
                    d.rules.map((x) => (x.key === r.key ? next : x)),
                  )
                }
                onRemove={() =>
                  set(
                    'rules',
                    d.rules.filter((x) => x.key !== r.key),
                  )
                }
              />
            ))}
            <button type="button" className="button secondary" onClick={() => set('rules', [...d.rules, emptyRule()])}>
              {t('reports.designer.addRule')}
            </button>
          </section>

          <FormStatus success={success} />
          <div className="rp-actions">
            <button type="submit" className="button" disabled={save.isPending || publish.isPending}>
              {t('reports.designer.save')}
            </button>
            {form?.can.publish && (
              <button
                type="button"
                className="button secondary"
                disabled={save.isPending || publish.isPending}
                onClick={() => {
                  setSuccess(null);
                  publish.mutate();
                }}
              >
                {t('reports.designer.publish')}
              </button>
            )}
          </div>
          {!form && <p className="hint">{t('reports.designer.publishLater')}</p>}
        </form>
      )}
    </div>
  );
}
