import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type RunView, useDiff } from './allocation-api.ts';
import { CutoffText } from './allocation-results.tsx';

type Cutoff = number | { priorityRank: number | null; lottery: number } | null;
const asSchool = (c: Cutoff) => (typeof c === 'number' ? { cutoff: c } : { lastLottery: c });

/** What changed between two runs: applicants placed elsewhere, schools whose cut-off moved. */
export function RunDiffView({ roundId, runs }: { roundId: string; runs: RunView[] }) {
  const { t } = useTranslation();
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const diff = useDiff(roundId, pair);
  const label = (r: RunView) => `${formatDateTime(r.createdAt)} — ${t(`admissions.allocation.kinds.${r.kind}`)}`;
  const names = new Map(runs.flatMap((r) => r.summary.schools.map((s) => [s.schoolId, s.name] as const)));
  const school = (id: string | null) => (id ? (names.get(id) ?? id) : t('admissions.allocation.notPlaced'));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPair({ a: String(data.get('a')), b: String(data.get('b')) });
  }

  return (
    <section aria-labelledby="diff-title" className="card">
      <h2 id="diff-title">{t('admissions.allocation.diff')}</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="diff-a">{t('admissions.allocation.diffA')}</label>
          <select id="diff-a" name="a" defaultValue={runs[1]?.id}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {label(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-b">{t('admissions.allocation.diffB')}</label>
          <select id="diff-b" name="b" defaultValue={runs[0]?.id}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {label(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('admissions.allocation.compare')}
        </button>
      </form>
      {diff.isFetching && <Loading />}
      {diff.isError && <ErrorAlert error={diff.error} />}
      {diff.data && (
        <div aria-live="polite">
          {diff.data.applicants.length === 0 && diff.data.schools.length === 0 ? (
            <p>{t('admissions.allocation.noChange')}</p>
          ) : (
            <>
              <p>
                {t('admissions.allocation.changed', {
                  applicants: diff.data.applicants.length,
                  schools: diff.data.schools.length,
                })}
              </p>
              {diff.data.applicants.length > 0 && (
                <ScrollRegion labelledBy="diff-applicants-caption">
                  <table className="table table-stack">
                    <caption id="diff-applicants-caption">{t('admissions.allocation.diffApplicants')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('admissions.allocation.dossier')}</th>
                        <th scope="col">{t('admissions.allocation.before')}</th>
                        <th scope="col">{t('admissions.allocation.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.data.applicants.map((a) => (
                        <tr key={a.applicantId}>
                          <th scope="row">{a.applicantId}</th>
                          <td data-label={t('admissions.allocation.before')}>{school(a.before)}</td>
                          <td data-label={t('admissions.allocation.after')}>{school(a.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
              {diff.data.schools.length > 0 && (
                <ScrollRegion labelledBy="diff-schools-caption">
                  <table className="table table-stack">
                    <caption id="diff-schools-caption">{t('admissions.allocation.diffSchools')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('admissions.schools.school')}</th>
                        <th scope="col">{t('admissions.allocation.before')}</th>
                        <th scope="col">{t('admissions.allocation.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.data.schools.map((s) => (
                        <tr key={s.schoolId}>
                          <th scope="row">{school(s.schoolId)}</th>
                          <td data-label={t('admissions.allocation.before')}>
                            <CutoffText school={asSchool(s.before)} />
                          </td>
                          <td data-label={t('admissions.allocation.after')}>
                            <CutoffText school={asSchool(s.after)} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
