import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebounced } from '../../lib/hooks.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import type { Errors } from './fields.tsx';
import { type LessonPlanDetail, useResourceSearch } from './lesson-plans-api.ts';
import { fieldId } from './plan-edit.ts';

type Known = LessonPlanDetail['resources'][number];

interface Props {
  ids: string[];
  /** Titles of resources already known (from the server, or attached from the search). */
  known: Map<string, Known>;
  errors: Errors;
  readOnly: boolean;
  onChange: (ids: string[], added?: Known) => void;
}

/** Học liệu số đính kèm: the attached library resources, and a search of the library by title to attach more. */
export function ResourcesFields({ ids, known, errors, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const search = useResourceSearch(query);
  const searchId = useId();
  const statusId = useId();
  const results = search.data?.items ?? [];
  return (
    <section className="lp-section" aria-labelledby="lp-resources-title">
      <h2 id="lp-resources-title">{t('lessonPlans.resources.title')}</h2>
      {ids.length === 0 ? (
        <p className="muted">{t('lessonPlans.resources.none')}</p>
      ) : (
        <ol className="lp-resources">
          {ids.map((id, i) => {
            const r = known.get(id);
            const fid = fieldId(`resourceIds.${i}`);
            return (
              <li key={id} id={fid} tabIndex={-1}>
                {r ? <Link to={`/hoc-lieu/${id}`}>{r.title}</Link> : t('lessonPlans.resources.unknown')}
                {r && <span className="muted small"> · {t(`library.kinds.${r.kind}`)}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    className="link-button lp-remove"
                    aria-label={t('lessonPlans.resources.removeNamed', { title: r?.title ?? id })}
                    onClick={() => onChange(ids.filter((x) => x !== id))}
                  >
                    {t('lessonPlans.editor.remove')}
                  </button>
                )}
                <FieldError id={fid} error={errors[fid]} />
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <div className="field">
          <label htmlFor={searchId}>{t('lessonPlans.resources.search')}</label>
          <p className="hint field-hint" id={`${searchId}-hint`}>
            {t('lessonPlans.resources.searchHint')}
          </p>
          <input
            id={searchId}
            type="search"
            value={q}
            aria-describedby={`${searchId}-hint ${statusId}`}
            onChange={(e) => setQ(e.target.value)}
          />
          <p id={statusId} className="small muted" role="status">
            {query.trim().length >= 2 && search.data
              ? results.length > 0
                ? t('lessonPlans.resources.results', { count: search.data.total })
                : t('lessonPlans.resources.noResults')
              : ''}
          </p>
          {results.length > 0 && (
            <ul className="lp-results">
              {results.map((r) => {
                const attached = ids.includes(r.id);
                return (
                  <li key={r.id}>
                    <span>
                      {r.title} <span className="muted small">· {t(`library.kinds.${r.kind}`)}</span>
                    </span>
                    <button
                      type="button"
                      className="button secondary"
                      disabled={attached || ids.length >= 50}
                      aria-label={t(
                        attached ? 'lessonPlans.resources.attachedNamed' : 'lessonPlans.resources.attachNamed',
                        { title: r.title },
                      )}
                      onClick={() => onChange([...ids, r.id], { id: r.id, title: r.title, kind: r.kind })}
                    >
                      {attached ? t('lessonPlans.resources.attached') : t('lessonPlans.resources.attach')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
