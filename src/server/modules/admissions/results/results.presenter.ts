import type { StaffResult } from '../../../../shared/admission-results.schema.ts';
import type { StaffResultRow } from './results.repository.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A result as staff see it: both languages of the explanation, the confirmation trail. */
export function presentStaff(r: StaffResultRow): StaffResult {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    childName: r.child_name,
    outcome: r.outcome,
    school: r.school_id ? { id: r.school_id, name: r.school_name ?? '' } : null,
    wish: r.wish,
    reason: r.reason,
    explanation: { vi: r.explanation_vi, en: r.explanation_en },
    confirmation: r.confirmation,
    confirmedAt: iso(r.confirmed_at),
    confirmedChannel: r.confirmed_channel,
    releasedAt: iso(r.released_at),
  };
}
