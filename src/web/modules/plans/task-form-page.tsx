import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { pathToField, usePlanFormErrors } from './form-errors.ts';
import {
  createTask,
  getPlan,
  getTask,
  listSources,
  type PlanDetail,
  type TaskDetail,
  updateTask,
} from './plans-api.ts';
import { type UnitChoice, UnitPicker, unitOrName } from './unit-picker.tsx';
import './plans.css';

const FIELDS = [
  'code',
  'sectionCode',
  'parentCode',
  'content',
  'leadUnitId',
  'leadName',
  'coordinators',
  'startOn',
  'endOn',
  'periodText',
  'outputs',
  'budgetNote',
  'budgets',
] as const;
const fieldOf = (path: string) => {
  const f = pathToField('tf', FIELDS)(path);
  return f === 'tf-leadName' ? 'tf-leadUnitId' : f;
};
const LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [`tf-${f}`, `plans.taskForm.${f}`]));

/** /ke-hoach/:id/nhiem-vu/moi — a new task of a plan (plans.manage). */
export function TaskCreatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('plans.taskForm.createTitle'));
  const plan = useQuery({ queryKey: ['plan', id], queryFn: ({ signal }) => getPlan(id, signal) });
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  return <TaskForm plan={plan.data} task={null} />;
}

/** /ke-hoach/:id/nhiem-vu/:taskId/sua — change a task. */
export function TaskEditPage() {
  const { id = '', taskId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('plans.taskForm.editTitle'));
  const plan = useQuery({ queryKey: ['plan', id], queryFn: ({ signal }) => getPlan(id, signal) });
  const task = useQuery({ queryKey: ['plan-task', taskId], queryFn: ({ signal }) => getTask(taskId, signal) });
  if (plan.isPending || task.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  if (task.isError) return <ErrorAlert error={task.error} />;
  return <TaskForm plan={plan.data} task={task.data} />;
}

interface BudgetRow {
  year: string;
  sourceCode: string;
  amount: string;
}

function TaskForm({ plan, task }: { plan: PlanDetail; task: TaskDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sources = useQuery({ queryKey: ['plan-sources'], queryFn: ({ signal }) => listSources(signal) });
  const [code, setCode] = useState(task?.code ?? '');
  const [sectionCode, setSectionCode] = useState(task?.sectionCode ?? '');
  const [parentCode, setParentCode] = useState(task?.parentCode ?? '');
  const [content, setContent] = useState(task?.content ?? '');
  const [lead, setLead] = useState<UnitChoice>({ text: task?.leadName ?? '', unitId: task?.leadUnitId ?? null });
  const [coords, setCoords] = useState<UnitChoice[]>(
    task?.coordinators.map((c) => ({ text: c.name, unitId: c.unitId })) ?? [],
  );
  const [startOn, setStartOn] = useState<string | null>(task?.startOn ?? '');
  const [endOn, setEndOn] = useState<string | null>(task?.endOn ?? '');
  const [periodText, setPeriodText] = useState(task?.periodText ?? '');
  const [outputs, setOutputs] = useState(task?.outputs ?? '');
  const [counted, setCounted] = useState(task?.counted ?? true);
  const [budgetNote, setBudgetNote] = useState(task?.budgetNote ?? '');
  const [budgets, setBudgets] = useState<BudgetRow[]>(
    task?.budgets.map((b) => ({ year: String(b.year), sourceCode: b.sourceCode, amount: String(b.amount) })) ?? [],
  );
  const errors = usePlanFormErrors(fieldOf, LABELS);
  const e = errors.fields;
  const save = useMutation({
    mutationFn: () => {
      const l = unitOrName(lead);
      const body = {
        code: code.trim(),
        sectionCode: sectionCode || null,
        parentCode: parentCode.trim() || null,
        content,
        leadUnitId: l.unitId,
        leadName: l.name,
        coordinators: coords.filter((c) => c.text.trim()).map((c) => unitOrName(c)),
        startOn: startOn || null,
        endOn: endOn || null,
        periodText: periodText.trim() || null,
        outputs: outputs.trim() || null,
        counted,
        budgetNote: budgetNote.trim() || null,
        budgets: budgets.map((b) => ({
          year: Number(b.year),
          sourceCode: b.sourceCode,
          amount: Number(b.amount.replace(/\./g, '').replace(',', '.')),
        })),
      };
      return task ? updateTask(task.id, { ...body, expectedVersion: task.version }) : createTask(plan.id, body);
    },
    onSuccess: (saved) => navigate(`/ke-hoach/${plan.id}/nhiem-vu/${saved.id}`),
    onError: (err) => errors.fromApi(err),
  });
  function submit(ev: FormEvent) {
    ev.preventDefault();
    if (startOn === null) return errors.fromClient({ 'tf-startOn': 'plans.form.badDate' });
    if (endOn === null) return errors.fromClient({ 'tf-endOn': 'plans.form.badDate' });
    if (budgets.some((b) => !/^\d{4}$/.test(b.year) || !/^\d[\d.]*(,\d)?$/.test(b.amount.trim())))
      return errors.fromClient({ 'tf-budgets': 'plans.taskForm.badBudget' });
    save.mutate();
  }
  const setBudget = (i: number, patch: Partial<BudgetRow>) =>
    setBudgets((list) => list.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <div className="pl-page">
      <p className="breadcrumb">
        <Link to={`/ke-hoach/${plan.id}`}>{t('plans.task.back')}</Link>
      </p>
      <h1>{t(task ? 'plans.taskForm.editTitle' : 'plans.taskForm.createTitle')}</h1>
      <p className="lead">{plan.title}</p>
      <form className="pl-form" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <TextField
          id="tf-code"
          label={t('plans.taskForm.code')}
          hint={t('plans.taskForm.codeHint')}
          value={code}
          maxLength={40}
          error={e['tf-code']}
          onChange={(ev) => setCode(ev.target.value)}
        />
        <Select
          id="tf-sectionCode"
          label={t('plans.taskForm.sectionCode')}
          value={sectionCode}
          error={e['tf-sectionCode']}
          onChange={setSectionCode}
        >
          <option value="">—</option>
          {plan.sections.map((s) => (
            <option key={s.id} value={s.code}>
              {s.code}. {s.title}
            </option>
          ))}
        </Select>
        <TextField
          id="tf-parentCode"
          label={t('plans.taskForm.parentCode')}
          hint={t('plans.taskForm.parentHint')}
          value={parentCode}
          maxLength={40}
          error={e['tf-parentCode']}
          onChange={(ev) => setParentCode(ev.target.value)}
        />
        <TextArea
          id="tf-content"
          label={t('plans.taskForm.content')}
          rows={3}
          value={content}
          error={e['tf-content']}
          onChange={(ev) => setContent(ev.target.value)}
        />
        <UnitPicker
          id="tf-leadUnitId"
          label={t('plans.taskForm.leadUnitId')}
          value={lead}
          error={e['tf-leadUnitId']}
          onChange={setLead}
        />
        <fieldset>
          <legend>{t('plans.taskForm.coordinators')}</legend>
          {coords.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i}>
              <UnitPicker
                id={`tf-coord-${i}`}
                label={t('plans.taskForm.coordinator', { n: i + 1 })}
                value={c}
                error={undefined}
                onChange={(next) => setCoords((l) => l.map((x, j) => (j === i ? next : x)))}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setCoords((l) => l.filter((_, j) => j !== i))}
              >
                {t('plans.taskForm.remove')}
              </button>
            </div>
          ))}
          <FieldError id="tf-coordinators" error={e['tf-coordinators']} />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setCoords((l) => [...l, { text: '', unitId: null }])}
          >
            {t('plans.taskForm.addCoordinator')}
          </button>
        </fieldset>
        <DateInput
          id="tf-startOn"
          label={t('plans.taskForm.startOn')}
          defaultValue={task?.startOn ?? null}
          onValueChange={setStartOn}
          error={e['tf-startOn'] ?? null}
        />
        <DateInput
          id="tf-endOn"
          label={t('plans.taskForm.endOn')}
          defaultValue={task?.endOn ?? null}
          onValueChange={setEndOn}
          error={e['tf-endOn'] ?? null}
        />
        <TextField
          id="tf-periodText"
          label={t('plans.taskForm.periodText')}
          hint={t('plans.taskForm.periodHint')}
          value={periodText}
          maxLength={200}
          error={e['tf-periodText']}
          onChange={(ev) => setPeriodText(ev.target.value)}
        />
        <TextField
          id="tf-outputs"
          label={t('plans.taskForm.outputs')}
          value={outputs}
          maxLength={4000}
          error={e['tf-outputs']}
          onChange={(ev) => setOutputs(ev.target.value)}
        />
        <fieldset>
          <legend>{t('plans.taskForm.budgets')}</legend>
          {budgets.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i} className="pl-filters">
              <TextField
                id={`tf-b-year-${i}`}
                label={t('plans.taskForm.year')}
                inputMode="numeric"
                maxLength={4}
                value={b.year}
                onChange={(ev) => setBudget(i, { year: ev.target.value })}
              />
              <Select
                id={`tf-b-source-${i}`}
                label={t('plans.taskForm.source')}
                value={b.sourceCode}
                error={undefined}
                onChange={(v) => setBudget(i, { sourceCode: v })}
              >
                {(sources.data?.items ?? []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.shortLabel} — {s.nameVi}
                  </option>
                ))}
              </Select>
              <TextField
                id={`tf-b-amount-${i}`}
                label={t('plans.taskForm.amount')}
                inputMode="decimal"
                value={b.amount}
                onChange={(ev) => setBudget(i, { amount: ev.target.value })}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setBudgets((l) => l.filter((_, j) => j !== i))}
              >
                {t('plans.taskForm.remove')}
              </button>
            </div>
          ))}
          <FieldError id="tf-budgets" error={e['tf-budgets']} />
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setBudgets((l) => [
                ...l,
                { year: String(plan.yearFrom), sourceCode: sources.data?.items[0]?.code ?? 'CTX', amount: '' },
              ])
            }
          >
            {t('plans.taskForm.addBudget')}
          </button>
        </fieldset>
        <TextField
          id="tf-budgetNote"
          label={t('plans.taskForm.budgetNote')}
          value={budgetNote}
          maxLength={1000}
          error={e['tf-budgetNote']}
          onChange={(ev) => setBudgetNote(ev.target.value)}
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={counted} onChange={(ev) => setCounted(ev.target.checked)} />{' '}
            {t('plans.taskForm.counted')}
          </label>
        </div>
        <p>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('plans.form.save')}
          </button>
        </p>
      </form>
    </div>
  );
}
