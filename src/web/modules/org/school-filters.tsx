import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDebounced } from '../../lib/hooks.ts';
import { OWNERSHIPS, SCHOOL_LEVELS } from './labels.ts';
import { useCommunes } from './org-api.ts';

/** Search box (debounced into ?q=) and filter selects; any change returns to page 1. */
export function SchoolFilters() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const communes = useCommunes();
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

  // Typing updates the URL once the user pauses, replacing the history entry.
  useEffect(() => {
    if (debounced.trim() === lastPushed.current.trim()) return;
    lastPushed.current = debounced;
    setParam('q', debounced.trim(), true);
  }, [debounced, setParam]);

  // Back/forward changes the URL: show its query in the box.
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

  return (
    <search>
      <form className="filters card" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="school-q">{t('schools.search')}</label>
          <input
            id="school-q"
            type="search"
            value={text}
            placeholder={t('schools.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="school-level">{t('schools.level')}</label>
          <select
            id="school-level"
            value={params.get('level') ?? ''}
            onChange={(e) => setParam('level', e.target.value)}
          >
            <option value="">{t('schools.allLevels')}</option>
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="school-commune">{t('schools.commune')}</label>
          <select
            id="school-commune"
            value={params.get('commune') ?? ''}
            onChange={(e) => setParam('commune', e.target.value)}
          >
            <option value="">{t('schools.allCommunes')}</option>
            {communes.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="school-ownership">{t('schools.ownership')}</label>
          <select
            id="school-ownership"
            value={params.get('ownership') ?? ''}
            onChange={(e) => setParam('ownership', e.target.value)}
          >
            <option value="">{t('schools.allOwnerships')}</option>
            {OWNERSHIPS.map((o) => (
              <option key={o} value={o}>
                {t(`ownership.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input
            id="school-expired"
            type="checkbox"
            checked={params.get('expired') === '1'}
            onChange={(e) => setParam('expired', e.target.checked ? '1' : '')}
          />
          <label htmlFor="school-expired">{t('schools.includeExpired')}</label>
        </div>
        <button type="submit" className="button">
          {t('action.search')}
        </button>
      </form>
    </search>
  );
}
