import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { labeller, type ResourceDetail, referenceQuery, schoolQuery } from './library-api.ts';

/**
 * A resource's description as a definition list: subjects, levels, grades, series, topic,
 * licence (linked), authors, owning school, keywords, publication, usage. `usage`: shown on the
 * reader's page; the moderator's view leaves it out and adds visibility and language.
 */
export function ResourceFacts({
  r,
  usage = true,
  more = false,
}: {
  r: ResourceDetail;
  usage?: boolean;
  more?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const reference = useQuery(referenceQuery);
  const school = useQuery({ ...schoolQuery(r.schoolId), enabled: Boolean(r.schoolId) });
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const licence = reference.data?.licences.find((l) => l.code === r.licenceCode);
  const language = reference.data?.languages.find((l) => l.code === r.languageCode);
  const publisher = school.data?.name ?? r.dublinCore['dc:publisher']?.[0];
  return (
    <dl className="facts">
      {r.subjects.length > 0 && (
        <>
          <dt>{t('library.facets.subject')}</dt>
          <dd>{r.subjects.map((s) => label('subject', s)).join(', ')}</dd>
        </>
      )}
      {r.levels.length > 0 && (
        <>
          <dt>{t('library.facets.level')}</dt>
          <dd>{r.levels.map((l) => label('level', l)).join(', ')}</dd>
        </>
      )}
      {r.grades.length > 0 && (
        <>
          <dt>{t('library.facets.grade')}</dt>
          <dd>{r.grades.map((g) => label('grade', String(g))).join(', ')}</dd>
        </>
      )}
      {r.seriesCode && (
        <>
          <dt>{t('library.facets.series')}</dt>
          <dd>{label('series', r.seriesCode)}</dd>
        </>
      )}
      {r.topic && (
        <>
          <dt>{t('library.resource.topic')}</dt>
          <dd>{r.topic}</dd>
        </>
      )}
      <dt>{t('library.facets.licence')}</dt>
      <dd>
        {licence?.url ? (
          <a href={licence.url} target="_blank" rel="license noopener noreferrer">
            {label('licence', r.licenceCode)}
          </a>
        ) : (
          label('licence', r.licenceCode)
        )}
      </dd>
      {more && (
        <>
          <dt>{t('library.form.visibility')}</dt>
          <dd>{t(`library.visibility.${r.visibility}`)}</dd>
          <dt>{t('library.form.language')}</dt>
          <dd>{language ? (i18n.resolvedLanguage === 'en' ? language.nameEn : language.nameVi) : r.languageCode}</dd>
        </>
      )}
      {r.authors.length > 0 && (
        <>
          <dt>{t('library.resource.authors')}</dt>
          <dd>{r.authors.join(', ')}</dd>
        </>
      )}
      {publisher && (
        <>
          <dt>{t('library.resource.school')}</dt>
          <dd>{publisher}</dd>
        </>
      )}
      {r.keywords.length > 0 && (
        <>
          <dt>{t('library.resource.keywords')}</dt>
          <dd>{r.keywords.join(', ')}</dd>
        </>
      )}
      {r.publishedAt && (
        <>
          <dt>{t('library.resource.published')}</dt>
          <dd>{formatDate(r.publishedAt)}</dd>
        </>
      )}
      {usage && (
        <>
          <dt>{t('library.resource.usage')}</dt>
          <dd>{t('library.resource.usageCounts', { views: r.viewCount, downloads: r.downloadCount })}</dd>
        </>
      )}
    </dl>
  );
}
