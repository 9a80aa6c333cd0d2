import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { UnitSummary } from '../../../shared/org.schema.ts';
import { ApiError, apiGet } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary, type FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { createFile, type FileDetail, type Fonds, getFile, listFonds, updateFile } from './archive-api.ts';
import {
  ACCESS_LEVELS,
  checkFileDraft,
  createBody,
  draftFromFile,
  emptyFileDraft,
  FIELD_IDS as F,
  type FileDraft,
  fieldOfPath,
  LABEL_KEYS,
  patchBody,
  RELIABILITIES,
} from './file-form.ts';
import { useArchiveFormErrors } from './form-errors.ts';
import './archive.css';

/** Field id → label key, for naming server messages. */
const LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LABEL_KEYS).map(([name, key]) => [F[name as keyof typeof F], key]),
);

export const fondsQuery = {
  queryKey: ['archive-fonds'],
  queryFn: ({ signal }: { signal: AbortSignal }) => listFonds(signal),
};

/** /luu-tru/ho-so/moi?phong=<id> — describe a new file in a fonds (archivist). */
export function FileCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('archive.form.createTitle'));
  const [params] = useSearchParams();
  const fonds = useQuery(fondsQuery);
  if (fonds.isPending) return <Loading />;
  if (fonds.isError) return <ErrorAlert error={fonds.error} onRetry={() => void fonds.refetch()} />;
  const items = fonds.data.items;
  const first = items.find((f) => f.id === params.get('phong')) ?? items[0];
  return (
    <article className="arc-page">
      <p className="breadcrumb">
        <Link to="/luu-tru/phong">{t('archive.fonds.back')}</Link>
      </p>
      <h1>{t('archive.form.createTitle')}</h1>
      {first ? (
        <FileForm fonds={items} initial={emptyFileDraft(first.id, first.unitId)} />
      ) : (
        <p>
          {t('archive.form.noFonds')} <Link to="/luu-tru/phong">{t('archive.fonds.nav')}</Link>
        </p>
      )}
    </article>
  );
}

/** /luu-tru/ho-so/:id/sua — change a file's description, with the version it was read at. */
export function FileEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useQuery({ queryKey: ['archive-file', id], queryFn: ({ signal }) => getFile(id, signal), retry: false });
  const fonds = useQuery(fondsQuery);
  usePageTitle(file.data ? t('archive.form.editTitleOf', { title: file.data.title }) : t('archive.form.editTitle'));
  if (file.isPending || fonds.isPending) return <Loading />;
  if (file.isError) {
    if (file.error instanceof ApiError && file.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />;
  }
  if (fonds.isError) return <ErrorAlert error={fonds.error} onRetry={() => void fonds.refetch()} />;
  return (
    <article className="arc-page">
      <p className="breadcrumb">
        <Link to={`/luu-tru/ho-so/${id}`}>{t('archive.form.backToFile')}</Link>
      </p>
      <h1>{t('archive.form.editTitle')}</h1>
      <FileForm key={file.data.version} fonds={fonds.data.items} file={file.data} initial={draftFromFile(file.data)} />
    </article>
  );
}

/** The units that may have made a file of a fonds: the fonds' unit and the units below it. */
function useCreatorUnits(fonds: Fonds | undefined, current: { id: string; name: string } | null) {
  const children = useQuery({
    queryKey: ['org', 'units', fonds?.unitId ?? null, false],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/units', { parentId: fonds?.unitId }, signal),
    enabled: Boolean(fonds),
  });
  const list = [
    ...(fonds ? [{ id: fonds.unitId, name: fonds.unitName }] : []),
    ...(children.data ?? []).map((u) => ({ id: u.id, name: u.name })),
    ...(current ? [current] : []),
  ];
  return list.filter((u, i) => list.findIndex((x) => x.id === u.id) === i);
}

function FileForm({ fonds, file, initial }: { fonds: Fonds[]; file?: FileDetail; initial: FileDraft }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<FileDraft>(initial);
  const [conflict, setConflict] = useState(false);
  const errors = useArchiveFormErrors(fieldOfPath, LABELS, F.code);
  const chosen = fonds.find((f) => f.id === draft.fondsId);
  const units = useCreatorUnits(chosen, file ? { id: file.creatorUnitId, name: file.creatorUnitName } : null);
  const set = <K extends keyof FileDraft>(key: K, value: FileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const e: FieldErrors = errors.fields;

  const save = useMutation({
    mutationFn: () =>
      file
        ? updateFile(file.id, patchBody(draft, file.version))
        : createFile(createBody(draft, chosen?.orgIdentifier ?? '')),
    onSuccess: (saved) => {
      qc.setQueryData(['archive-file', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['archive-fonds'] });
      navigate(`/luu-tru/ho-so/${saved.id}`, { state: { notice: file ? 'saved' : 'created' } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'resource.stale') {
        setConflict(true);
        errors.show({}, t('archive.form.conflict'));
        return;
      }
      errors.fromApi(error);
    },
  });

  function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const problems = checkFileDraft(draft);
    if (Object.keys(problems).length > 0) {
      errors.fromClient(
        Object.fromEntries(Object.entries(problems).map(([name, key]) => [F[name as keyof typeof F], key])),
      );
      return;
    }
    errors.clear();
    save.mutate();
  }

  const reload = async () => {
    if (!file) return;
    setConflict(false);
    errors.clear();
    await qc.invalidateQueries({ queryKey: ['archive-file', file.id] });
  };

  return (
    <form className="arc-form arc-describe" noValidate onSubmit={submit}>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {conflict && (
        <div className="actions">
          <button type="button" className="button secondary" onClick={() => void reload()}>
            {t('archive.form.reload')}
          </button>
        </div>
      )}
      <p className="hint">{t('archive.form.intro')}</p>

      <fieldset className="fieldset">
        <legend>{t('archive.form.identity')}</legend>
        {file ? (
          <dl className="arc-facts">
            <dt>{t('archive.file.fonds')}</dt>
            <dd>{file.fondsName}</dd>
            <dt>{t('archive.file.code')}</dt>
            <dd>{file.code}</dd>
          </dl>
        ) : (
          <>
            <Select
              id={F.fondsId}
              label={t('archive.file.fonds')}
              value={draft.fondsId}
              error={e[F.fondsId]}
              onChange={(v) => {
                const next = fonds.find((f) => f.id === v);
                setDraft((d) => ({ ...d, fondsId: v, creatorUnitId: next?.unitId ?? d.creatorUnitId }));
              }}
            >
              {fonds.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({f.orgIdentifier})
                </option>
              ))}
            </Select>
            <div className="field">
              <label htmlFor={F.code}>{t('archive.file.code')}</label>
              <p id={`${F.code}-hint`} className="hint field-hint">
                {t('archive.form.codeHint', { prefix: chosen?.orgIdentifier ?? '' })}
              </p>
              <div className="arc-code">
                <span className="arc-code-prefix" aria-hidden="true">
                  {chosen?.orgIdentifier}.
                </span>
                <input
                  id={F.code}
                  value={draft.codeRest}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={`${new Date().getFullYear()}.01`}
                  aria-invalid={e[F.code] ? true : undefined}
                  aria-describedby={[`${F.code}-hint`, e[F.code] ? `${F.code}-error` : null].filter(Boolean).join(' ')}
                  onChange={(ev) => set('codeRest', ev.target.value)}
                />
              </div>
              <FieldError id={F.code} error={e[F.code]} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={F.title}>{t('archive.form.title')}</label>
          <textarea
            id={F.title}
            rows={2}
            maxLength={1000}
            value={draft.title}
            aria-invalid={e[F.title] ? true : undefined}
            aria-describedby={e[F.title] ? `${F.title}-error` : undefined}
            onChange={(ev) => set('title', ev.target.value)}
          />
          <FieldError id={F.title} error={e[F.title]} />
        </div>
        <Select
          id={F.creatorUnitId}
          label={t('archive.file.creator')}
          value={draft.creatorUnitId}
          error={e[F.creatorUnitId]}
          onChange={(v) => set('creatorUnitId', v)}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('archive.form.datesAndUse')}</legend>
        <DateInput
          id={F.startDate}
          label={t('archive.form.startDate')}
          defaultValue={draft.startDate}
          onValueChange={(iso) => set('startDate', iso)}
          error={e[F.startDate]}
        />
        <DateInput
          id={F.endDate}
          label={t('archive.form.endDate')}
          defaultValue={draft.endDate}
          onValueChange={(iso) => set('endDate', iso)}
          error={e[F.endDate]}
        />
        <fieldset id={F.retentionYears} tabIndex={-1} className="fieldset-plain">
          <legend>{t('archive.file.retention')}</legend>
          {(['years', 'permanent'] as const).map((r) => (
            <div className="checkbox" key={r}>
              <input
                id={`${F.retentionYears}-${r}`}
                type="radio"
                name="retention"
                checked={draft.retention === r}
                onChange={() => set('retention', r)}
              />
              <label htmlFor={`${F.retentionYears}-${r}`}>{t(`archive.form.retention.${r}`)}</label>
            </div>
          ))}
          {draft.retention === 'years' && (
            <TextField
              id={`${F.retentionYears}-n`}
              label={t('archive.form.retentionYears')}
              hint={t('archive.form.retentionHint')}
              inputMode="numeric"
              value={draft.retentionYears}
              error={e[F.retentionYears]}
              onChange={(ev) => set('retentionYears', ev.target.value)}
            />
          )}
          {draft.retention === 'permanent' && <FieldError id={F.retentionYears} error={e[F.retentionYears]} />}
        </fieldset>
        <fieldset id={F.accessLevel} tabIndex={-1} className="fieldset-plain">
          <legend>{t('archive.file.access')}</legend>
          {ACCESS_LEVELS.map((l) => (
            <div className="checkbox" key={l}>
              <input
                id={`${F.accessLevel}-${l}`}
                type="radio"
                name="access"
                checked={draft.accessLevel === l}
                onChange={() => set('accessLevel', l)}
                aria-describedby={`${F.accessLevel}-${l}-hint`}
              />
              <label htmlFor={`${F.accessLevel}-${l}`}>
                {t(`archive.level.${l}`)}
                <span id={`${F.accessLevel}-${l}-hint`} className="hint block">
                  {t(`archive.form.levelHint.${l}`)}
                </span>
              </label>
            </div>
          ))}
          <FieldError id={F.accessLevel} error={e[F.accessLevel]} />
        </fieldset>
        <TextField
          id={F.language}
          label={t('archive.file.language')}
          hint={t('archive.form.languageHint')}
          value={draft.language}
          maxLength={3}
          autoComplete="off"
          error={e[F.language]}
          onChange={(ev) => set('language', ev.target.value)}
        />
        <TextField
          id={F.keywords}
          label={t('archive.file.keywords')}
          hint={t('archive.form.keywordsHint')}
          value={draft.keywords}
          autoComplete="off"
          error={e[F.keywords]}
          onChange={(ev) => set('keywords', ev.target.value)}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('archive.form.physical')}</legend>
        <TextField
          id={F.sheetCount}
          label={t('archive.form.sheets')}
          inputMode="numeric"
          value={draft.sheetCount}
          error={e[F.sheetCount]}
          onChange={(ev) => set('sheetCount', ev.target.value)}
        />
        <TextField
          id={F.pageCount}
          label={t('archive.form.pages')}
          inputMode="numeric"
          value={draft.pageCount}
          error={e[F.pageCount]}
          onChange={(ev) => set('pageCount', ev.target.value)}
        />
        <fieldset id={F.reliability} tabIndex={-1} className="fieldset-plain">
          <legend>{t('archive.file.reliability')}</legend>
          {RELIABILITIES.map((r) => (
            <div className="checkbox" key={r}>
              <input
                id={`${F.reliability}-${r}`}
                type="radio"
                name="reliability"
                checked={draft.reliability === r}
                onChange={() => set('reliability', r)}
              />
              <label htmlFor={`${F.reliability}-${r}`}>{t(`archive.reliability.${r}`)}</label>
            </div>
          ))}
          <FieldError id={F.reliability} error={e[F.reliability]} />
        </fieldset>
        <TextField
          id={F.paperCode}
          label={t('archive.file.paperCode')}
          hint={t('archive.form.paperHint')}
          value={draft.paperCode}
          maxLength={100}
          autoComplete="off"
          error={e[F.paperCode]}
          onChange={(ev) => set('paperCode', ev.target.value)}
        />
        <div className="field">
          <label htmlFor={F.physicalCondition}>{t('archive.file.condition')}</label>
          <p id={`${F.physicalCondition}-hint`} className="hint field-hint">
            {t('archive.form.conditionHint')}
          </p>
          <textarea
            id={F.physicalCondition}
            rows={2}
            maxLength={500}
            value={draft.physicalCondition}
            aria-invalid={e[F.physicalCondition] ? true : undefined}
            aria-describedby={[
              `${F.physicalCondition}-hint`,
              e[F.physicalCondition] ? `${F.physicalCondition}-error` : null,
            ]
              .filter(Boolean)
              .join(' ')}
            onChange={(ev) => set('physicalCondition', ev.target.value)}
          />
          <FieldError id={F.physicalCondition} error={e[F.physicalCondition]} />
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('archive.form.saving') : file ? t('archive.form.save') : t('archive.form.create')}
        </button>
        <Link className="button secondary" to={file ? `/luu-tru/ho-so/${file.id}` : '/luu-tru/phong'}>
          {t('archive.form.cancel')}
        </Link>
      </div>
    </form>
  );
}
