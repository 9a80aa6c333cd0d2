import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { PAGE_SIZE, searchFiles } from './archive-api.ts';
import './archive.css';

/** /luu-tru — search the archive's file descriptions (accents optional); public ones for everyone. */
export function ArchiveSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFromParams(params);
  const [text, setText] = useState(q);
  usePageTitle(t('archive.search.title'));
  useEffect(() => setText(q), [q]);
  const results = useQuery({
    queryKey: ['archive-files', q, page],
    queryFn: ({ signal }) => searchFiles(q, page, signal),
    placeholderData: keepPreviousData,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <div className="arc-page">
      <h1>{t('archive.search.title')}</h1>
      <p className="lead">{t('archive.search.intro')}</p>
      <search>
        <form className="arc-searchbar" onSubmit={submit}>
          <label htmlFor="arc-q" className="visually-hidden">
            {t('archive.search.label')}
          </label>
          <input
            id="arc-q"
            type="search"
            value={text}
            maxLength={200}
            placeholder={t('archive.search.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {t('archive.search.submit')}
          </button>
        </form>
      </search>
      <p>
        <a href="/api/archive/export?format=csv" download>
          {t('archive.search.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href="/api/archive/export?format=dc" download>
          {t('archive.search.exportDc')}
        </a>
      </p>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <p aria-live="polite">{t('archive.search.count', { count: results.data.total })}</p>
          <ul className="arc-list">
            {results.data.items.map((f) => (
              <li key={f.id} className="arc-card">
                <h2>
                  <Link to={`/luu-tru/ho-so/${f.id}`}>{f.title}</Link>
                </h2>
                <p className="arc-meta">
                  {f.code} · {f.fondsName} · {formatDate(f.startDate)}–{formatDate(f.endDate)} ·{' '}
                  <span className="arc-level">{t(`archive.level.${f.accessLevel}`)}</span>
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={results.data.total} />
        </>
      )}
    </div>
  );
}
