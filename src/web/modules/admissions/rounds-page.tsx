import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RoundSummary } from '../../../shared/admissions.schema.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useRounds } from './admissions-api.ts';
import { RoundCopyForm } from './round-copy-form.tsx';
import { RoundCreateForm } from './round-create-form.tsx';
import { LEVELS, STATUSES } from './round-labels.ts';

/** /admissions/rounds — the rounds the user can see, filtered; create a round or copy last year's. */
export function RoundsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissions.rounds.title'));
  const me = useMe();
  const canManage = hasPermission(me, 'admissions.manage');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = {
    level: params.get('level') ?? undefined,
    schoolYear: params.get('schoolYear') ?? undefined,
    status: params.get('status') ?? undefined,
    page: pageFromParams(params),
  };
  const rounds = useRounds(filter);
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState<RoundSummary | null>(null);

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ['level', 'schoolYear', 'status']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    setParams(next);
  }

  return (
    <>
      <h1>{t('admissions.rounds.title')}</h1>
      <p className="lead">{t('admissions.rounds.lead')}</p>
      {canManage && (
        <section aria-labelledby="round-create-title" className="card">
          <h2 id="round-create-title">{t('admissions.create.title')}</h2>
          {creating ? (
            <RoundCreateForm
              onCancel={() => setCreating(false)}
              onCreated={(id) => navigate(`/admissions/rounds/${id}`)}
            />
          ) : (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('admissions.create.open')}
            </button>
          )}
        </section>
      )}
      {copying && (
        <RoundCopyForm
          source={copying}
          onCancel={() => setCopying(null)}
          onCopied={(id, skipped) => navigate(`/admissions/rounds/${id}`, { state: { skipped } })}
        />
      )}
      <search>
        <form className="filters card" onSubmit={applyFilter} key={params.toString()}>
          <div className="field">
            <label htmlFor="rounds-year">{t('admissions.field.schoolYear')}</label>
            <input
              id="rounds-year"
              name="schoolYear"
              inputMode="numeric"
              placeholder="2026-2027"
              pattern="\d{4}-\d{4}"
              defaultValue={filter.schoolYear}
            />
          </div>
          <div className="field">
            <label htmlFor="rounds-level">{t('admissions.field.level')}</label>
            <select id="rounds-level" name="level" defaultValue={filter.level ?? ''}>
              <option value="">{t('admissions.all')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t('admissions.levelName', { level: l })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rounds-status">{t('admissions.field.status')}</label>
            <select id="rounds-status" name="status" defaultValue={filter.status ?? ''}>
              <option value="">{t('admissions.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admissions.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('action.filter')}
            </button>
            {params.toString() !== '' && (
              <button type="button" className="button secondary" onClick={() => setParams({})}>
                {t('action.clear')}
              </button>
            )}
          </div>
        </form>
      </search>
      <p aria-live="polite" className="result-count">
        {rounds.data &&
          t('admissions.rounds.count', { count: rounds.data.total, formatted: formatNumber(rounds.data.total) })}
      </p>
      {rounds.isPending && <Loading />}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data && rounds.data.items.length === 0 && <p className="empty">{t('admissions.rounds.none')}</p>}
      {rounds.data && rounds.data.items.length > 0 && (
        <RoundsTable rounds={rounds.data.items} canManage={canManage} onCopy={setCopying} />
      )}
      {rounds.data && <Pagination page={rounds.data.page} pageSize={rounds.data.pageSize} total={rounds.data.total} />}
    </>
  );
}

function RoundsTable({
  rounds,
  canManage,
  onCopy,
}: {
  rounds: RoundSummary[];
  canManage: boolean;
  onCopy: (round: RoundSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="rounds-caption">
      <table className="table table-stack">
        <caption id="rounds-caption" className="visually-hidden">
          {t('admissions.rounds.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admissions.field.name')}</th>
            <th scope="col">{t('admissions.field.level')}</th>
            <th scope="col">{t('admissions.field.runningUnit')}</th>
            <th scope="col">{t('admissions.field.status')}</th>
            <th scope="col">{t('admissions.field.seats')}</th>
            <th scope="col">{t('admissions.field.registration')}</th>
            {canManage && <th scope="col">{t('admissions.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/admissions/rounds/${r.id}`}>{r.name}</Link>
                <span className="code-line">
                  {r.code} · {r.schoolYear}
                </span>
              </th>
              <td data-label={t('admissions.field.level')}>{t('admissions.levelName', { level: r.level })}</td>
              <td data-label={t('admissions.field.runningUnit')}>{r.runningUnit.name}</td>
              <td data-label={t('admissions.field.status')}>{t(`admissions.status.${r.status}`)}</td>
              <td data-label={t('admissions.field.seats')}>
                {t('admissions.rounds.seats', {
                  seats: formatNumber(r.seats),
                  schools: formatNumber(r.schoolCount),
                })}
              </td>
              <td data-label={t('admissions.field.registration')}>
                {formatDateTime(r.timeline.registerFrom)} – {formatDateTime(r.timeline.registerTo)}
              </td>
              {canManage && (
                <td className="cell-actions">
                  <div className="row-actions">
                    <button type="button" className="link-button" onClick={() => onCopy(r)}>
                      {t('admissions.copy.action')}
                      <span className="visually-hidden"> {r.name}</span>
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
