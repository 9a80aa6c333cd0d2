import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type Indicator,
  KPI_DIRECTIONS,
  KPI_KINDS,
  KPI_LEVELS,
  KPI_PLATFORM_INPUTS,
  KPI_UNITS,
} from '../../../shared/kpis.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useKpiErrors } from './kpi-forms.tsx';
import { createIndicator, getIndicators, updateIndicator } from './kpis-api.ts';
import './kpis.css';

const NAMES = [
  'code',
  'nameVi',
  'nameEn',
  'sourceRef',
  'unit',
  'direction',
  'kind',
  'formula',
  'reportPeriod',
  'level',
  'isPublic',
  'sortOrder',
] as const;

/** /chi-so/moi — define an indicator (kpis.manage). */
export function IndicatorCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('kpis.form.titleNew'));
  return <IndicatorForm initial={null} />;
}

/** /chi-so/:code/sua — change an indicator (kpis.manage). */
export function IndicatorEditPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('kpis.form.titleEdit'));
  const q = useQuery({ queryKey: ['kpis', 'indicators'], queryFn: ({ signal }) => getIndicators(signal) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const ind = q.data.items.find((i) => i.code === code);
  if (!ind) return <p>{t('kpis.form.notFound')}</p>;
  return <IndicatorForm initial={ind} />;
}

function IndicatorForm({ initial }: { initial: Indicator | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState({
    code: initial?.code ?? '',
    nameVi: initial?.nameVi ?? '',
    nameEn: initial?.nameEn ?? '',
    sourceRef: initial?.sourceRef ?? '',
    unit: initial?.unit ?? 'percent',
    direction: initial?.direction ?? 'higher',
    kind: initial?.kind ?? 'formula',
    formula: initial?.formula ?? '',
    reportPeriod: initial?.reportPeriod ?? '{year}',
    level: initial?.level ?? 'province',
    isPublic: initial?.isPublic ?? false,
    sortOrder: String(initial?.sortOrder ?? 0),
  });
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((x) => ({ ...x, [k]: value }));
  const errors = useKpiErrors('ki', NAMES);
  const e = errors.fields;
  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameVi: v.nameVi,
        nameEn: v.nameEn,
        sourceRef: v.sourceRef.trim() || null,
        unit: v.unit,
        direction: v.direction,
        kind: v.kind,
        formula: v.kind === 'formula' ? v.formula : null,
        reportPeriod: v.reportPeriod,
        level: v.level,
        isPublic: v.isPublic,
        sortOrder: Number.parseInt(v.sortOrder, 10) || 0,
      };
      return initial
        ? updateIndicator(initial.code, { ...body, version: initial.version })
        : createIndicator({ ...body, code: v.code });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['kpis'] });
      void navigate(`/chi-so/${encodeURIComponent(saved.code)}`);
    },
    onError: errors.fromApi,
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    save.mutate();
  };
  return (
    <div className="kpi-page">
      <p className="small">
        <Link to="/chi-so">{t('kpis.title')}</Link>
      </p>
      <h1>{initial ? t('kpis.form.titleEdit') : t('kpis.form.titleNew')}</h1>
      <form onSubmit={submit} noValidate className="card">
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        {initial ? (
          <p>{t('kpis.codeLine', { code: initial.code })}</p>
        ) : (
          <TextField
            id="ki-code"
            label={t('kpis.form.code')}
            hint={t('kpis.form.codeHint')}
            value={v.code}
            error={e['ki-code']}
            onChange={(x) => set('code')(x.target.value)}
          />
        )}
        <TextField
          id="ki-nameVi"
          label={t('kpis.form.nameVi')}
          value={v.nameVi}
          error={e['ki-nameVi']}
          onChange={(x) => set('nameVi')(x.target.value)}
        />
        <TextField
          id="ki-nameEn"
          label={t('kpis.form.nameEn')}
          value={v.nameEn}
          error={e['ki-nameEn']}
          onChange={(x) => set('nameEn')(x.target.value)}
        />
        <TextField
          id="ki-sourceRef"
          label={t('kpis.form.sourceRef')}
          value={v.sourceRef}
          error={e['ki-sourceRef']}
          onChange={(x) => set('sourceRef')(x.target.value)}
        />
        <Select id="ki-unit" label={t('kpis.form.unit')} value={v.unit} error={e['ki-unit']} onChange={set('unit')}>
          {KPI_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`kpis.unitName.${u}`)}
            </option>
          ))}
        </Select>
        <Select
          id="ki-direction"
          label={t('kpis.form.direction')}
          value={v.direction}
          error={e['ki-direction']}
          onChange={set('direction')}
        >
          {KPI_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`kpis.direction.${d}`)}
            </option>
          ))}
        </Select>
        <Select id="ki-kind" label={t('kpis.form.kind')} value={v.kind} error={e['ki-kind']} onChange={set('kind')}>
          {KPI_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kpis.kind.${k}`)}
            </option>
          ))}
        </Select>
        {v.kind === 'formula' && (
          <TextArea
            id="ki-formula"
            label={t('kpis.form.formula')}
            hint={
              <>
                {t('kpis.form.formulaHint')} <code className="id">{KPI_PLATFORM_INPUTS.join(', ')}</code>
              </>
            }
            rows={3}
            value={v.formula}
            spellCheck={false}
            error={e['ki-formula']}
            onChange={(x) => set('formula')(x.target.value)}
          />
        )}
        {v.kind === 'formula' && (
          <TextField
            id="ki-reportPeriod"
            label={t('kpis.form.reportPeriod')}
            hint={t('kpis.form.reportPeriodHint')}
            value={v.reportPeriod}
            error={e['ki-reportPeriod']}
            onChange={(x) => set('reportPeriod')(x.target.value)}
          />
        )}
        <Select
          id="ki-level"
          label={t('kpis.form.level')}
          value={v.level}
          error={e['ki-level']}
          onChange={set('level')}
        >
          {KPI_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`kpis.level.${l}`)}
            </option>
          ))}
        </Select>
        <div className="field">
          <label>
            <input type="checkbox" checked={v.isPublic} onChange={(x) => set('isPublic')(x.target.checked)} />{' '}
            {t('kpis.form.isPublic')}
          </label>
        </div>
        <TextField
          id="ki-sortOrder"
          label={t('kpis.form.sortOrder')}
          inputMode="numeric"
          value={v.sortOrder}
          error={e['ki-sortOrder']}
          onChange={(x) => set('sortOrder')(x.target.value)}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('kpis.form.save')}
        </button>
      </form>
    </div>
  );
}
