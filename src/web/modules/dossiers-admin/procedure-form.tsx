import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Procedure } from '../../../shared/dossiers.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, type FieldErrors, useFormErrors } from '../../ui/error-summary.tsx';
import { useCreateProcedure, useUpdateProcedure } from './dossiers-admin-api.ts';
import { ProcedureDocuments } from './procedure-documents.tsx';
import { changesOf, draftOf, fieldIdOf, type ProcedureDraft, valuesOf } from './procedure-draft.ts';
import { ProcedureFields } from './procedure-fields.tsx';

interface Props {
  /** The procedure as read; none for a new one. */
  procedure?: Procedure;
  editable: boolean;
  /** Reads the procedure again (after `resource.stale`). */
  onReload?: () => Promise<Procedure | undefined>;
}

/**
 * A procedure's definition as one form, saved at once (PATCH of the changed fields on the
 * version read, or POST). The server's validation details come back as field paths and are
 * shown beside their fields and in the summary at the top.
 */
export function ProcedureForm({ procedure, editable, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const creating = !procedure;
  const [draft, setDraft] = useState<ProcedureDraft>(() => draftOf(procedure));
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);
  const errors = useFormErrors();
  const create = useCreateProcedure();
  const update = useUpdateProcedure(procedure?.code ?? '');
  const busy = create.isPending || update.isPending;

  const change = (c: Partial<ProcedureDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...c }));
  };

  /** The label of a field id, as the summary names it ("Giấy tờ 2, Mã giấy tờ"). */
  function labelOf(id: string): string {
    const doc = /^doc-(\d+)-(\w+)$/.exec(id);
    if (doc) {
      const field = doc[2] === 'code' ? 'docCode' : doc[2];
      return t('dossiersAdmin.documents.fieldOf', { n: Number(doc[1]) + 1, field: t(`dossiersAdmin.field.${field}`) });
    }
    const own = id.replace(/^proc-/, '');
    return own === 'documents' ? t('dossiersAdmin.documents.title') : t(`dossiersAdmin.field.${own}`);
  }

  function showServerErrors(error: unknown) {
    const { fields, general } = apiErrors(error, i18n.resolvedLanguage, fieldIdOf, t('error.generic'));
    // Zod's messages ("Quá lớn: …") do not say which field: name it, for the summary too.
    const named: FieldErrors = Object.fromEntries(
      Object.entries(fields).map(([id, message]) => [id, `${labelOf(id)}: ${message}`]),
    );
    // These two details carry the value refused, not a sentence: say what is wrong with it.
    if (error instanceof ApiError && error.code === 'resource.conflict') {
      if (named['proc-code']) named['proc-code'] = t('dossiersAdmin.problem.codeTaken');
      if (named['proc-codePrefix']) named['proc-codePrefix'] = t('dossiersAdmin.problem.prefixTaken');
    }
    if (fields['proc-unitType'] === draft.unitType) named['proc-unitType'] = t('dossiersAdmin.problem.unitType');
    setStale(error instanceof ApiError && error.code === 'resource.stale');
    errors.show(named, general);
  }

  /** Someone saved in between: show their version (the edits here are given up, as the notice says). */
  async function reload() {
    const fresh = await onReload?.();
    if (!fresh) return;
    setDraft(draftOf(fresh));
    setStale(false);
    errors.clear();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const { values, problems } = valuesOf(draft);
    if (Object.keys(problems).length > 0) {
      errors.show(Object.fromEntries(Object.entries(problems).map(([id, key]) => [id, t(key)])));
      return;
    }
    errors.clear();
    if (!procedure) {
      const body = { ...values, code: draft.code.trim(), codePrefix: draft.codePrefix.trim() };
      create.mutate(body, {
        onSuccess: (p) => navigate(`/dossiers/procedures/${p.code}`, { state: { created: true } }),
        onError: showServerErrors,
      });
      return;
    }
    const changes = changesOf(procedure, values);
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(
      { ...changes, expectedVersion: procedure.version },
      {
        onSuccess: (p) => {
          setDraft(draftOf(p));
          setSaved(true);
        },
        onError: showServerErrors,
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('dossiersAdmin.procedure.formLabel')}>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {stale && (
        <div className="alert alert-info">
          <p>{t('dossiersAdmin.procedure.stale')}</p>
          <button type="button" className="button secondary" onClick={() => void reload()}>
            {t('dossiersAdmin.procedure.reload')}
          </button>
        </div>
      )}
      <fieldset disabled={!editable || busy} className="fieldset-plain">
        <section aria-labelledby="proc-general-title" className="card form">
          <h2 id="proc-general-title">{t('dossiersAdmin.procedure.general')}</h2>
          <ProcedureFields draft={draft} creating={creating} errors={errors.fields} onChange={change} />
        </section>
        <section aria-labelledby="proc-documents-title" className="card form">
          <h2 id="proc-documents-title">{t('dossiersAdmin.documents.title')}</h2>
          <p className="hint">{t('dossiersAdmin.documents.lead')}</p>
          <ProcedureDocuments
            documents={draft.documents}
            errors={errors.fields}
            editable={editable}
            onChange={(documents) => change({ documents })}
          />
        </section>
      </fieldset>
      <FormStatus success={saved ? t('dossiersAdmin.procedure.saved') : null} />
      {editable && (
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {creating ? t('dossiersAdmin.procedure.create') : t('dossiersAdmin.procedure.save')}
          </button>
        </div>
      )}
    </form>
  );
}
