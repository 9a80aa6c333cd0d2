import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitSummary } from '../../../shared/org.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { createFonds, type Fonds } from './archive-api.ts';
import { fondsQuery } from './file-form-page.tsx';
import { FondsEditForm } from './fonds-edit-form.tsx';
import { useArchiveFormErrors } from './form-errors.ts';
import './archive.css';

const G = {
  orgIdentifier: 'fonds-org',
  name: 'fonds-name',
  unitId: 'fonds-unit',
  startYear: 'fonds-start',
  endYear: 'fonds-end',
  description: 'fonds-description',
} as const;
const LABELS: Record<string, string> = {
  [G.orgIdentifier]: 'archive.fonds.orgIdentifier',
  [G.name]: 'archive.fonds.name',
  [G.unitId]: 'archive.fonds.unit',
  [G.startYear]: 'archive.fonds.startYear',
  [G.endYear]: 'archive.fonds.endYear',
  [G.description]: 'archive.fonds.description',
};
function fieldOfPath(path: string): string | null {
  const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
  return head && Object.hasOwn(G, head) ? G[head as keyof typeof G] : null;
}
const year = (text: string): number | string => (/^\d{4}$/.test(text.trim()) ? Number(text) : text.trim());

/** /luu-tru/phong — the fonds (phông lưu trữ), a way into describing a file of each, and a new fonds (archive managers). */
export function FondsPage() {
  const { t } = useTranslation();
  usePageTitle(t('archive.fonds.title'));
  const fonds = useQuery(fondsQuery);
  return (
    <article className="arc-page">
      <h1>{t('archive.fonds.title')}</h1>
      <p>
        <Link className="button" to="/luu-tru/ho-so/moi">
          {t('archive.form.createTitle')}
        </Link>
      </p>
      {fonds.isPending ? (
        <Loading />
      ) : fonds.isError ? (
        <ErrorAlert error={fonds.error} onRetry={() => void fonds.refetch()} />
      ) : (
        <FondsList items={fonds.data.items} />
      )}
      <FondsForm />
    </article>
  );
}

function FondsList({ items }: { items: Fonds[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('archive.fonds.none')}</p>;
  return (
    <ul className="arc-list">
      {items.map((f) => (
        <FondsCard key={f.id} fonds={f} />
      ))}
    </ul>
  );
}

/** One fonds, with the way to describe a file in it and, on demand, its edit form. */
function FondsCard({ fonds: f }: { fonds: Fonds }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const formId = `fonds-edit-${f.id}`;
  const done = (result: Fonds | null) => {
    setEditing(false);
    setSaved(result ? result.name : null);
    // Back to the button that opened the form (the form is gone).
    requestAnimationFrame(() => toggle.current?.focus());
  };
  return (
    <li className="arc-card">
      <h2>{f.name}</h2>
      <p className="arc-meta">
        {[
          f.orgIdentifier,
          f.unitName,
          `${f.startYear}–${f.endYear ?? t('archive.fonds.ongoing')}`,
          t('archive.fonds.files', { count: f.fileCount, n: formatNumber(f.fileCount) }),
        ].join(' · ')}
      </p>
      {f.description && <p className="arc-fonds-description">{f.description}</p>}
      <div role="status">
        {saved && <p className="alert alert-success">{t('archive.fonds.saved', { name: saved })}</p>}
      </div>
      <p className="arc-fonds-actions">
        <Link to={`/luu-tru/ho-so/moi?phong=${f.id}`}>{t('archive.fonds.addFile', { name: f.name })}</Link>
        <button
          ref={toggle}
          type="button"
          className="button secondary"
          aria-label={`${t('archive.fonds.edit')}: ${f.name}`}
          aria-expanded={editing}
          aria-controls={editing ? formId : undefined}
          onClick={() => {
            setSaved(null);
            setEditing((v) => !v);
          }}
        >
          {t('archive.fonds.edit')}
        </button>
      </p>
      {editing && (
        <div id={formId}>
          <FondsEditForm key={f.version} fonds={f} onDone={done} />
        </div>
      )}
    </li>
  );
}

function FondsForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roots = useQuery({
    queryKey: ['org', 'units', null, false],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/units', undefined, signal),
  });
  const [orgIdentifier, setOrg] = useState('');
  const [name, setName] = useState('');
  const [unitId, setUnit] = useState('');
  const [startYear, setStart] = useState('');
  const [endYear, setEnd] = useState('');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const errors = useArchiveFormErrors(fieldOfPath, LABELS, G.orgIdentifier);
  const e = errors.fields;
  // The units the manager holds a role on come first (the server checks the scope).
  const me = useMe();
  const all = [
    ...me.grants.map((g) => ({ id: g.unitId, name: g.unitName })),
    ...(roots.data ?? []).map((u) => ({ id: u.id, name: u.name })),
  ];
  const units = all.filter((u, i) => all.findIndex((x) => x.id === u.id) === i);
  const unit = unitId || units[0]?.id || '';

  const save = useMutation({
    mutationFn: () =>
      createFonds({
        orgIdentifier,
        name,
        unitId: unit,
        startYear: year(startYear),
        endYear: endYear.trim() ? year(endYear) : null,
        description: description.trim() || null,
      }),
    onSuccess: (f) => {
      setCreated(f.name);
      setOrg('');
      setName('');
      setStart('');
      setEnd('');
      setDescription('');
      errors.clear();
      void qc.invalidateQueries({ queryKey: ['archive-fonds'] });
    },
    onError: (err) => errors.fromApi(err),
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setCreated(null);
    save.mutate();
  };

  return (
    <section aria-labelledby="fonds-new" className="arc-add-doc">
      <h2 id="fonds-new">{t('archive.fonds.create')}</h2>
      <p className="hint">{t('archive.fonds.createIntro')}</p>
      {created && (
        <p role="status" className="alert alert-success">
          {t('archive.fonds.created', { name: created })}
        </p>
      )}
      <form className="arc-form" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <TextField
          id={G.orgIdentifier}
          label={t('archive.fonds.orgIdentifier')}
          hint={t('archive.fonds.orgIdentifierHint')}
          value={orgIdentifier}
          autoComplete="off"
          spellCheck={false}
          error={e[G.orgIdentifier]}
          onChange={(ev) => setOrg(ev.target.value)}
        />
        <TextField
          id={G.name}
          label={t('archive.fonds.name')}
          value={name}
          maxLength={300}
          error={e[G.name]}
          onChange={(ev) => setName(ev.target.value)}
        />
        <Select id={G.unitId} label={t('archive.fonds.unit')} value={unit} error={e[G.unitId]} onChange={setUnit}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <TextField
          id={G.startYear}
          label={t('archive.fonds.startYear')}
          inputMode="numeric"
          maxLength={4}
          value={startYear}
          error={e[G.startYear]}
          onChange={(ev) => setStart(ev.target.value)}
        />
        <TextField
          id={G.endYear}
          label={t('archive.fonds.endYear')}
          hint={t('archive.fonds.endYearHint')}
          inputMode="numeric"
          maxLength={4}
          value={endYear}
          error={e[G.endYear]}
          onChange={(ev) => setEnd(ev.target.value)}
        />
        <div className="field">
          <label htmlFor={G.description}>{t('archive.fonds.description')}</label>
          <textarea
            id={G.description}
            rows={3}
            maxLength={4000}
            value={description}
            aria-invalid={e[G.description] ? true : undefined}
            aria-describedby={e[G.description] ? `${G.description}-error` : undefined}
            onChange={(ev) => setDescription(ev.target.value)}
          />
          <FieldError id={G.description} error={e[G.description]} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('archive.form.saving') : t('archive.fonds.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
