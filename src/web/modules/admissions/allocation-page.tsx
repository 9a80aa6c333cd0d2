import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useRound } from './admissions-api.ts';
import { type PreparedRound, type RunView, usePrepared, useRuns, useStartRun } from './allocation-api.ts';
import { RunDiffView } from './allocation-diff.tsx';
import { RunResults } from './allocation-results.tsx';
import { ExamScores } from './exam-scores.tsx';
import { RoundBreadcrumb } from './round-breadcrumb.tsx';

/**
 * /admissions/rounds/:roundId/allocation — the inputs hash first (what the run will read),
 * practice runs as often as wanted, one final run after a confirmation, every run's results
 * explained, and what changed between two runs (issue 3, item 4). Grade 10: exam scores first.
 */
export function AllocationPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  usePageTitle(t('admissions.allocation.title'));
  // The server prepares a run only once registration has closed (closed_for_review, allocating).
  const runnable = round.data ? !['draft', 'open'].includes(round.data.status) : false;
  const prepared = usePrepared(roundId, runnable);
  const runs = useRuns(roundId);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <RoundBreadcrumb roundId={roundId} name={round.data?.name} />
      <h1>{t('admissions.allocation.title')}</h1>
      {round.data && (
        <p className="lead">
          {round.data.name} — {t(`admissions.status.${round.data.status}`)}
        </p>
      )}
      {round.data?.level === 10 && <ExamScores round={round.data} />}
      <section aria-labelledby="inputs-title" className="card">
        <h2 id="inputs-title">{t('admissions.allocation.inputs')}</h2>
        {round.data && !runnable && <p className="notice">{t('admissions.allocation.notYet')}</p>}
        {runnable && prepared.isPending && <Loading />}
        {prepared.isError && <ErrorAlert error={prepared.error} onRetry={() => void prepared.refetch()} />}
        {prepared.data && (
          <RunControls
            prepared={prepared.data}
            hasFinal={!!runs.data?.some((r) => r.kind === 'final')}
            onRun={setSelected}
          />
        )}
      </section>
      <section aria-labelledby="runs-title" className="card">
        <h2 id="runs-title">{t('admissions.allocation.runs')}</h2>
        {runs.isPending && <Loading />}
        {runs.isError && <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />}
        {runs.data && runs.data.length === 0 && <p className="empty">{t('admissions.allocation.noRuns')}</p>}
        {runs.data && runs.data.length > 0 && <RunsTable runs={runs.data} selected={selected} onSelect={setSelected} />}
      </section>
      {selected && <RunResults roundId={roundId} runId={selected} />}
      {runs.data && runs.data.length > 1 && <RunDiffView roundId={roundId} runs={runs.data} />}
    </>
  );
}

/** The hash and what it covers, then the two kinds of run; the final one asks first. */
function RunControls({
  prepared,
  hasFinal,
  onRun,
}: {
  prepared: PreparedRound;
  hasFinal: boolean;
  onRun: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const start = useStartRun(prepared.roundId);
  const [confirming, setConfirming] = useState(false);
  const run = (kind: 'practice' | 'final') =>
    start.mutate(
      { kind, expectedInputsHash: prepared.inputsSha256 },
      {
        onSuccess: (r) => {
          setConfirming(false);
          onRun(r.id);
        },
      },
    );

  return (
    <>
      <dl className="facts">
        <dt>{t('admissions.allocation.hash')}</dt>
        <dd>
          <code className="id" data-testid="inputs-hash">
            {prepared.inputsSha256}
          </code>
        </dd>
        <dt>{t('admissions.allocation.applicants')}</dt>
        <dd>{formatNumber(prepared.applicants)}</dd>
        <dt>{t('admissions.allocation.schools')}</dt>
        <dd>{formatNumber(prepared.schools)}</dd>
        <dt>{t('admissions.allocation.seed')}</dt>
        <dd>{t(prepared.seedPublished ? 'admissions.allocation.seedYes' : 'admissions.allocation.seedNo')}</dd>
      </dl>
      <p className="hint">
        {t(prepared.level === 10 ? 'admissions.allocation.covers10' : 'admissions.allocation.covers16')}
      </p>
      <FormStatus
        error={start.error}
        success={start.isSuccess ? t(`admissions.allocation.done.${start.data.kind}`) : null}
      />
      <div className="actions">
        <button type="button" className="button" disabled={start.isPending} onClick={() => run('practice')}>
          {t('admissions.allocation.practice')}
        </button>
        {!hasFinal && !confirming && (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t('admissions.allocation.final')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="alert alert-info" role="alertdialog" aria-labelledby="final-confirm-text">
          <p id="final-confirm-text">
            {t('admissions.allocation.finalConfirm', { hash: prepared.inputsSha256.slice(0, 12) })}
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={start.isPending} onClick={() => run('final')}>
              {t('admissions.allocation.finalYes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function RunsTable({
  runs,
  selected,
  onSelect,
}: {
  runs: RunView[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="runs-caption">
      <table className="table table-stack">
        <caption id="runs-caption" className="visually-hidden">
          {t('admissions.allocation.runs')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admissions.allocation.runAt')}</th>
            <th scope="col">{t('admissions.allocation.kind')}</th>
            <th scope="col">{t('admissions.allocation.hash')}</th>
            <th scope="col">{t('admissions.allocation.placed')}</th>
            <th scope="col">{t('admissions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} aria-current={r.id === selected || undefined}>
              <th scope="row">{formatDateTime(r.createdAt)}</th>
              <td data-label={t('admissions.allocation.kind')}>{t(`admissions.allocation.kinds.${r.kind}`)}</td>
              <td data-label={t('admissions.allocation.hash')}>
                <code>{r.inputsSha256.slice(0, 12)}…</code>
              </td>
              <td data-label={t('admissions.allocation.placed')}>
                {t('admissions.allocation.placedOf', {
                  placed: formatNumber(r.summary.placed),
                  applicants: formatNumber(r.summary.applicants),
                })}
              </td>
              <td className="cell-actions">
                <div className="row-actions">
                  <button type="button" className="link-button" onClick={() => onSelect(r.id)}>
                    {t('admissions.allocation.view')}
                    <span className="visually-hidden"> {formatDateTime(r.createdAt)}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
