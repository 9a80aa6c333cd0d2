import { useTranslation } from 'react-i18next';
import { formatMillion, type PlanDetail } from './plans-api.ts';

/** The plan's budget (counted tasks only) by year, by funding source and by lead unit, in million VND. */
export function PlanTotals({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { totals } = plan;
  return (
    <section aria-labelledby="pl-totals">
      <h2 id="pl-totals">{t('plans.totals.title')}</h2>
      <p className="hint">{t('plans.totals.hint')}</p>
      <div className="pl-totals">
        <table>
          <caption>{t('plans.totals.byYear')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.totals.year')}</th>
              <th scope="col" className="pl-num">
                {t('plans.totals.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.byYear.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="pl-num pl-total" data-testid={`plan-total-${y.year}`}>
                  {formatMillion(y.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('plans.totals.bySource')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.totals.source')}</th>
              {totals.byYear.map((y) => (
                <th key={y.year} scope="col" className="pl-num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {totals.bySource.map((s) => (
              <tr key={s.sourceCode}>
                <th scope="row">{s.label}</th>
                {totals.byYear.map((y) => (
                  <td key={y.year} className="pl-num">
                    {formatMillion(
                      totals.byYearSource.find((x) => x.year === y.year && x.sourceCode === s.sourceCode)?.amount ?? 0,
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('plans.totals.byUnit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.totals.unit')}</th>
              <th scope="col" className="pl-num">
                {t('plans.totals.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.byUnit.map((u) => (
              <tr key={u.unitId ?? u.name}>
                <th scope="row">{u.name}</th>
                <td className="pl-num">{formatMillion(u.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
