import {
  type Attachment,
  DocumentRule,
  type DossierAction,
  type DossierDetail,
  type DossierState,
  type DossierSummary,
  type PublicTimeline,
  type StaffAction,
  TransitionDetails,
} from '../../../shared/dossiers.schema.ts';
import type { AttachmentRow } from './dossier-history.repository.ts';
import { actionsFrom, isOverdue, TRANSITIONS } from './dossier-state.ts';
import type { DossierRow } from './dossiers.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const Documents = DocumentRule.array();

export function documentsOf(row: { documents: unknown }) {
  return Documents.parse(row.documents);
}

function parseDetails(v: unknown) {
  if (v === null || v === undefined) return null;
  const r = TransitionDetails.safeParse(v);
  return r.success ? r.data : null;
}

type SummaryRow = Pick<
  DossierRow,
  | 'id'
  | 'code'
  | 'procedure_code'
  | 'unit_id'
  | 'state'
  | 'received_at'
  | 'due_at'
  | 'decided_at'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'procedure_name_vi'
  | 'procedure_name_en'
>;

export function presentSummary(r: SummaryRow, unitName: string, now = new Date()): DossierSummary {
  const state = r.state as DossierState;
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: { vi: r.procedure_name_vi, en: r.procedure_name_en },
    unitId: r.unit_id,
    unitName,
    state,
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    decidedAt: iso(r.decided_at),
    overdue: isOverdue(state, r.due_at ? new Date(r.due_at) : null, now),
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function presentAttachment(a: AttachmentRow): Attachment {
  return {
    id: a.id,
    documentCode: a.document_code,
    filename: a.filename,
    contentType: a.content_type,
    sizeBytes: Number(a.size_bytes),
    sha256: a.sha256,
    uploadedByKind: a.uploaded_by_kind,
    createdAt: new Date(a.created_at).toISOString(),
  };
}

export interface TransitionRow {
  id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_kind: 'user' | 'applicant' | 'system';
  actor_name: string | null;
  at: Date;
  reason: string | null;
  details: unknown;
}

/** The staff view: every step with the name of who took it. */
export function presentDetail(
  r: DossierRow,
  unitName: string,
  transitions: TransitionRow[],
  attachments: AttachmentRow[],
): DossierDetail {
  return {
    ...presentSummary(r, unitName),
    contact: { email: r.contact_email, phone: r.contact_phone },
    locale: r.locale,
    form: r.form ?? null,
    documents: documentsOf(r),
    transitions: transitions.map((t) => ({
      id: String(t.id),
      action: t.action,
      fromState: t.from_state as DossierState | null,
      toState: t.to_state as DossierState,
      at: new Date(t.at).toISOString(),
      actorKind: t.actor_kind,
      actorName: t.actor_name,
      reason: t.reason,
      details: parseDetails(t.details),
    })),
    attachments: attachments.map(presentAttachment),
    // The unit's side of the table holds only staff actions.
    allowedActions: actionsFrom(r.state as DossierState, 'unit') as StaffAction[],
  };
}

/** Staff entering a step for the applicant (assisted entry) act on the applicant's side. */
function sideOf(action: string): 'applicant' | 'unit' {
  const rule = TRANSITIONS[action as DossierAction];
  return rule ? rule.by : 'applicant';
}

const BY_LABEL = {
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  unit: { vi: 'Trường/Đơn vị xử lý', en: 'Processing school/unit' },
  system: { vi: 'Hệ thống', en: 'System' },
} as const;

/**
 * The applicant's view: the same steps, public reasons and what to supplement, but never a
 * staff member's name (the unit speaks as one: "Trường/Đơn vị xử lý").
 */
export function presentTimeline(r: DossierRow, transitions: TransitionRow[]): PublicTimeline {
  const s = presentSummary(r, '');
  return {
    dossierId: r.id,
    code: r.code,
    procedure: { code: r.procedure_code, name: s.procedureName },
    state: s.state,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    overdue: s.overdue,
    events: transitions.map((t) => {
      const by = t.actor_kind === 'system' ? 'system' : sideOf(t.action);
      return {
        at: new Date(t.at).toISOString(),
        action: t.action,
        fromState: t.from_state as DossierState | null,
        toState: t.to_state as DossierState,
        by,
        byLabel: BY_LABEL[by],
        reason: t.reason,
        details: parseDetails(t.details),
      };
    }),
  };
}
