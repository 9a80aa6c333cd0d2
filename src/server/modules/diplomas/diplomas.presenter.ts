import type { Correction, Entry, EntrySummary, Gender, Register } from '../../../shared/diplomas.schema.ts';
import type { CorrectionRow, EntryRow, RegisterRow } from './entries.repository.ts';

/** Database rows → the API's shapes. */

export function presentSummary(r: EntryRow): EntrySummary {
  return {
    id: r.id,
    typeCode: r.type_code,
    year: r.year,
    registerNo: r.register_no,
    serial: r.serial,
    fullName: r.full_name,
    birthDate: { year: r.birth_year, month: r.birth_month, day: r.birth_day },
    schoolName: r.school_name,
    issuingUnitName: r.issuing_unit_name,
  };
}

export function presentCorrection(c: CorrectionRow): Correction {
  return {
    id: c.id,
    decisionNo: c.decision_no,
    decisionDate: c.decision_date,
    signer: c.signer,
    reason: c.reason,
    changes: c.changes as Correction['changes'],
    createdAt: new Date(c.created_at).toISOString(),
    createdBy: c.created_by_name,
  };
}

export function presentEntry(r: EntryRow, corrections: CorrectionRow[]): Entry {
  return {
    ...presentSummary(r),
    registerId: r.register_id,
    birthPlace: r.birth_place,
    gender: r.gender as Gender | null,
    ethnicity: r.ethnicity,
    schoolUnitId: r.school_unit_id,
    classification: r.classification,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    issuingUnitId: r.issuing_unit_id,
    pageFileIds: r.page_file_ids,
    version: r.version,
    corrections: corrections.map(presentCorrection),
  };
}

export function presentRegister(r: RegisterRow): Register {
  return {
    id: r.id,
    typeCode: r.type_code,
    year: r.year,
    issuingUnitId: r.issuing_unit_id,
    issuingUnitName: r.issuing_unit_name,
    entries: r.entries,
    corrections: r.corrections,
  };
}
