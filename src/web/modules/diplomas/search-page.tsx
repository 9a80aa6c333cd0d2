import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { birthText } from './diploma-labels.ts';
import { searchEntries } from './diplomas-api.ts';
import './diplomas.css';

const KEYS = ['name', 'serial', 'birthYear', 'year', 'school', 'registerId'] as const;
type Key = (typeof KEYS)[number];

/** /van-bang/tim-kiem — staff search: name without accents, serial, birth year, year, school; in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('diplomas.search.title'));
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>;
  const page = Number(params.get('page') ?? '1') || 1;
  const [form, setForm] = useState(current);
  const hasCriteria = KEYS.some((k) => current[k]);
  const results = useQuery({
    queryKey: ['diploma-search', params.toString()],
    queryFn: () => searchEntries({ ...current, page }),
    enabled: hasCriteria,
    placeholderData: keepPreviousData,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of KEYS) if (form[k].trim()) next.set(k, form[k].trim());
    setParams(next);
  };
  const field = (k: Key, label: string, extra: { inputMode?: 'numeric' } = {}) => (
    <TextField
      id={`ds-${k}`}
      label={label}
      value={form[k]}
      autoComplete="off"
      onChange={(e) => setForm({ ...form, [k]: e.target.value })}
      {...extra}
    />
  );
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `/van-bang/tim-kiem?${next}`;
  };
  return (
    <div className="dp-page">
      <h1>{t('diplomas.search.title')}</h1>
      <form className="form card" onSubmit={submit}>
        <div className="dp-search">
          {field('name', t('diplomas.fields.fullName'))}
          {field('serial', t('diplomas.fields.serial'))}
          {field('birthYear', t('diplomas.search.birthYear'), { inputMode: 'numeric' })}
          {field('year', t('diplomas.fields.year'), { inputMode: 'numeric' })}
          {field('school', t('diplomas.fields.school'))}
        </div>
        <button type="submit" className="button">
          {t('diplomas.search.submit')}
        </button>
      </form>
      {!hasCriteria && <p>{t('diplomas.search.hint')}</p>}
      {results.isFetching && <Loading />}
      {results.error && <ErrorAlert error={results.error} />}
      {results.data && (
        <section aria-labelledby="ds-results">
          <h2 id="ds-results">{t('diplomas.search.results')}</h2>
          {results.data.items.length === 0 && <p>{t('diplomas.search.none')}</p>}
          <ul className="dp-results">
            {results.data.items.map((e) => (
              <li key={e.id} className="card">
                <Link to={`/van-bang/ban-ghi/${e.id}`}>{e.fullName}</Link>
                <div>
                  {t('diplomas.fields.birthDate')}: {birthText(e.birthDate)} · {t('diplomas.fields.year')}: {e.year} ·{' '}
                  {t('diplomas.fields.serial')}: {e.serial ?? '—'}
                </div>
                <div className="muted">
                  {e.schoolName} · {e.issuingUnitName}
                </div>
              </li>
            ))}
          </ul>
          <nav className="pagination" aria-label={t('pagination.label')}>
            {page > 1 && <Link to={pageLink(page - 1)}>{t('pagination.previous')}</Link>}
            {results.data.hasMore && <Link to={pageLink(page + 1)}>{t('pagination.next')}</Link>}
          </nav>
        </section>
      )}
    </div>
  );
}
