import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  IMPORT_FIELDS,
  type ImportJob,
  type ImportMapping,
  type IssuingUnit,
} from '../../../shared/diplomas.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import {
  fetchImport,
  fetchIssuingUnits,
  fetchRegisters,
  fetchReport,
  runImport,
  uploadList,
  validateImport,
} from './diplomas-api.ts';
import './diplomas.css';

/**
 * /van-bang/nhap and /van-bang/nhap/:id — the import wizard: upload a list (.xlsx, .csv), map
 * its columns (guessed from the headers), validate (progress polled), read the row report, run
 * (progress polled). Re-importing a list adds nothing twice.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('diplomas.import.title'));
  const { id } = useParams();
  return (
    <div className="dp-page">
      <h1>{t('diplomas.import.title')}</h1>
      {id ? <ImportJobView id={id} /> : <UploadStep />}
    </div>
  );
}

function UploadStep() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [unitId, setUnitId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const units = useQuery({ queryKey: ['diploma-issuing-units'], queryFn: fetchIssuingUnits });
  const upload = useMutation({
    mutationFn: () => uploadList(unitId, file as File),
    onSuccess: (job) => void navigate(`/van-bang/nhap/${job.id}`),
    onError: (error) =>
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!unitId) problems['di-unit'] = t('diplomas.import.errors.unit');
    if (!file) problems['di-file'] = t('diplomas.import.errors.file');
    if (Object.keys(problems).length) return errors.show(problems);
    upload.mutate();
  };
  return (
    <form className="form card" onSubmit={submit} noValidate>
      <h2>{t('diplomas.import.step1')}</h2>
      <ErrorSummary {...errors} />
      <div className="field">
        <label htmlFor="di-unit">{t('diplomas.import.unit')}</label>
        <p id="di-unit-hint" className="hint field-hint">
          {t('diplomas.import.unitHint')}
        </p>
        {units.error && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}
        <select
          id="di-unit"
          value={unitId}
          aria-invalid={errors.fields['di-unit'] ? true : undefined}
          aria-describedby={['di-unit-hint', errors.fields['di-unit'] ? 'di-unit-error' : null]
            .filter(Boolean)
            .join(' ')}
          onChange={(e) => setUnitId(e.target.value)}
        >
          <option value="">
            {units.isPending ? t('diplomas.import.unitLoading') : t('diplomas.import.unitChoose')}
          </option>
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {unitLabel(u, t)}
            </option>
          ))}
        </select>
        <FieldError id="di-unit" error={errors.fields['di-unit']} />
      </div>
      <div className="field">
        <label htmlFor="di-file">{t('diplomas.import.file')}</label>
        <input
          id="di-file"
          type="file"
          accept=".xlsx,.csv"
          aria-describedby={errors.fields['di-file'] ? 'di-file-error' : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {errors.fields['di-file'] && (
          <p id="di-file-error" className="field-error">
            {errors.fields['di-file']}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={upload.isPending}>
        {t('diplomas.import.upload')}
      </button>
    </form>
  );
}

const dmy = (d: string) => d.split('-').reverse().join('/');

/** "Sở GDĐT tỉnh Kon Tum (12/08/1991 – 30/06/2025, đã hết hiệu lực)": the name with its validity. */
function unitLabel(u: IssuingUnit, t: TFunction): string {
  const from = u.validFrom ? dmy(u.validFrom) : '…';
  const to = u.validTo ? dmy(u.validTo) : t('diplomas.import.unitNow');
  const former = u.formerNames.length ? `; ${u.formerNames.map((n) => n.name).join('; ')}` : '';
  return `${u.name} (${from} – ${to}${u.expired ? `, ${t('diplomas.import.unitExpired')}` : ''}${former})`;
}

function ImportJobView({ id }: { id: string }) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['diploma-import', id],
    queryFn: () => fetchImport(id),
    refetchInterval: (q) =>
      q.state.data?.status === 'validating' || q.state.data?.status === 'importing' ? 1000 : false,
  });
  if (job.isPending) return <Loading />;
  if (job.error) return <ErrorAlert error={job.error} />;
  const j = job.data;
  return (
    <>
      <p>
        {j.filename} — <strong>{t(`diplomas.import.status.${j.status}`)}</strong>
      </p>
      {(j.status === 'uploaded' || j.status === 'validated' || j.status === 'failed') && (
        <MappingStep job={j} onDone={() => void job.refetch()} />
      )}
      {(j.status === 'validating' || j.status === 'importing') && (
        <div role="status">
          <progress
            className="dp-progress"
            max={j.status === 'importing' ? Math.max(1, j.totalRows) : undefined}
            value={j.status === 'importing' ? j.processedRows : undefined}
            aria-label={t('diplomas.import.progress')}
          />
          <p>{t('diplomas.import.processed', { n: formatNumber(j.processedRows) })}</p>
        </div>
      )}
      {j.error && <p className="field-error">{j.error}</p>}
      {(j.status === 'validated' || j.status === 'done') && <Summary job={j} onRun={() => void job.refetch()} />}
    </>
  );
}

function MappingStep({ job, onDone }: { job: ImportJob; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const registers = useQuery({ queryKey: ['diploma-registers'], queryFn: fetchRegisters });
  const [mapping, setMapping] = useState<ImportMapping>(job.mapping);
  const [typeCode, setTypeCode] = useState(job.defaults.typeCode ?? '');
  const [year, setYear] = useState(job.defaults.year ? String(job.defaults.year) : '');
  useEffect(() => setMapping(job.mapping), [job.mapping]);
  const validate = useMutation({
    mutationFn: () =>
      validateImport(job.id, mapping, { ...(typeCode ? { typeCode } : {}), ...(year ? { year: Number(year) } : {}) }),
    onSuccess: onDone,
    onError: (error) =>
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general),
  });
  return (
    <form
      className="form card"
      onSubmit={(e) => {
        e.preventDefault();
        validate.mutate();
      }}
    >
      <h2>{t('diplomas.import.step2')}</h2>
      <ErrorSummary {...errors} />
      <div className="dp-table-wrap">
        <table className="dp-mapping">
          <caption className="visually-hidden">{t('diplomas.import.step2')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diplomas.import.field')}</th>
              <th scope="col">{t('diplomas.import.column')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_FIELDS.map((f) => (
              <tr key={f}>
                <th scope="row">
                  <label htmlFor={`map-${f}`}>{t(`diplomas.importFields.${f}`)}</label>
                </th>
                <td>
                  <select
                    id={`map-${f}`}
                    value={mapping[f] ?? ''}
                    onChange={(e) => {
                      const next = { ...mapping };
                      if (e.target.value === '') delete next[f];
                      else next[f] = Number(e.target.value);
                      setMapping(next);
                    }}
                  >
                    <option value="">{t('diplomas.import.none')}</option>
                    {job.headers
                      .map((h, i) => ({ h, i }))
                      .map(({ h, i }) => (
                        <option key={`column-${i}`} value={i}>
                          {h || `#${i + 1}`} {job.sample[0]?.[i] ? `(${job.sample[0][i]})` : ''}
                        </option>
                      ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor="map-type">{t('diplomas.import.defaultType')}</label>
        <select id="map-type" value={typeCode} onChange={(e) => setTypeCode(e.target.value)}>
          <option value="">{t('diplomas.import.fromColumn')}</option>
          {registers.data?.types.map((ty) => (
            <option key={ty.code} value={ty.code}>
              {i18n.resolvedLanguage === 'en' ? ty.nameEn : ty.nameVi}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="map-year"
        label={t('diplomas.import.defaultYear')}
        inputMode="numeric"
        value={year}
        onChange={(e) => setYear(e.target.value)}
      />
      <button type="submit" className="button" disabled={validate.isPending}>
        {t('diplomas.import.validate')}
      </button>
    </form>
  );
}

function Summary({ job, onRun }: { job: ImportJob; onRun: () => void }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const report = useQuery({
    queryKey: ['diploma-import-report', job.id, page],
    queryFn: () => fetchReport(job.id, page),
  });
  const errors = useFormErrors();
  const run = useMutation({
    mutationFn: () => runImport(job.id),
    onSuccess: onRun,
    onError: (error) =>
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general),
  });
  return (
    <section aria-labelledby="di-summary" className="card">
      <h2 id="di-summary">{t('diplomas.import.step3')}</h2>
      <ErrorSummary {...errors} />
      <ul>
        <li>{t('diplomas.import.valid', { n: formatNumber(job.validRows) })}</li>
        <li>{t('diplomas.import.existing', { n: formatNumber(job.existingRows) })}</li>
        <li>{t('diplomas.import.errorRows', { n: formatNumber(job.errorRows) })}</li>
        {job.status === 'done' && <li>{t('diplomas.import.inserted', { n: formatNumber(job.insertedRows) })}</li>}
      </ul>
      {job.status === 'validated' && (
        <button
          type="button"
          className="button"
          disabled={run.isPending || job.validRows === 0}
          onClick={() => run.mutate()}
        >
          {t('diplomas.import.run', { n: formatNumber(job.validRows) })}
        </button>
      )}
      {report.data && report.data.items.length > 0 && (
        <div className="dp-table-wrap">
          <table>
            <caption>{t('diplomas.import.report')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diplomas.import.row')}</th>
                <th scope="col">{t('diplomas.import.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.items.map((r) => (
                <tr key={r.rowNo}>
                  <td>{r.rowNo}</td>
                  <td>
                    {r.problems
                      .map(
                        (p) =>
                          `${t(`diplomas.importFields.${p.field}`)}: ${t(`diplomas.problems.${p.code}`, { value: p.value ?? '' })}`,
                      )
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {page > 1 && (
              <button type="button" onClick={() => setPage(page - 1)}>
                {t('pagination.previous')}
              </button>
            )}{' '}
            {page * 50 < report.data.total && (
              <button type="button" onClick={() => setPage(page + 1)}>
                {t('pagination.next')}
              </button>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
