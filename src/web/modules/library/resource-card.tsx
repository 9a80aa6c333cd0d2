import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type FacetName, type ResourceSummary, schoolQuery } from './library-api.ts';

export type Label = (facet: FacetName, value: string) => string;

/** One resource in a list (search results, a collection, favourites): kind, title, subjects and grades, licence, school. */
export function ResourceCard({ r, label }: { r: ResourceSummary; label: Label }) {
  const school = useQuery(schoolQuery(r.schoolId));
  const where = [...r.subjects.map((s) => label('subject', s)), ...r.grades.map((g) => label('grade', String(g)))].join(
    ' · ',
  );
  return (
    <li className="lib-card card">
      <p className="lib-kind">{label('kind', r.kind)}</p>
      <h3 className="lib-card-title">
        <Link to={`/hoc-lieu/${r.id}`}>{r.title}</Link>
      </h3>
      {where && <p className="lib-card-meta">{where}</p>}
      <p className="lib-card-meta small muted">
        {label('licence', r.licenceCode)}
        {school.data && ` · ${school.data.name}`}
      </p>
    </li>
  );
}
