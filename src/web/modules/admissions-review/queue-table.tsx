import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../../shared/admission-applications.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { DueDate, ReviewStateBadge } from './state-badge.tsx';

interface Props {
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onToggle: (dossierId: string, on: boolean) => void;
  /** Where a row's code links to (the dossier, carrying the queue's filters for previous/next). */
  hrefFor: (item: QueueItem) => string;
  /** Names of the round's priority groups by code. */
  priorityName: (code: string) => string;
}

/**
 * The queue: a table on wide screens, a card per dossier on a phone (`table-stack`). Each row
 * has its own labelled checkbox for bulk steps; the code links to the dossier.
 */
export function QueueTable({ items, selected, onToggle, hrefFor, priorityName }: Props) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="queue-caption">
      <table className="table table-stack review-queue">
        <caption id="queue-caption" className="visually-hidden">
          {t('admissionsReview.queue.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admissionsReview.col.code')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admissionsReview.col.select')}</span>
            </th>
            <th scope="col">{t('admissionsReview.col.child')}</th>
            <th scope="col">{t('admissionsReview.col.firstWish')}</th>
            <th scope="col">{t('admissionsReview.col.state')}</th>
            <th scope="col">{t('admissionsReview.col.due')}</th>
            <th scope="col">{t('admissionsReview.col.residence')}</th>
            <th scope="col">{t('admissionsReview.col.priority')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const boxId = `select-${item.dossierId}`;
            return (
              <tr key={item.dossierId} className={selected.has(item.dossierId) ? 'review-selected' : undefined}>
                <th scope="row" className="nowrap">
                  <Link to={hrefFor(item)}>{item.dossierCode}</Link>
                </th>
                <td className="review-select">
                  <input
                    id={boxId}
                    type="checkbox"
                    checked={selected.has(item.dossierId)}
                    onChange={(e) => onToggle(item.dossierId, e.target.checked)}
                  />
                  <label htmlFor={boxId}>
                    <span className="visually-hidden">
                      {t('admissionsReview.queue.selectOne', { code: item.dossierCode, name: item.childName })}
                    </span>
                    <span aria-hidden="true" className="review-select-text">
                      {t('admissionsReview.col.select')}
                    </span>
                  </label>
                </td>
                <td data-label={t('admissionsReview.col.child')}>
                  <div>
                    <span className="block">{item.childName}</span>
                    <span className="small muted">
                      {formatDate(item.dateOfBirth)} · {t(`admissionsReview.gender.${item.gender}`)}
                    </span>
                  </div>
                </td>
                <td data-label={t('admissionsReview.col.firstWish')}>{item.firstWish.name}</td>
                <td data-label={t('admissionsReview.col.state')}>
                  <ReviewStateBadge state={item.state} />
                </td>
                <td data-label={t('admissionsReview.col.due')}>
                  <DueDate state={item.state} dueAt={item.dueAt} />
                </td>
                <td data-label={t('admissionsReview.col.residence')}>
                  {t(`admissionsReview.residence.${item.residenceStatus}`)}
                </td>
                <td data-label={t('admissionsReview.col.priority')}>
                  {item.priorityGroup ? priorityName(item.priorityGroup) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
