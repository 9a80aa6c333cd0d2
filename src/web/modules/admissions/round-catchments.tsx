import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useCommunes, useRoundWrites } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { RoundSection } from './round-section.tsx';

interface Row {
  key: number;
  schoolId: string;
  communeId: string;
  village: string;
}

let nextKey = 1;

/**
 * Catchments of grades 1 and 6 (tuyến tuyển sinh): which communes, or which villages (thôn, tổ
 * dân phố) of a commune, each school takes children from. A blank village is the whole commune.
 * Only schools already saved in the round can be chosen. Saved as a whole (PUT …/catchments).
 */
export function CatchmentsSection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { catchments } = useRoundWrites(round);
  const communes = useCommunes();
  const [rows, setRows] = useState<Row[]>(() =>
    round.catchments.map((c) => ({
      key: nextKey++,
      schoolId: c.schoolId,
      communeId: c.communeId,
      village: c.village ?? '',
    })),
  );
  const errors = fieldErrors(catchments.error);
  const communeOptions = [
    ...new Map([
      [round.runningUnit.id, round.runningUnit.name],
      ...round.catchments.map((c) => [c.communeId, c.communeName] as const),
      ...(communes.data ?? []).filter((c) => c.active).map((c) => [c.id, c.name] as const),
    ]).entries(),
  ];
  const update = (i: number, change: Partial<Row>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));

  function add() {
    const schoolId = round.schools[0]?.schoolId;
    if (!schoolId) return;
    setRows((prev) => [...prev, { key: nextKey++, schoolId, communeId: round.runningUnit.id, village: '' }]);
  }

  function save() {
    catchments.mutate(
      rows.map((r) => ({ schoolId: r.schoolId, communeId: r.communeId, village: r.village.trim() || null })),
    );
  }

  return (
    <RoundSection
      id="round-catchments"
      title={t('admissions.section.catchments')}
      lead={t('admissions.section.catchmentsLead')}
      gist={t('admissions.section.catchmentsGist', { count: round.catchments.length })}
      attention={
        round.status === 'draft' && round.schools.some((s) => !round.catchments.some((c) => c.schoolId === s.schoolId))
      }
      editable={editable && round.status === 'draft'}
      saving={catchments.isPending}
      error={catchments.error}
      saved={catchments.isSuccess}
      onSave={save}
    >
      {round.schools.length === 0 && <p className="notice">{t('admissions.catchments.needSchools')}</p>}
      {rows.length === 0 ? (
        <p className="empty">{t('admissions.catchments.none')}</p>
      ) : (
        <ScrollRegion labelledBy="catchments-caption">
          <table className="table table-stack">
            <caption id="catchments-caption">{t('admissions.catchments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.catchments.row')}</th>
                <th scope="col">{t('admissions.catchments.school')}</th>
                <th scope="col">{t('admissions.catchments.commune')}</th>
                <th scope="col">{t('admissions.catchments.village')}</th>
                <th scope="col">{t('admissions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const err = (k: string) =>
                  errors[`catchments.${i}.${k}`] ?? (k === 'village' ? errors[`catchments.${i}`] : undefined);
                const n = i + 1;
                return (
                  <tr key={r.key}>
                    <th scope="row">{t('admissions.catchments.rowN', { n })}</th>
                    <td data-label={t('admissions.catchments.school')}>
                      <div>
                        <select
                          aria-label={t('admissions.catchments.schoolOf', { n })}
                          value={r.schoolId}
                          aria-invalid={err('schoolId') ? true : undefined}
                          onChange={(e) => update(i, { schoolId: e.target.value })}
                        >
                          {round.schools.map((s) => (
                            <option key={s.schoolId} value={s.schoolId}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                        <FieldError id={`catchment-${i}-school`} error={err('schoolId')} />
                      </div>
                    </td>
                    <td data-label={t('admissions.catchments.commune')}>
                      <div>
                        <select
                          aria-label={t('admissions.catchments.communeOf', { n })}
                          value={r.communeId}
                          aria-invalid={err('communeId') ? true : undefined}
                          onChange={(e) => update(i, { communeId: e.target.value })}
                        >
                          {communeOptions.map(([id, name]) => (
                            <option key={id} value={id}>
                              {name}
                            </option>
                          ))}
                        </select>
                        <FieldError id={`catchment-${i}-commune`} error={err('communeId')} />
                      </div>
                    </td>
                    <td data-label={t('admissions.catchments.village')}>
                      <div>
                        <input
                          aria-label={t('admissions.catchments.villageOf', { n })}
                          placeholder={t('admissions.catchments.wholeCommune')}
                          value={r.village}
                          aria-invalid={err('village') ? true : undefined}
                          aria-describedby={err('village') ? `catchment-${i}-village-error` : undefined}
                          onChange={(e) => update(i, { village: e.target.value })}
                        />
                        <FieldError id={`catchment-${i}-village`} error={err('village')} />
                      </div>
                    </td>
                    <td className="cell-actions">
                      <div className="row-actions">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}
                        >
                          {t('action.remove')}
                          <span className="visually-hidden"> {t('admissions.catchments.rowN', { n })}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="actions">
        <button type="button" className="button secondary" onClick={add} disabled={round.schools.length === 0}>
          {t('admissions.catchments.add')}
        </button>
      </div>
    </RoundSection>
  );
}
