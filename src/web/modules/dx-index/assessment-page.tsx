import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DxAssessmentView, DxChoice } from '../../../shared/dx-index.schema.ts';
import { dxScore } from '../../../shared/dx-index.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { Select } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { CriterionCard, type Draft } from './criterion-card.tsx';
import { getAssessment, listCampaigns, mySchools, saveAssessment, submitAssessment } from './dx-api.ts';
import { GroupScore, toApi } from './dx-ui.tsx';
import './dx.css';

/** /chuyen-doi-so — the school's self-assessment of the year: criteria, evidence, totals and levels live. */
export function DxAssessmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('dx.assess.title'));
  const me = useMe();
  const schools = useQuery({ queryKey: ['dx-my-schools'], queryFn: ({ signal }) => mySchools(signal) });
  const campaigns = useQuery({ queryKey: ['dx-campaigns'], queryFn: ({ signal }) => listCampaigns(signal) });
  const [schoolId, setSchoolId] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const school = schoolId || schools.data?.items[0]?.id || '';
  const y = year ?? campaigns.data?.items[0]?.year ?? null;
  return (
    <div className="dx-page">
      <h1>{t('dx.assess.title')}</h1>
      <p className="hint">{t('dx.assess.intro')}</p>
      {schools.isPending || campaigns.isPending ? (
        <Loading />
      ) : schools.isError || campaigns.isError ? (
        <ErrorAlert error={schools.error ?? campaigns.error} />
      ) : schools.data.items.length === 0 || y === null ? (
        <>
          <p>{t('dx.assess.nothing')}</p>
          {hasPermission(me, 'dx.evaluate') && (
            <p>
              <Link to="/chuyen-doi-so/danh-gia">{t('dx.assess.toEvaluate')}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <div className="dx-bar">
            {schools.data.items.length > 1 && (
              <Select id="dx-school" label={t('dx.school')} value={school} error={undefined} onChange={setSchoolId}>
                {schools.data.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            )}
            {campaigns.data.items.length > 1 && (
              <Select
                id="dx-year"
                label={t('dx.year')}
                value={String(y)}
                error={undefined}
                onChange={(v) => setYear(Number(v))}
              >
                {campaigns.data.items.map((c) => (
                  <option key={c.year} value={c.year}>
                    {c.year}
                  </option>
                ))}
              </Select>
            )}
          </div>
          <Assessment key={`${y}:${school}`} year={y} schoolId={school} />
        </>
      )}
    </div>
  );
}

function draftsOf(view: DxAssessmentView): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const g of view.criteriaSet.definition.groups)
    for (const c of g.criteria) {
      const a = view.answers.find((x) => x.criterionCode === c.code);
      out[c.code] = {
        option: a?.option ?? null,
        points: a?.points === null || a?.points === undefined ? '' : String(a.points),
        evidenceText: a?.evidenceText ?? '',
        links: (a?.evidenceLinks ?? []).join('\n'),
      };
    }
  return out;
}

function Assessment({ year, schoolId }: { year: number; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['dx-assessment', year, schoolId];
  const view = useQuery({ queryKey: key, queryFn: ({ signal }) => getAssessment(year, schoolId, signal) });
  const [drafts, setDrafts] = useState<Record<string, Draft> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors();
  const sent = useRef<string[]>([]);

  useEffect(() => {
    if (view.data && drafts === null) setDrafts(draftsOf(view.data));
  }, [view.data, drafts]);

  const criteria = useMemo(
    () => (view.data ? view.data.criteriaSet.definition.groups.flatMap((g) => g.criteria) : []),
    [view.data],
  );
  const live = useMemo(() => {
    if (!view.data || !drafts) return null;
    const m = new Map<string, DxChoice>();
    for (const c of criteria) {
      const d = drafts[c.code];
      if (d) m.set(c.code, toApi(c, d));
    }
    const answered = criteria.filter((c) => {
      const ch = m.get(c.code);
      return c.kind === 'points' ? ch?.points != null && !Number.isNaN(ch.points) : ch?.option != null;
    }).length;
    return { score: dxScore(view.data.criteriaSet, m), answered };
  }, [view.data, drafts, criteria]);

  const fieldOf = (path: string): string | null => {
    const m = /answers\.(\d+)\.(\w+)/.exec(path);
    if (m) {
      const code = sent.current[Number(m[1])];
      if (!code) return null;
      return m[2] === 'evidenceLinks' ? `dx-${code}-links` : `dx-${code}-choice`;
    }
    const c = /criteria\.([A-Z0-9._-]+)/.exec(path);
    return c ? `dx-${c[1]}-choice` : null;
  };
  const onError = (err: unknown) => {
    const e = apiErrors(err, i18n.resolvedLanguage, fieldOf, t('error.generic'));
    errors.show(e.fields, e.general);
  };

  const body = () => {
    const answers = criteria.map((c) => {
      const d = drafts![c.code]!;
      return {
        criterionCode: c.code,
        ...toApi(c, d),
        evidenceText: d.evidenceText.trim() || null,
        evidenceLinks: d.links
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      };
    });
    sent.current = answers.map((a) => a.criterionCode);
    return answers;
  };
  const current = () => qc.getQueryData<DxAssessmentView>(key) ?? view.data!;

  const save = useMutation({
    mutationFn: () => saveAssessment(year, schoolId, { answers: body(), version: current().version }),
    onSuccess: (v) => {
      qc.setQueryData(key, v);
      errors.clear();
      setSaved(t('dx.assess.saved'));
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: async () => {
      const v = await saveAssessment(year, schoolId, { answers: body(), version: current().version });
      qc.setQueryData(key, v);
      return submitAssessment(year, schoolId, v.version);
    },
    onSuccess: (v) => {
      qc.setQueryData(key, v);
      errors.clear();
      setSaved(t('dx.assess.submitted'));
    },
    onError,
  });

  if (view.isPending || (view.data && !drafts)) return <Loading />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const d = drafts!;
  const editable = v.canEdit;
  const set = (code: string, patch: Partial<Draft>) => {
    setSaved(null);
    setDrafts((prev) => ({ ...prev!, [code]: { ...prev![code]!, ...patch } }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2 className="dx-school">{v.schoolName}</h2>
      <p className="dx-meta">
        {t(`dx.state.${v.state}`)} · {t('dx.deadline', { date: formatDate(v.deadline) })}
        {v.submittedAt && ` · ${t('dx.submittedAt', { at: formatDateTime(v.submittedAt) })}`}
      </p>
      {v.state === 'returned' && v.returnReason && (
        <div className="dx-request" role="note">
          <strong>{t('dx.returned')}</strong> {v.returnReason}
        </div>
      )}
      {v.state === 'recognised' && <p className="alert alert-success">{t('dx.assess.recognisedNote')}</p>}
      {!editable && v.state !== 'recognised' && v.state !== 'submitted' && (
        <p className="alert alert-info">{t('dx.assess.closed')}</p>
      )}
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {live && (
        <section aria-labelledby="dx-live-title">
          <h2 id="dx-live-title" className="visually-hidden">
            {t('dx.assess.liveTitle')}
          </h2>
          <div className="dx-scores" aria-live="polite">
            <GroupScore
              title={t('dx.group.teaching')}
              score={v.state === 'recognised' ? v.final.teaching : live.score.teaching}
            />
            <GroupScore
              title={t('dx.group.governance')}
              score={v.state === 'recognised' ? v.final.governance : live.score.governance}
            />
          </div>
          <label htmlFor="dx-progress">{t('dx.progress', { done: live.answered, total: criteria.length })}</label>
          <progress id="dx-progress" className="dx-progress" max={criteria.length} value={live.answered} />
        </section>
      )}
      {v.criteriaSet.definition.groups.map((g) => (
        <section key={g.code} aria-labelledby={`dx-g-${g.code}`}>
          <h2 id={`dx-g-${g.code}`}>{g.title}</h2>
          <ul className="dx-list">
            {g.criteria.map((c) => (
              <li key={c.code} className="dx-card">
                <CriterionCard
                  year={year}
                  schoolId={schoolId}
                  criterion={c}
                  view={v}
                  draft={d[c.code]!}
                  editable={editable}
                  error={errors.fields[`dx-${c.code}-choice`]}
                  linksError={errors.fields[`dx-${c.code}-links`]}
                  onChange={(patch) => set(c.code, patch)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="hint">{v.criteriaSet.definition.note}</p>
      <output aria-live="polite">{saved && <span className="alert alert-success">{saved}</span>}</output>
      {(editable || v.canSubmit) && (
        <div className="dx-actions">
          {editable && (
            <button type="submit" className="button secondary" disabled={save.isPending || submit.isPending}>
              {t('dx.assess.save')}
            </button>
          )}
          {v.canSubmit && (
            <button
              type="button"
              className="button"
              disabled={save.isPending || submit.isPending}
              onClick={() => submit.mutate()}
            >
              {t('dx.assess.submit')}
            </button>
          )}
        </div>
      )}
      {editable && !v.canSubmit && <p className="hint">{t('dx.assess.principalSubmits')}</p>}
    </form>
  );
}
