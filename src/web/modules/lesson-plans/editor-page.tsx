import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { lessonPlanGaps } from '../../../shared/lesson-plan-gaps.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { ActivitiesFields } from './activity-fields.tsx';
import { GapList } from './gap-list.tsx';
import { HeaderFields } from './header-fields.tsx';
import {
  exportUrl,
  type LessonPlan,
  type LessonPlanDetail,
  useDeletePlan,
  usePlan,
  useReference,
  useSavePlan,
} from './lesson-plans-api.ts';
import { MaterialsFields, ObjectivesFields } from './objectives-fields.tsx';
import { activityNumbers, fieldOfErrorPath, planToSave } from './plan-edit.ts';
import { ResourcesFields } from './resources-fields.tsx';
import { SendToLibrary } from './send-dialog.tsx';
import './lesson-plans.css';

/** /giao-an/:id — the editor of one plan (read-only for colleagues of the same school). */
export function EditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  usePageTitle(plan.data?.title ?? t('lessonPlans.editor.title'));
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  return <Editor key={plan.data.id} initial={plan.data} reload={async () => (await plan.refetch()).data} />;
}

type Known = LessonPlanDetail['resources'][number];

function Editor({
  initial,
  reload,
}: {
  initial: LessonPlanDetail;
  reload: () => Promise<LessonPlanDetail | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const reference = useReference();
  const save = useSavePlan(initial.id);
  const remove = useDeletePlan(initial.id);
  const errors = useFormErrors();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<LessonPlan>(initial.content);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [known, setKnown] = useState(() => new Map<string, Known>(initial.resources.map((r) => [r.id, r])));
  const readOnly = !saved.canEdit;
  const gaps = lessonPlanGaps(planToSave(draft));
  const numbers = activityNumbers(draft.activities);

  // Leaving with unsaved changes asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function edit(next: LessonPlan) {
    setDraft(next);
    setDirty(true);
    setStatus(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    save.mutate(
      { expectedVersion: saved.version, content: planToSave(draft) },
      {
        onSuccess: (plan) => {
          setSaved(plan);
          setDraft(plan.content);
          setDirty(false);
          errors.clear();
          setStatus(t('lessonPlans.editor.saved', { version: plan.version }));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'resource.stale') {
            setConflict(true);
            return;
          }
          const shown = apiErrors(error, i18n.resolvedLanguage, fieldOfErrorPath, t('error.generic'));
          errors.show(shown.fields, shown.general);
        },
      },
    );
  }

  async function takeLatest() {
    const fresh = await reload();
    if (!fresh) return;
    setSaved(fresh);
    setDraft(fresh.content);
    setKnown(new Map(fresh.resources.map((r) => [r.id, r])));
    setDirty(false);
    setConflict(false);
    errors.clear();
    setStatus(t('lessonPlans.editor.reloaded', { version: fresh.version }));
  }

  const h = draft.header;
  return (
    <article className="lp-page">
      <p className="breadcrumb">
        <Link to="/giao-an">{t('lessonPlans.editor.back')}</Link>
      </p>
      <h1 id="lp-title">{h.title || t('lessonPlans.editor.title')}</h1>
      <p className="muted">
        {h.subject.name} · {t('lessonPlans.gradeN', { n: h.grade })} ·{' '}
        {t('lessonPlans.editor.meta', {
          version: saved.version,
          date: formatDateTime(saved.updatedAt),
          name: saved.ownerName,
        })}
      </p>
      {saved.adaptedFrom && (
        <p className="notice">
          {saved.adaptedFrom.note}.{' '}
          {saved.adaptedFrom.resourceId && (
            <Link to={`/hoc-lieu/${saved.adaptedFrom.resourceId}`}>{t('lessonPlans.editor.source')}</Link>
          )}
        </p>
      )}
      {readOnly && <p className="notice">{t('lessonPlans.editor.readOnly', { name: saved.ownerName })}</p>}
      {gaps.length > 0 && (
        <p>
          <a href="#lp-gaps-title">{t('lessonPlans.gaps.count', { count: gaps.length })}</a>
        </p>
      )}
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {conflict && (
        <div className="alert alert-error" role="alert">
          <p>{t('lessonPlans.editor.conflict')}</p>
          <button type="button" className="button secondary" onClick={() => void takeLatest()}>
            {t('lessonPlans.editor.reload')}
          </button>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="lp-title">
        <fieldset className="fieldset-plain form" disabled={readOnly}>
          <HeaderFields
            header={h}
            reference={reference.data}
            errors={errors.fields}
            onChange={(header) => edit({ ...draft, header })}
          />
          <ObjectivesFields
            objectives={draft.objectives}
            errors={errors.fields}
            onChange={(objectives) => edit({ ...draft, objectives })}
          />
          <MaterialsFields
            materials={draft.materials}
            errors={errors.fields}
            onChange={(materials) => edit({ ...draft, materials })}
          />
          <ResourcesFields
            ids={draft.resourceIds}
            known={known}
            errors={errors.fields}
            readOnly={readOnly}
            onChange={(resourceIds, added) => {
              if (added) setKnown((m) => new Map(m).set(added.id, added));
              edit({ ...draft, resourceIds });
            }}
          />
          <ActivitiesFields
            activities={draft.activities}
            errors={errors.fields}
            onChange={(activities) => edit({ ...draft, activities })}
          />
        </fieldset>
        {!readOnly && (
          <div className="lp-savebar">
            <p className="small" aria-live="polite">
              {status ?? (dirty ? t('lessonPlans.editor.unsaved') : '')}
            </p>
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? t('lessonPlans.editor.saving') : t('lessonPlans.editor.save')}
            </button>
          </div>
        )}
      </form>
      <GapList gaps={gaps} numbers={numbers} />
      <section className="lp-section" aria-labelledby="lp-export-title">
        <h2 id="lp-export-title">{t('lessonPlans.export.title')}</h2>
        <p className="hint">{t('lessonPlans.export.hint')}</p>
        <div className="actions">
          <a className="button secondary" href={exportUrl(saved.id, 'docx')} download>
            {t('lessonPlans.export.docx')}
          </a>
          <a className="button secondary" href={exportUrl(saved.id, 'pdf')} download>
            {t('lessonPlans.export.pdf')}
          </a>
        </div>
      </section>
      {saved.canEdit && <SendToLibrary plan={saved} reference={reference.data} dirty={dirty} gaps={gaps.length} />}
      {saved.canDelete && (
        <section className="lp-section" aria-labelledby="lp-delete-title">
          <h2 id="lp-delete-title">{t('lessonPlans.delete.title')}</h2>
          <p className="hint">{t('lessonPlans.delete.hint')}</p>
          <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
            {t('lessonPlans.delete.open')}
          </button>
          <ConfirmDialog
            open={confirmDelete}
            danger
            title={t('lessonPlans.delete.confirmTitle', { title: saved.title })}
            confirmLabel={t('lessonPlans.delete.confirm')}
            busy={remove.isPending}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/giao-an') })}
          >
            <p>{t('lessonPlans.delete.body')}</p>
            <FormStatus error={remove.error} />
          </ConfirmDialog>
        </section>
      )}
    </article>
  );
}
