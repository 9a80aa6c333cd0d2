import type { CellValue } from 'exceljs';
import { RegistrationNo } from '../../../../shared/admission-exam-scores.schema.ts';
import { cellText } from '../../org/org-xlsx.ts';
import { type ScoreRules, type ScoreValues, scoreProblems } from './exam-score-rules.ts';
import { FIXED_HEADERS, markKey, parseFlag, parseNumber } from './exam-score-xlsx.ts';

/**
 * Turns the rows of a score sheet into a plan (create, update, unchanged) or row errors, against
 * the round's applications and the scores already recorded. Pure: the service loads the lookups
 * and writes the plan in one transaction. Messages are Vietnamese first, then English.
 *
 * A row names its application by dossier code, or, once a registration number is recorded for it,
 * by that number alone. Optional columns left out of the sheet keep the recorded value (or 0, no).
 */
export interface StoredScore extends ScoreValues {
  readonly dossierId: string;
  readonly registrationNo: string;
  readonly version: number;
}

export interface PlanLookups {
  /** Applications taking part (not withdrawn or rejected), by dossier code. */
  readonly applications: ReadonlyMap<string, { readonly dossierId: string }>;
  /** Recorded scores of the round, by dossier id. */
  readonly scores: ReadonlyMap<string, StoredScore>;
}

export interface RawScoreRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

export interface PlannedScore extends ScoreValues {
  readonly kind: 'create' | 'update' | 'unchanged';
  readonly row: number;
  readonly dossierId: string;
  readonly registrationNo: string;
  readonly before: StoredScore | null;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const bi = (vi: string, en: string) => `${vi} / ${en}`;

/** Plans every row; `errors` sorted by row. Nothing is planned for a row with an error. */
export function planScoreRows(
  rows: readonly RawScoreRow[],
  present: ReadonlySet<string>,
  rules: ScoreRules,
  lookups: PlanLookups,
): { planned: PlannedScore[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const planned: PlannedScore[] = [];
  const bySbd = new Map([...lookups.scores.values()].map((s) => [s.registrationNo, s.dossierId]));
  const seenDossier = new Map<string, number>();
  const header = (key: string) =>
    (FIXED_HEADERS as Record<string, string>)[key] ?? rules.subjects.find((s) => markKey(s.code) === key)?.name ?? key;

  for (const { row, cells } of rows) {
    const fail = (key: string, message: string) => errors.push({ row, column: header(key), message });
    const before = errors.length;
    const code = cellText(cells.dossierCode ?? null).toUpperCase();
    const sbdText = cellText(cells.registrationNo ?? null);
    let dossierId: string | undefined;
    if (code) {
      dossierId = lookups.applications.get(code)?.dossierId;
      if (!dossierId)
        fail(
          'dossierCode',
          bi(
            `không có hồ sơ ${code} đang xét trong kỳ tuyển sinh này`,
            `no application ${code} taking part in this round`,
          ),
        );
    } else if (sbdText) {
      dossierId = bySbd.get(sbdText.toUpperCase());
      if (!dossierId)
        fail(
          'registrationNo',
          bi(
            `số báo danh ${sbdText} chưa gắn với hồ sơ nào: ghi mã hồ sơ`,
            `registration number ${sbdText} is not linked to an application yet: give the dossier code`,
          ),
        );
    } else {
      fail('dossierCode', bi('cần mã hồ sơ hoặc số báo danh', 'a dossier code or a registration number is needed'));
    }
    if (dossierId) {
      const first = seenDossier.get(dossierId);
      if (first !== undefined)
        fail('dossierCode', bi(`hồ sơ đã có ở dòng ${first}`, `the same application as row ${first}`));
      else seenDossier.set(dossierId, row);
    }
    const stored = dossierId ? (lookups.scores.get(dossierId) ?? null) : null;

    let registrationNo = stored?.registrationNo ?? '';
    if (sbdText) {
      const parsed = RegistrationNo.safeParse(sbdText);
      if (parsed.success) registrationNo = parsed.data;
      else fail('registrationNo', parsed.error.issues[0]!.message);
    } else if (!registrationNo) fail('registrationNo', bi('thiếu số báo danh', 'the registration number is missing'));

    const marks: Record<string, number> = {};
    for (const s of rules.subjects) {
      const key = markKey(s.code);
      if (!present.has(key)) {
        if (stored?.marks[s.code] !== undefined) marks[s.code] = stored.marks[s.code]!;
        continue;
      }
      const v = parseNumber(cells[key] ?? null);
      if (v === undefined) fail(key, bi('điểm không đọc được (ví dụ 8,25)', 'unreadable mark (e.g. 8.25)'));
      else if (v !== null) marks[s.code] = v;
    }
    const number = (key: 'priorityPoints' | 'bonusPoints') => {
      if (!present.has(key)) return stored?.[key] ?? 0;
      const v = parseNumber(cells[key] ?? null);
      if (v === undefined) fail(key, bi('số không đọc được (ví dụ 1,5)', 'unreadable number (e.g. 1.5)'));
      return v ?? 0;
    };
    const flag = (key: 'absent' | 'disqualified') => {
      if (!present.has(key)) return stored?.[key] ?? false;
      const v = parseFlag(cells[key] ?? null);
      if (v === undefined) fail(key, bi('ghi "x" hoặc để trống', 'write "x" or leave empty'));
      return v ?? false;
    };
    const values: ScoreValues = {
      marks,
      priorityPoints: number('priorityPoints'),
      bonusPoints: number('bonusPoints'),
      absent: flag('absent'),
      disqualified: flag('disqualified'),
    };
    const failed = new Set(errors.slice(before).map((e) => e.column));
    for (const p of scoreProblems(values, rules)) {
      const key = p.field.startsWith('marks.') ? markKey(p.field.slice(6)) : p.field;
      if (!failed.has(header(key))) fail(key, p.message);
    }
    if (errors.length > before || !dossierId) continue;
    const kind = !stored ? 'create' : sameScore(stored, registrationNo, values) ? 'unchanged' : 'update';
    planned.push({ kind, row, dossierId, registrationNo, before: stored, ...values });
  }

  // A registration number belongs to one candidate: check the round as it will stand after the import.
  const finalSbd = new Map<string, string>();
  for (const s of lookups.scores.values()) finalSbd.set(s.dossierId, s.registrationNo);
  for (const p of planned) finalSbd.set(p.dossierId, p.registrationNo);
  const owners = new Map<string, string[]>();
  for (const [dossier, sbd] of finalSbd) owners.set(sbd, [...(owners.get(sbd) ?? []), dossier]);
  for (const p of planned)
    if ((owners.get(p.registrationNo)?.length ?? 0) > 1)
      errors.push({
        row: p.row,
        column: FIXED_HEADERS.registrationNo,
        message: bi(
          `số báo danh ${p.registrationNo} đã dùng cho hồ sơ khác`,
          `registration number ${p.registrationNo} is used by another application`,
        ),
      });
  errors.sort((a, b) => a.row - b.row);
  return { planned: errors.length > 0 ? [] : planned, errors };
}

/** Same registration number, marks, points and flags as recorded. */
export function sameScore(s: StoredScore, registrationNo: string, v: ScoreValues): boolean {
  const keys = new Set([...Object.keys(s.marks), ...Object.keys(v.marks)]);
  return (
    s.registrationNo === registrationNo &&
    s.priorityPoints === v.priorityPoints &&
    s.bonusPoints === v.bonusPoints &&
    s.absent === v.absent &&
    s.disqualified === v.disqualified &&
    [...keys].every((k) => s.marks[k] === v.marks[k])
  );
}
