import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useRoundWrites, useSchoolSearch } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { RoundSection, toNumber } from './round-section.tsx';

interface Row {
  schoolId: string;
  name: string;
  communeName: string;
  classes: string;
  pupilsPerClass: string;
  specialised: boolean;
  note: string;
}

const LEVEL_OF_SCHOOL = { 1: 'tieu_hoc', 6: 'thcs', 10: 'thpt' } as const;

/** Seats of a row: classes × pupils per class, or null while either is not a whole number. */
export function seatsOf(classes: string, pupils: string): number | null {
  const c = toNumber(classes);
  const p = toNumber(pupils);
  return c !== null && p !== null && Number.isInteger(c) && Number.isInteger(p) ? c * p : null;
}

/**
 * Schools taking part and their seats (classes × pupils per class, computed as typed). Grades 1
 * and 6: the schools of the running commune; grade 10: upper-secondary schools of the province,
 * some of them specialised (chuyên). Saved as a whole (PUT …/schools).
 */
export function SchoolsSection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { schools } = useRoundWrites(round);
  const [rows, setRows] = useState<Row[]>(() =>
    round.schools.map((s) => ({
      schoolId: s.schoolId,
      name: s.name,
      communeName: s.communeName,
      classes: String(s.classes),
      pupilsPerClass: String(s.pupilsPerClass),
      specialised: s.specialised,
      note: s.note ?? '',
    })),
  );
  const [q, setQ] = useState('');
  const [pick, setPick] = useState('');
  const query = useDebounced(q.trim());
  const found = useSchoolSearch(
    {
      q: query || undefined,
      level: LEVEL_OF_SCHOOL[round.level],
      communeId: round.level === 10 ? undefined : round.runningUnit.id,
    },
    editable,
  );
  const errors = fieldErrors(schools.error);
  const candidates = (found.data?.items ?? []).filter((s) => !rows.some((r) => r.schoolId === s.unitId));
  const total = rows.reduce((sum, r) => sum + (seatsOf(r.classes, r.pupilsPerClass) ?? 0), 0);
  const grade10 = round.level === 10;

  const update = (i: number, change: Partial<Row>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));

  function add() {
    const school = candidates.find((s) => s.unitId === (pick || candidates[0]?.unitId));
    if (!school) return;
    setRows((prev) => [
      ...prev,
      {
        schoolId: school.unitId,
        name: school.name,
        communeName: school.communeName,
        classes: '1',
        pupilsPerClass: grade10 ? '45' : '35',
        specialised: false,
        note: '',
      },
    ]);
    setPick('');
  }

  function save() {
    schools.mutate(
      rows.map((r) => ({
        schoolId: r.schoolId,
        classes: toNumber(r.classes) as number,
        pupilsPerClass: toNumber(r.pupilsPerClass) as number,
        specialised: r.specialised,
        note: r.note.trim() || null,
      })),
    );
  }

  return (
    <RoundSection
      id="round-schools"
      title={t('admissions.section.schools')}
      lead={t('admissions.section.schoolsLead')}
      gist={t('admissions.rounds.seats', {
        seats: formatNumber(round.seats),
        schools: formatNumber(round.schoolCount),
      })}
      attention={round.status === 'draft' && round.schools.length === 0}
      editable={editable && round.status !== 'closed'}
      saving={schools.isPending}
      error={schools.error}
      saved={schools.isSuccess}
      onSave={save}
    >
      <p aria-live="polite">
        {t('admissions.schools.total', { seats: formatNumber(total), schools: formatNumber(rows.length) })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t('admissions.schools.none')}</p>
      ) : (
        <ScrollRegion labelledBy="schools-caption">
          <table className="table table-stack">
            <caption id="schools-caption">{t('admissions.schools.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.schools.school')}</th>
                <th scope="col">{t('admissions.schools.classes')}</th>
                <th scope="col">{t('admissions.schools.pupils')}</th>
                <th scope="col">{t('admissions.schools.seats')}</th>
                {grade10 && <th scope="col">{t('admissions.schools.specialised')}</th>}
                <th scope="col">{t('admissions.schools.note')}</th>
                <th scope="col">{t('admissions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const seats = seatsOf(r.classes, r.pupilsPerClass);
                const err = (k: string) => errors[`schools.${i}.${k}`];
                return (
                  <tr key={r.schoolId}>
                    <th scope="row">
                      {r.name}
                      <span className="code-line">{r.communeName}</span>
                      <FieldError id={`school-${i}`} error={err('schoolId')} />
                    </th>
                    <td data-label={t('admissions.schools.classes')}>
                      <div>
                        <input
                          aria-label={t('admissions.schools.classesOf', { school: r.name })}
                          inputMode="numeric"
                          value={r.classes}
                          aria-invalid={err('classes') ? true : undefined}
                          aria-describedby={err('classes') ? `school-${i}-classes-error` : undefined}
                          onChange={(e) => update(i, { classes: e.target.value })}
                        />
                        <FieldError id={`school-${i}-classes`} error={err('classes')} />
                      </div>
                    </td>
                    <td data-label={t('admissions.schools.pupils')}>
                      <div>
                        <input
                          aria-label={t('admissions.schools.pupilsOf', { school: r.name })}
                          inputMode="numeric"
                          value={r.pupilsPerClass}
                          aria-invalid={err('pupilsPerClass') ? true : undefined}
                          aria-describedby={err('pupilsPerClass') ? `school-${i}-pupils-error` : undefined}
                          onChange={(e) => update(i, { pupilsPerClass: e.target.value })}
                        />
                        <FieldError id={`school-${i}-pupils`} error={err('pupilsPerClass')} />
                      </div>
                    </td>
                    <td data-label={t('admissions.schools.seats')}>
                      <output>{seats === null ? '—' : formatNumber(seats)}</output>
                    </td>
                    {grade10 && (
                      <td data-label={t('admissions.schools.specialised')}>
                        <input
                          type="checkbox"
                          aria-label={t('admissions.schools.specialisedOf', { school: r.name })}
                          checked={r.specialised}
                          onChange={(e) => update(i, { specialised: e.target.checked })}
                        />
                      </td>
                    )}
                    <td data-label={t('admissions.schools.note')}>
                      <div>
                        <input
                          aria-label={t('admissions.schools.noteOf', { school: r.name })}
                          value={r.note}
                          onChange={(e) => update(i, { note: e.target.value })}
                        />
                        <FieldError id={`school-${i}-note`} error={err('note')} />
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
                          <span className="visually-hidden"> {r.name}</span>
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
      <div className="filters">
        <div className="field">
          <label htmlFor="school-search">{t('admissions.schools.search')}</label>
          <input id="school-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="school-pick">{t('admissions.schools.pick')}</label>
          <select id="school-pick" value={pick} onChange={(e) => setPick(e.target.value)}>
            {candidates.length === 0 && <option value="">{t('status.noResults')}</option>}
            {candidates.map((s) => (
              <option key={s.unitId} value={s.unitId}>
                {s.name} — {s.communeName}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button secondary" onClick={add} disabled={candidates.length === 0}>
          {t('admissions.schools.add')}
        </button>
      </div>
    </RoundSection>
  );
}
