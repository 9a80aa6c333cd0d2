import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { pathToField, usePlanFormErrors } from './form-errors.ts';
import { basesText, parseBases, parseSections, sectionsText } from './plan-form.ts';
import { createPlan, getPlan, type PlanDetail, updatePlan } from './plans-api.ts';
import { type UnitChoice, UnitPicker } from './unit-picker.tsx';
import './plans.css';

const FIELDS = [
  'number',
  'issuedOn',
  'issuingUnitId',
  'title',
  'yearFrom',
  'yearTo',
  'status',
  'summary',
  'sections',
  'legalBases',
] as const;
const fieldOf = pathToField('pf', FIELDS);
const LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [`pf-${f}`, `plans.form.${f}`]));

/** /ke-hoach/moi — a new plan (plans.manage). */
export function PlanCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.form.createTitle'));
  return <PlanForm plan={null} />;
}

/** /ke-hoach/:id/sua — change a plan's header, legal bases and sections. */
export function PlanEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useQuery({ queryKey: ['plan', id], queryFn: ({ signal }) => getPlan(id, signal) });
  usePageTitle(t('plans.form.editTitle'));
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  return <PlanForm plan={plan.data} />;
}

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : s);

function PlanForm({ plan }: { plan: PlanDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState(plan?.number ?? '');
  const [issuedOn, setIssuedOn] = useState<string | null>(plan?.issuedOn ?? '');
  const [unit, setUnit] = useState<UnitChoice>({
    text: plan?.issuingUnitName ?? '',
    unitId: plan?.issuingUnitId ?? null,
  });
  const [title, setTitle] = useState(plan?.title ?? '');
  const [yearFrom, setYearFrom] = useState(String(plan?.yearFrom ?? new Date().getFullYear()));
  const [yearTo, setYearTo] = useState(String(plan?.yearTo ?? new Date().getFullYear()));
  const [status, setStatus] = useState<string>(plan?.status ?? 'draft');
  const [summary, setSummary] = useState(plan?.summary ?? '');
  const [sections, setSections] = useState(plan ? sectionsText(plan) : '');
  const [bases, setBases] = useState(plan ? basesText(plan) : '');
  const errors = usePlanFormErrors(fieldOf, LABELS);
  const e = errors.fields;
  const save = useMutation({
    mutationFn: () => {
      const body = {
        number: number.trim() || null,
        issuedOn: issuedOn || null,
        issuingUnitId: unit.unitId,
        title,
        yearFrom: num(yearFrom),
        yearTo: num(yearTo),
        status,
        summary: summary.trim() || null,
        sections: parseSections(sections),
        legalBases: parseBases(bases),
      };
      return plan ? updatePlan(plan.id, { ...body, expectedVersion: plan.version }) : createPlan(body);
    },
    onSuccess: (saved) => navigate(`/ke-hoach/${saved.id}`),
    onError: (err) => errors.fromApi(err),
  });
  function submit(ev: FormEvent) {
    ev.preventDefault();
    if (issuedOn === null) return errors.fromClient({ 'pf-issuedOn': 'plans.form.badDate' });
    if (!unit.unitId) return errors.fromClient({ 'pf-issuingUnitId': 'plans.form.pickUnit' });
    save.mutate();
  }
  const area = (id: string, label: string, value: string, set: (v: string) => void, hint?: string, rows = 4) => (
    <TextArea
      id={id}
      label={label}
      hint={hint}
      rows={rows}
      value={value}
      error={e[id]}
      onChange={(ev) => set(ev.target.value)}
    />
  );
  return (
    <div className="pl-page">
      <p className="breadcrumb">
        <Link to={plan ? `/ke-hoach/${plan.id}` : '/ke-hoach'}>{t('plans.plan.back')}</Link>
      </p>
      <h1>{t(plan ? 'plans.form.editTitle' : 'plans.form.createTitle')}</h1>
      <form className="pl-form" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <TextField
          id="pf-number"
          label={t('plans.form.number')}
          hint={t('plans.form.numberHint')}
          value={number}
          maxLength={100}
          error={e['pf-number']}
          onChange={(ev) => setNumber(ev.target.value)}
        />
        <DateInput
          id="pf-issuedOn"
          label={t('plans.form.issuedOn')}
          defaultValue={plan?.issuedOn ?? null}
          onValueChange={setIssuedOn}
          error={e['pf-issuedOn'] ?? null}
        />
        <UnitPicker
          id="pf-issuingUnitId"
          label={t('plans.form.issuingUnitId')}
          value={unit}
          error={e['pf-issuingUnitId']}
          onChange={setUnit}
        />
        {area('pf-title', t('plans.form.title'), title, setTitle, undefined, 2)}
        <TextField
          id="pf-yearFrom"
          label={t('plans.form.yearFrom')}
          inputMode="numeric"
          maxLength={4}
          value={yearFrom}
          error={e['pf-yearFrom']}
          onChange={(ev) => setYearFrom(ev.target.value)}
        />
        <TextField
          id="pf-yearTo"
          label={t('plans.form.yearTo')}
          inputMode="numeric"
          maxLength={4}
          value={yearTo}
          error={e['pf-yearTo']}
          onChange={(ev) => setYearTo(ev.target.value)}
        />
        <Select
          id="pf-status"
          label={t('plans.form.status')}
          value={status}
          error={e['pf-status']}
          onChange={setStatus}
        >
          {(['draft', 'issued', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`plans.status.${s}`)}
            </option>
          ))}
        </Select>
        {area('pf-legalBases', t('plans.form.legalBases'), bases, setBases, t('plans.form.legalBasesHint'))}
        {area('pf-sections', t('plans.form.sections'), sections, setSections, t('plans.form.sectionsHint'))}
        {area('pf-summary', t('plans.form.summary'), summary, setSummary)}
        <p>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('plans.form.save')}
          </button>
        </p>
      </form>
    </div>
  );
}
