import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Kỳ tuyển sinh › <round>": where a page of one round sits. */
export function RoundBreadcrumb({ roundId, name }: { roundId: string; name: string | undefined }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admissions.round.breadcrumb')} className="breadcrumb">
      <Link to="/admissions/rounds">{t('admissions.rounds.title')}</Link> ›{' '}
      <Link to={`/admissions/rounds/${roundId}`}>{name ?? t('admissions.round.title')}</Link>
    </nav>
  );
}
