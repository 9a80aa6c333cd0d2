import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { typeLabel } from './diploma-labels.ts';
import { fetchRegisters } from './diplomas-api.ts';
import { RegisterPagesForm } from './register-pages-form.tsx';
import './diplomas.css';

/**
 * /van-bang — the master registers in the user's scope, with their counts; those who manage
 * them attach a scanned register page to a range of register numbers.
 */
export function RegistersPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const manages = hasPermission(session.data?.user, 'diplomas.manage');
  usePageTitle(t('diplomas.registers.title'));
  const registers = useQuery({ queryKey: ['diploma-registers'], queryFn: fetchRegisters });
  return (
    <div className="dp-page">
      <h1>{t('diplomas.registers.title')}</h1>
      <p>
        <Link to="/van-bang/tim-kiem" className="button">
          {t('diplomas.search.title')}
        </Link>{' '}
        <Link to="/van-bang/nhap">{t('diplomas.import.title')}</Link>
      </p>
      {registers.isPending && <Loading />}
      {registers.error && <ErrorAlert error={registers.error} onRetry={() => void registers.refetch()} />}
      {registers.data && registers.data.items.length === 0 && <p>{t('diplomas.registers.empty')}</p>}
      {registers.data && registers.data.items.length > 0 && (
        <div className="dp-table-wrap">
          <table>
            <caption className="visually-hidden">{t('diplomas.registers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diplomas.fields.year')}</th>
                <th scope="col">{t('diplomas.fields.type')}</th>
                <th scope="col">{t('diplomas.fields.issuingUnit')}</th>
                <th scope="col">{t('diplomas.registers.entries')}</th>
                <th scope="col">{t('diplomas.registers.corrections')}</th>
              </tr>
            </thead>
            <tbody>
              {registers.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.year}</td>
                  <td>{typeLabel(registers.data.types, r.typeCode, i18n.resolvedLanguage)}</td>
                  <td>{r.issuingUnitName}</td>
                  <td>
                    <Link to={`/van-bang/tim-kiem?registerId=${r.id}`}>{formatNumber(r.entries)}</Link>
                  </td>
                  <td>{formatNumber(r.corrections)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manages && registers.data && registers.data.items.length > 0 && <RegisterPagesForm registers={registers.data} />}
    </div>
  );
}
