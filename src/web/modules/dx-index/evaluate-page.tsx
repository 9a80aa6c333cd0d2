import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DxAssessmentView, DxChoice, DxCriterion } from '../../../shared/dx-index.schema.ts';
import { dxScore } from '../../../shared/dx-index.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextArea } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import {
  type EvaluationAnswer,
  evidenceUrl,
  getAssessment,
  recognise,
  reopen,
  returnAssessment,
  saveEvaluation,
} from './dx-api.ts';
import { type Choice, ChoiceInput, choiceLabel, GroupScore, toApi } from './dx-ui.tsx';
import './dx.css';

interface EvalDraft extends Choice {
  comment: string;
  request: string;
}

function draftsOf(v: DxAssessmentView): Record<string, EvalDraft> {
  const out: Record<string, EvalDraft> = {};
  for (const g of v.criteriaSet.definition.groups)
    for (const c of g.criteria) {
      const a = v.answers.find((x) => x.criterionCode === c.code);
      const evaluated = a && (a.evalOption !== null || a.evalPoints !== null);
      const option = evaluated ? a.evalOption : (a?.option ?? null);
      const points = evaluated ? a.evalPoints : (a?.points ?? null);
      out[c.code] = {
        option,
        points: points === null ? '' : String(points),
        comment: a?.evalComment ?? '',
        request: '',
      };
    }
  return out;
}

/** /chuyen-doi-so/danh-gia/:year/:schoolId — evaluate a submitted assessment, ask for evidence, recognise. */
export function DxEvaluatePage() {
  const { t } = useTranslation();
  const params = useParams();
  const year = Number(params.year);
  const schoolId = params.schoolId!;
  usePageTitle(t('dx.evaluate.title'));
  const qc = useQueryClient();
  const key = ['dx-assessment', year, schoolId];
  const view = useQuery({ queryKey: key, queryFn: ({ signal }) => getAssessment(year, schoolId, signal) });
  const [drafts, setDrafts] = useState<Record<string, EvalDraft> | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (view.data && drafts === null) setDrafts(draftsOf(view.data));
  }, [view.data, drafts]);
  const criteria = useMemo(
    () => view.data?.criteriaSet.definition.groups.flatMap((g) => g.criteria) ?? [],
    [view.data],
  );
  const live = useMemo(() => {
    if (!view.data || !drafts) return null;
    const m = new Map<string, DxChoice>();
    for (const c of criteria) if (drafts[c.code]) m.set(c.code, toApi(c, drafts[c.code]!));
    return dxScore(view.data.criteriaSet, m);
  }, [view.data, drafts, criteria]);

  const latest = () => qc.getQueryData<DxAssessmentView>(key) ?? view.data!;
  /** Criteria where the evaluator's choice differs from the school's, or that carry a comment. */
  const evaluation = (): EvaluationAnswer[] =>
    criteria.flatMap((c) => {
      const d = drafts![c.code]!;
      const a = latest().answers.find((x) => x.criterionCode === c.code);
      const mine = toApi(c, d);
      const differs = mine.option !== (a?.option ?? null) || mine.points !== (a?.points ?? null);
      const hadEval = a && (a.evalOption !== null || a.evalPoints !== null || a.evalComment !== null);
      if (!differs && !d.comment.trim() && !hadEval) return [];
      return [{ criterionCode: c.code, ...mine, comment: d.comment.trim() || null }];
    });
  const saveFirst = async () => {
    const answers = evaluation();
    if (answers.length === 0) return latest();
    const v = await saveEvaluation(year, schoolId, { answers, version: latest().version });
    qc.setQueryData(key, v);
    return v;
  };
  const after = (message: string) => (v: DxAssessmentView) => {
    qc.setQueryData(key, v);
    void qc.invalidateQueries({ queryKey: ['dx-queue'] });
    setDone(message);
  };
  const save = useMutation({ mutationFn: saveFirst, onSuccess: after(t('dx.evaluate.saved')) });
  const ask = useMutation({
    mutationFn: async () => {
      const v = await saveFirst();
      const requests = criteria
        .map((c) => ({ criterionCode: c.code, comment: drafts![c.code]!.request.trim() }))
        .filter((r) => r.comment.length > 0);
      return returnAssessment(year, schoolId, { reason, requests, resubmitBy: until || null, version: v.version });
    },
    onSuccess: after(t('dx.evaluate.returnedDone')),
  });
  const accept = useMutation({
    mutationFn: async () => recognise(year, schoolId, (await saveFirst()).version),
    onSuccess: after(t('dx.evaluate.recognisedDone')),
  });
  const reopenIt = useMutation({
    mutationFn: () => reopen(year, schoolId, until, latest().version),
    onSuccess: after(t('dx.evaluate.reopenedDone')),
  });
  const busy = save.isPending || ask.isPending || accept.isPending || reopenIt.isPending;
  const failure = save.error ?? ask.error ?? accept.error ?? reopenIt.error;

  if (view.isPending || (view.data && !drafts)) return <Loading />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const set = (code: string, patch: Partial<EvalDraft>) => {
    setDone(null);
    setDrafts((p) => ({ ...p!, [code]: { ...p![code]!, ...patch } }));
  };
  const anyRequest = criteria.some((c) => drafts![c.code]!.request.trim().length > 1);
  return (
    <div className="dx-page">
      <p>
        <Link to={`/chuyen-doi-so/danh-gia?nam=${year}`}>{t('dx.evaluate.back')}</Link>
      </p>
      <h1>{t('dx.evaluate.title')}</h1>
      <h2>{v.schoolName}</h2>
      <p className="dx-meta">
        {v.communeName} · {year} · {t(`dx.state.${v.state}`)} · {t('dx.deadline', { date: formatDate(v.deadline) })}
        {v.submittedAt && ` · ${t('dx.submittedAt', { at: formatDateTime(v.submittedAt) })}`}
      </p>
      <section aria-labelledby="dx-ev-scores">
        <h2 id="dx-ev-scores">{t('dx.evaluate.scores')}</h2>
        <div className="dx-scores">
          <GroupScore title={`${t('dx.group.teaching')} — ${t('dx.evaluate.self')}`} score={v.self.teaching} />
          <GroupScore title={`${t('dx.group.governance')} — ${t('dx.evaluate.self')}`} score={v.self.governance} />
          {live && (
            <>
              <GroupScore title={`${t('dx.group.teaching')} — ${t('dx.evaluate.final')}`} score={live.teaching} />
              <GroupScore title={`${t('dx.group.governance')} — ${t('dx.evaluate.final')}`} score={live.governance} />
            </>
          )}
        </div>
      </section>
      {v.criteriaSet.definition.groups.map((g) => (
        <section key={g.code} aria-labelledby={`dx-ev-${g.code}`}>
          <h2 id={`dx-ev-${g.code}`}>{g.title}</h2>
          <ul className="dx-list">
            {g.criteria.map((c) => (
              <li key={c.code} className="dx-card">
                <EvalCard
                  criterion={c}
                  view={v}
                  year={year}
                  draft={drafts![c.code]!}
                  editable={v.canEvaluate}
                  onChange={(p) => set(c.code, p)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <output aria-live="polite">{done && <span className="alert alert-success">{done}</span>}</output>
      {failure && <ErrorAlert error={failure} />}
      {v.canEvaluate && (
        <section aria-labelledby="dx-ev-actions" className="dx-card">
          <h2 id="dx-ev-actions">{t('dx.evaluate.decide')}</h2>
          <div className="dx-actions">
            <button type="button" className="button secondary" disabled={busy} onClick={() => save.mutate()}>
              {t('dx.evaluate.save')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => accept.mutate()}>
              {t('dx.evaluate.recognise')}
            </button>
          </div>
          <TextArea
            id="dx-ev-reason"
            label={t('dx.evaluate.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <DateInput
            id="dx-ev-until"
            label={t('dx.evaluate.resubmitBy')}
            onValueChange={(v) => setUntil(v ?? 'invalid')}
          />
          <p className="hint">{t('dx.evaluate.askHint')}</p>
          <button
            type="button"
            className="button secondary"
            disabled={busy || reason.trim().length < 2 || !anyRequest}
            onClick={() => ask.mutate()}
          >
            {t('dx.evaluate.ask')}
          </button>
        </section>
      )}
      {!v.published && (v.state === 'draft' || v.state === 'returned') && (
        <section aria-labelledby="dx-ev-reopen" className="dx-card">
          <h2 id="dx-ev-reopen">{t('dx.evaluate.reopenTitle')}</h2>
          <DateInput
            id="dx-ev-reopen-until"
            label={t('dx.evaluate.reopenUntil')}
            onValueChange={(v) => setUntil(v ?? 'invalid')}
          />
          <button
            type="button"
            className="button secondary"
            disabled={busy || !until}
            onClick={() => reopenIt.mutate()}
          >
            {t('dx.evaluate.reopen')}
          </button>
        </section>
      )}
    </div>
  );
}

function EvalCard(props: {
  criterion: DxCriterion;
  view: DxAssessmentView;
  year: number;
  draft: EvalDraft;
  editable: boolean;
  onChange: (p: Partial<EvalDraft>) => void;
}) {
  const { t } = useTranslation();
  const { criterion: c, view, draft } = props;
  const a = view.answers.find((x) => x.criterionCode === c.code);
  const id = `dx-ev-${c.code}`;
  return (
    <>
      <h3>
        {c.code}. {c.title}
        {c.kind === 'mandatory' ? (
          <span className="dx-tag">{t('dx.mandatory')}</span>
        ) : (
          <span className="dx-tag">{t('dx.maxPoints', { max: c.maxPoints })}</span>
        )}
      </h3>
      <p className="dx-meta">
        <strong>{t('dx.evaluate.schoolSays')}</strong>{' '}
        {choiceLabel(c, a?.option ?? null, a?.points ?? null, t('dx.none'))}
      </p>
      {a?.evidenceText && <p className="dx-meta">{a.evidenceText}</p>}
      {(a?.evidenceLinks.length ?? 0) > 0 && (
        <ul className="dx-files">
          {a!.evidenceLinks.map((l) => (
            <li key={l}>
              <a href={l} target="_blank" rel="noreferrer noopener">
                {l}
              </a>
            </li>
          ))}
        </ul>
      )}
      {(a?.files.length ?? 0) > 0 && (
        <ul className="dx-files" aria-label={t('dx.files')}>
          {a!.files.map((f) => (
            <li key={f.id}>
              <a href={evidenceUrl(props.year, view.schoolId, f.id)} target="_blank" rel="noreferrer">
                {f.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {a?.evidenceRequest && (
        <div className="dx-request">
          <strong>{t('dx.evidenceRequest')}</strong> {a.evidenceRequest}
        </div>
      )}
      {props.editable ? (
        <>
          <ChoiceInput
            criterion={c}
            idBase={id}
            legend={t('dx.evaluate.choice')}
            value={draft}
            disabled={false}
            error={undefined}
            onChange={(ch) => props.onChange(ch)}
          />
          <TextArea
            id={`${id}-comment`}
            label={t('dx.evaluate.comment')}
            value={draft.comment}
            onChange={(e) => props.onChange({ comment: e.target.value })}
          />
          <TextArea
            id={`${id}-request`}
            label={t('dx.evaluate.request')}
            value={draft.request}
            onChange={(e) => props.onChange({ request: e.target.value })}
          />
        </>
      ) : (
        a?.evalComment && (
          <p className="dx-meta">
            <strong>{t('dx.evalComment')}</strong> {a.evalComment}
          </p>
        )
      )}
    </>
  );
}
