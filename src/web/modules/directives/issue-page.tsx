import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RESPONSE_KINDS } from '../../../shared/directives.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import {
  createDirective,
  type DirectiveDetail,
  getDirective,
  getIssuerUnits,
  issueDirective,
  messageIn,
  previewRecipients,
  updateDirective,
} from './directives-api.ts';
import { emptyPick, type Picked, RecipientsPicker, selectionOf } from './recipients-picker.tsx';
import { type Uploaded, UploadField } from './upload-field.tsx';
import './directives.css';

const F = {
  issuer: 'dir-issuer',
  number: 'dir-number',
  docDate: 'dir-doc-date',
  title: 'dir-title',
  summary: 'dir-summary',
  kind: 'dir-kind',
  deadline: 'dir-deadline',
  recipients: 'dir-recipients',
  files: 'dir-files',
} as const;

const PATHS: Record<string, string> = {
  'body.issuerUnitId': F.issuer,
  'body.number': F.number,
  'body.docDate': F.docDate,
  'body.title': F.title,
  'body.summary': F.summary,
  'body.responseKind': F.kind,
  'body.deadline': F.deadline,
  'body.attachmentIds': F.files,
};
const fieldOf = (p: string) => PATHS[p] ?? (p.startsWith('body.selection') ? F.recipients : null);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** /chi-dao/moi — a new directive. */
export function IssueDirectivePage() {
  return <DirectiveForm initial={null} picked={null} />;
}

/** /chi-dao/:id/sua — a draft, edited with the same form (list recipients named through the preview). */
export function EditDirectivePage() {
  const { id = '' } = useParams();
  const d = useQuery({ queryKey: ['directive', id], queryFn: ({ signal }) => getDirective(id, signal), retry: false });
  const sel = d.data?.selection;
  const names = useQuery({
    queryKey: ['directive-edit-names', id],
    queryFn: () => previewRecipients({ issuerUnitId: d.data!.issuerUnitId, selection: sel }),
    enabled: sel?.by === 'list',
  });
  if (d.isPending || (sel?.by === 'list' && names.isPending)) return <Loading />;
  if (d.isError) {
    if (d.error instanceof ApiError && d.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={d.error} />;
  }
  if (d.data.state !== 'draft' || !d.data.isIssuer) return <NotFoundPage />;
  return <DirectiveForm initial={d.data} picked={pickOf(d.data.selection, names.data?.units ?? [])} />;
}

function pickOf(sel: DirectiveDetail['selection'], units: { id: string; name: string }[]): Picked {
  const base = { ...emptyPick, levels: [] as string[] };
  switch (sel.by) {
    case 'level':
      return { ...base, mode: 'level', levels: sel.levels };
    case 'type':
      return { ...base, mode: 'type', unitTypes: sel.unitTypes };
    case 'commune':
      return { ...base, mode: 'commune', communeIds: sel.communeIds, levels: sel.levels };
    case 'list':
      return { ...base, mode: 'list', units: units.map((u) => ({ ...u, typeCode: '' })) };
  }
}

/**
 * The issue form: issuing unit, number, date, title, summary, the response required and its
 * deadline, the recipients (with a live count) and attachments; saved as a draft, or saved and
 * issued at once. With `initial`, the draft is replaced (optimistic, by its version).
 */
function DirectiveForm({ initial, picked }: { initial: DirectiveDetail | null; picked: Picked | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageTitle(initial ? t('directives.edit.title') : t('directives.new.title'));
  const issuers = useQuery({ queryKey: ['directive-issuers'], queryFn: ({ signal }) => getIssuerUnits(signal) });
  const [issuer, setIssuer] = useState(initial?.issuerUnitId ?? '');
  const issuerUnitId = issuer || issuers.data?.items[0]?.id || '';
  const [number, setNumber] = useState(initial?.number ?? '');
  const [docDate, setDocDate] = useState<string | null>(initial ? (initial.docDate ?? '') : today());
  const [title, setTitle] = useState(initial?.title ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [kind, setKind] = useState<(typeof RESPONSE_KINDS)[number]>(initial?.responseKind ?? 'text');
  const [deadline, setDeadline] = useState<string | null>(initial?.deadline ?? '');
  const [pick, setPick] = useState<Picked>(picked ?? emptyPick);
  const [files, setFiles] = useState<Uploaded[]>(
    initial?.attachments.map((f) => ({ fileId: f.id, name: f.filename })) ?? [],
  );
  const [busy, setBusy] = useState(false);
  // After a failed issue the draft exists: later attempts replace it rather than make another.
  const [draft, setDraft] = useState<{ id: string; version: number } | null>(
    initial ? { id: initial.id, version: initial.version } : null,
  );
  const errors = useFormErrors();
  const e = errors.fields;

  const save = useMutation({
    mutationFn: async (issue: boolean) => {
      const body = {
        issuerUnitId,
        number: number.trim() || null,
        docDate: docDate || null,
        title,
        summary,
        responseKind: kind,
        deadline: deadline || null,
        selection: selectionOf(pick),
        attachmentIds: files.map((f) => f.fileId),
      };
      const d = draft
        ? await updateDirective(draft.id, { ...body, version: draft.version })
        : await createDirective(body);
      setDraft({ id: d.id, version: d.version });
      if (!issue) return d;
      try {
        return await issueDirective(d.id);
      } catch (err) {
        // The draft is kept: the errors show beside the fields here, and it can be issued later.
        throw Object.assign(err as Error, { draftId: d.id });
      }
    },
    onSuccess: (d) => {
      qc.setQueryData(['directive', d.id], d);
      void qc.invalidateQueries({ queryKey: ['directives-sent'] });
      navigate(`/chi-dao/${d.id}`);
    },
    onError: (err) => {
      const { fields, general } = apiErrors(err, lang, fieldOf, t('error.generic'));
      const named = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, messageIn(v, lang)]));
      const draftId = (err as { draftId?: string }).draftId;
      const extra = draftId ? t('directives.new.draftKept') : null;
      errors.show(named, [general === null ? null : messageIn(general, lang), extra].filter(Boolean).join(' ') || null);
    },
  });

  function submit(ev: FormEvent, issue: boolean) {
    ev.preventDefault();
    if (docDate === null || deadline === null) {
      errors.show(
        {
          ...(docDate === null ? { [F.docDate]: t('directives.new.badDate') } : {}),
          ...(deadline === null ? { [F.deadline]: t('directives.new.badDate') } : {}),
        },
        null,
      );
      return;
    }
    save.mutate(issue);
  }

  return (
    <div className="dir-page">
      <p className="breadcrumb">
        <Link to="/chi-dao?tab=sent">{t('directives.back')}</Link>
      </p>
      <h1>{initial ? t('directives.edit.title') : t('directives.new.title')}</h1>
      <form className="form" noValidate onSubmit={(ev) => submit(ev, true)}>
        <ErrorSummary fields={e} general={errors.general} seq={errors.seq} />
        <Select
          id={F.issuer}
          label={t('directives.f.issuer')}
          value={issuerUnitId}
          error={e[F.issuer]}
          onChange={setIssuer}
        >
          {(issuers.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <TextField
          id={F.number}
          label={t('directives.f.number')}
          hint={t('directives.new.numberHint')}
          value={number}
          maxLength={60}
          error={e[F.number]}
          onChange={(ev) => setNumber(ev.target.value)}
        />
        <DateInput
          id={F.docDate}
          label={t('directives.f.docDate')}
          defaultValue={initial ? initial.docDate : docDate}
          onValueChange={setDocDate}
          error={e[F.docDate] ?? null}
        />
        <TextField
          id={F.title}
          label={t('directives.f.title')}
          value={title}
          maxLength={500}
          required
          error={e[F.title]}
          onChange={(ev) => setTitle(ev.target.value)}
        />
        <TextArea
          id={F.summary}
          label={t('directives.f.summary')}
          rows={5}
          maxLength={10000}
          value={summary}
          error={e[F.summary]}
          onChange={(ev) => setSummary(ev.target.value)}
        />
        <fieldset className="fieldset" aria-describedby={e[F.kind] ? `${F.kind}-error` : undefined}>
          <legend id={F.kind} tabIndex={-1}>
            {t('directives.f.responseKind')}
          </legend>
          <div className="radio-list">
            {RESPONSE_KINDS.map((k) => (
              <div key={k} className="checkbox">
                <input
                  id={`${F.kind}-${k}`}
                  type="radio"
                  name="responseKind"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <label htmlFor={`${F.kind}-${k}`}>{t(`directives.kind.${k}`)}</label>
              </div>
            ))}
          </div>
          <FieldError id={F.kind} error={e[F.kind]} />
        </fieldset>
        <DateInput
          id={F.deadline}
          label={t('directives.f.deadline')}
          defaultValue={initial?.deadline ?? null}
          onValueChange={setDeadline}
          error={e[F.deadline] ?? null}
        />
        <RecipientsPicker
          id={F.recipients}
          issuerUnitId={issuerUnitId}
          value={pick}
          onChange={setPick}
          error={e[F.recipients]}
        />
        <UploadField
          id={F.files}
          label={t('directives.f.attachments')}
          hint={t('directives.upload.hint')}
          files={files}
          onChange={setFiles}
          onBusy={setBusy}
          error={e[F.files]}
        />
        <p className="actions">
          <button type="submit" className="button" disabled={save.isPending || busy}>
            {t('directives.new.issue')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={save.isPending || busy}
            onClick={(ev) => submit(ev, false)}
          >
            {t('directives.new.saveDraft')}
          </button>
        </p>
      </form>
    </div>
  );
}
