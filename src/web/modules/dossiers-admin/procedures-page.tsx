import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatVnd } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useProcedures, useUnitTypes } from './dossiers-admin-api.ts';
import './dossiers-admin.css';

/** /dossiers/procedures — every procedure definition; a configurer can open one to edit or create one. */
export function ProceduresPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dossiersAdmin.procedures.title'));
  const me = useMe();
  const procedures = useProcedures();
  const unitTypes = useUnitTypes();
  const lang = i18n.resolvedLanguage;
  const unitName = (code: string) => {
    const type = unitTypes.data?.find((u) => u.code === code);
    return type ? pickLocalized(type.name, lang) : code;
  };
  const list = procedures.data ?? [];
  return (
    <>
      <h1>{t('dossiersAdmin.procedures.title')}</h1>
      <p className="lead">{t('dossiersAdmin.procedures.lead')}</p>
      {hasPermission(me, 'dossiers.configure') && (
        <p>
          <Link className="button" to="/dossiers/procedures/new">
            {t('dossiersAdmin.procedures.create')}
          </Link>
        </p>
      )}
      <p aria-live="polite" className="result-count">
        {procedures.data &&
          t('dossiersAdmin.procedures.count', { count: list.length, formatted: formatNumber(list.length) })}
      </p>
      {procedures.isPending && <Loading />}
      {procedures.isError && <ErrorAlert error={procedures.error} onRetry={() => void procedures.refetch()} />}
      {list.length > 0 && (
        <ScrollRegion labelledBy="procedures-caption">
          <table className="table table-stack">
            <caption id="procedures-caption" className="visually-hidden">
              {t('dossiersAdmin.procedures.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dossiersAdmin.field.name')}</th>
                <th scope="col">{t('dossiersAdmin.field.code')}</th>
                <th scope="col">{t('dossiersAdmin.field.mode')}</th>
                <th scope="col">{t('dossiersAdmin.field.unitType')}</th>
                <th scope="col" className="num">
                  {t('dossiersAdmin.field.days')}
                </th>
                <th scope="col" className="num">
                  {t('dossiersAdmin.field.fee')}
                </th>
                <th scope="col">{t('dossiersAdmin.field.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.code}>
                  <th scope="row">
                    <Link to={`/dossiers/procedures/${p.code}`}>{pickLocalized(p.name, lang)}</Link>
                  </th>
                  <td data-label={t('dossiersAdmin.field.code')}>
                    <code>{p.code}</code>
                  </td>
                  <td data-label={t('dossiersAdmin.field.mode')}>{t(`dossiersAdmin.mode.${p.mode}`)}</td>
                  <td data-label={t('dossiersAdmin.field.unitType')}>{unitName(p.unitType)}</td>
                  <td data-label={t('dossiersAdmin.field.days')} className="num">
                    {t('dossiersAdmin.workingDays', {
                      count: p.processingDays,
                      formatted: formatNumber(p.processingDays),
                    })}
                  </td>
                  <td data-label={t('dossiersAdmin.field.fee')} className="num nowrap">
                    {p.feeVnd === 0 ? t('dossiersAdmin.free') : formatVnd(p.feeVnd)}
                  </td>
                  <td data-label={t('dossiersAdmin.field.state')}>
                    {p.active ? t('dossiersAdmin.active') : t('dossiersAdmin.inactive')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
