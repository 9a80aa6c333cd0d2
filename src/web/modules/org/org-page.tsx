import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { UnitDetailPanel } from './unit-detail.tsx';
import { UnitTree } from './unit-tree.tsx';

/** Organisation tree browser; the selected unit and the expired toggle live in the URL. */
export function OrgPage() {
  const { t } = useTranslation();
  usePageTitle(t('org.title'));
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const includeExpired = params.get('expired') === '1';

  function update(key: string, value: string | null) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'expired' },
    );
  }

  return (
    <>
      <h1>{t('org.title')}</h1>
      <p className="lead">{t('org.intro')}</p>
      <div className="split">
        <section aria-labelledby="tree-title" className="card">
          <h2 id="tree-title">{t('org.units')}</h2>
          <div className="checkbox">
            <input
              id="show-expired"
              type="checkbox"
              checked={includeExpired}
              onChange={(e) => update('expired', e.target.checked ? '1' : null)}
            />
            <label htmlFor="show-expired">{t('org.showExpired')}</label>
          </div>
          <UnitTree includeExpired={includeExpired} selectedId={selectedId} onSelect={(id) => update('unit', id)} />
        </section>
        <UnitDetailPanel unitId={selectedId} onSelect={(id) => update('unit', id)} />
      </div>
    </>
  );
}
