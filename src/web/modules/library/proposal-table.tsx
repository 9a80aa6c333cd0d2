import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type FacetName, labeller, type ResourceDetail, referenceQuery } from './library-api.ts';
import { type ProposalField, proposalChanges } from './metadata-form.ts';

/** Fields whose values are codes, and the facet whose names they take. */
const CODED: Partial<Record<ProposalField, FacetName>> = {
  kind: 'kind',
  levels: 'level',
  grades: 'grade',
  subjects: 'subject',
  seriesCode: 'series',
  licenceCode: 'licence',
};

/**
 * A published resource's proposed metadata beside what readers see now (the change is
 * published with the next publication); nothing when there is no proposal.
 */
export function ProposalTable({ r }: { r: ResourceDetail }) {
  const { t, i18n } = useTranslation();
  const reference = useQuery(referenceQuery);
  const changes = proposalChanges(r);
  if (changes.length === 0) return null;
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const show = (field: ProposalField, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    const list = Array.isArray(v) ? v : [v];
    const facet = CODED[field];
    const named = list.map((x) =>
      facet ? label(facet, String(x)) : field === 'visibility' ? t(`library.visibility.${x}`) : String(x),
    );
    return named.join(', ') || '—';
  };
  return (
    <section aria-labelledby="lib-proposal-title">
      <h2 id="lib-proposal-title">{t('library.review.proposal')}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('library.review.proposal')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('library.review.field')}</th>
              <th scope="col">{t('library.review.now')}</th>
              <th scope="col">{t('library.review.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{t(`library.form.${c.field.replace(/Code$/, '')}`)}</th>
                <td>{show(c.field, c.before)}</td>
                <td>{show(c.field, c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
