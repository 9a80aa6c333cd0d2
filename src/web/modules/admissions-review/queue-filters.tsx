import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { pickLocalized } from '../../lib/text.ts';
import { QUEUE_STATES } from './queue-params.ts';

/**
 * The queue's search box (debounced into ?q=, accent-insensitive on the server) and filter
 * selects; each change is written to the URL at once and returns to page 1.
 */
export function QueueFilters({ round }: { round: RoundDetail | undefined }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';
  const [text, setText] = useState(urlQ);
  const debounced = useDebounced(text, 300);
  const lastPushed = useRef(urlQ);

  const setParam = useCallback(
    (key: string, value: string, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('page');
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  useEffect(() => {
    if (debounced.trim() === lastPushed.current.trim()) return;
    lastPushed.current = debounced;
    setParam('q', debounced.trim(), true);
  }, [debounced, setParam]);

  useEffect(() => {
    if (urlQ.trim() === lastPushed.current.trim()) return;
    lastPushed.current = urlQ;
    setText(urlQ);
  }, [urlQ]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    lastPushed.current = text;
    setParam('q', text.trim());
  }

  const select = (id: string, key: string, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={params.get(key) ?? ''} onChange={(e) => setParam(key, e.target.value)}>
        <option value="">{t('admissionsReview.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <search>
      <form className="filters card" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="queue-q">{t('admissionsReview.filter.search')}</label>
          <input
            id="queue-q"
            type="search"
            value={text}
            placeholder={t('admissionsReview.filter.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        {select(
          'queue-state',
          'state',
          t('admissionsReview.filter.state'),
          QUEUE_STATES.map((s) => ({ value: s, label: t(`admissionsReview.state.${s}`) })),
        )}
        {select(
          'queue-school',
          'school',
          t('admissionsReview.filter.school'),
          (round?.schools ?? []).map((s) => ({ value: s.schoolId, label: s.name })),
        )}
        {(round?.priorityGroups.length ?? 0) > 0 &&
          select(
            'queue-priority',
            'priority',
            t('admissionsReview.filter.priority'),
            (round?.priorityGroups ?? []).map((g) => ({
              value: g.code,
              label: pickLocalized({ vi: g.nameVi, en: g.nameEn ?? '' }, i18n.resolvedLanguage),
            })),
          )}
        {select('queue-registry', 'registry', t('admissionsReview.filter.registry'), [
          { value: 'match', label: t('admissionsReview.filter.registryMatch') },
          { value: 'nomatch', label: t('admissionsReview.filter.registryNoMatch') },
        ])}
        <div className="checkbox">
          <input
            id="queue-overdue"
            type="checkbox"
            checked={params.get('overdue') === '1'}
            onChange={(e) => setParam('overdue', e.target.checked ? '1' : '')}
          />
          <label htmlFor="queue-overdue">{t('admissionsReview.filter.overdue')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('action.search')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              lastPushed.current = '';
              setText('');
              setParams(new URLSearchParams());
            }}
          >
            {t('action.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
