import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityGroup, RoundDetail } from '../../../shared/admissions.schema.ts';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { useRoundWrites } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { numberText, RoundSection, toNumber } from './round-section.tsx';

interface Row {
  key: number;
  code: string;
  nameVi: string;
  nameEn: string;
  /** Points (grade 10) or rank (grades 1 and 6), as typed. */
  value: string;
  evidenceVi: string;
}

let nextKey = 1;

/**
 * Priority groups: for grade 10 points added to the total (+2, +1.5, +1 by group, Thông tư
 * 30/2024/TT-BGDĐT); for grades 1 and 6 a rank (1 before 2) among out-of-catchment children.
 */
export function PrioritySection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { patch } = useRoundWrites(round);
  const grade10 = round.level === 10;
  const [rows, setRows] = useState<Row[]>(() =>
    round.priorityGroups.map((g) => ({
      key: nextKey++,
      code: g.code,
      nameVi: g.nameVi,
      nameEn: g.nameEn ?? '',
      value: numberText(grade10 ? g.points : g.rank),
      evidenceVi: g.evidenceVi ?? '',
    })),
  );
  const errors = fieldErrors(patch.error);
  const update = (i: number, change: Partial<Row>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));

  function save() {
    const groups = rows.map(
      (r, i): PriorityGroup => ({
        code: r.code.trim(),
        nameVi: r.nameVi,
        nameEn: r.nameEn.trim() || null,
        points: grade10 ? toNumber(r.value) : null,
        rank: grade10 ? null : toNumber(r.value),
        evidenceVi: r.evidenceVi.trim() || null,
        evidenceEn: round.priorityGroups[i]?.code === r.code ? (round.priorityGroups[i]?.evidenceEn ?? null) : null,
      }),
    );
    patch.mutate({ priorityGroups: groups });
  }

  const valueLabel = t(grade10 ? 'admissions.priority.points' : 'admissions.priority.rank');
  return (
    <RoundSection
      id="round-priority"
      title={t('admissions.section.priority')}
      lead={t(grade10 ? 'admissions.section.priorityLead10' : 'admissions.section.priorityLead16')}
      gist={t('admissions.section.priorityGist', { count: round.priorityGroups.length })}
      editable={editable && round.status === 'draft'}
      saving={patch.isPending}
      error={patch.error}
      saved={patch.isSuccess}
      onSave={save}
    >
      {rows.length === 0 && <p className="empty">{t('admissions.priority.none')}</p>}
      {rows.map((r, i) => {
        const err = (k: string) => errors[`priorityGroups.${i}.${k}`];
        const n = i + 1;
        return (
          <fieldset className="fieldset" key={r.key}>
            <legend>{t('admissions.priority.group', { n, name: r.nameVi || r.code })}</legend>
            <div className="filters">
              <TextField
                id={`pg-${i}-code`}
                label={t('admissions.priority.code')}
                value={r.code}
                error={err('code')}
                onChange={(e) => update(i, { code: e.target.value })}
              />
              <TextField
                id={`pg-${i}-value`}
                label={valueLabel}
                inputMode="decimal"
                value={r.value}
                error={err(grade10 ? 'points' : 'rank') ?? err('points')}
                onChange={(e) => update(i, { value: e.target.value })}
              />
              <TextField
                id={`pg-${i}-name-vi`}
                label={t('admissions.priority.nameVi')}
                value={r.nameVi}
                error={err('nameVi')}
                onChange={(e) => update(i, { nameVi: e.target.value })}
              />
              <TextField
                id={`pg-${i}-name-en`}
                label={t('admissions.priority.nameEn')}
                value={r.nameEn}
                error={err('nameEn')}
                onChange={(e) => update(i, { nameEn: e.target.value })}
              />
              <TextField
                id={`pg-${i}-evidence`}
                label={t('admissions.priority.evidence')}
                value={r.evidenceVi}
                error={err('evidenceVi')}
                onChange={(e) => update(i, { evidenceVi: e.target.value })}
              />
            </div>
            <FieldError id={`pg-${i}`} error={errors[`priorityGroups.${i}`]} />
            <div className="actions">
              <button
                type="button"
                className="link-button"
                onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}
              >
                {t('admissions.priority.remove', { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            setRows((prev) => [
              ...prev,
              {
                key: nextKey++,
                code: '',
                nameVi: '',
                nameEn: '',
                value: grade10 ? '' : String(prev.length + 1),
                evidenceVi: '',
              },
            ])
          }
        >
          {t('admissions.priority.add')}
        </button>
      </div>
    </RoundSection>
  );
}
