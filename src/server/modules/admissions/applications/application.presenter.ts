import type {
  ApplicationReceipt,
  ApplicationStatus,
  QueueItem,
} from '../../../../shared/admission-applications.schema.ts';
import type { DossierState, PublicTimeline, Receipt } from '../../../../shared/dossiers.schema.ts';
import type { ApplicationRow, listQueue } from './application.repository.ts';
import { type ApplicationRound, schoolName } from './application-round.ts';

export function presentReceipt(
  receipt: Receipt,
  row: Pick<ApplicationRow, 'wishes' | 'registry_match'>,
  round: ApplicationRound,
): ApplicationReceipt {
  return {
    dossierCode: receipt.code,
    receivedAt: receipt.receivedAt,
    dueAt: receipt.dueAt,
    roundName: round.row.name,
    schoolWishes: row.wishes.map((id) => schoolName(round, id)),
    registryMatch: row.registry_match,
  };
}

export function presentStatus(
  row: ApplicationRow,
  round: ApplicationRound,
  timeline: PublicTimeline,
): ApplicationStatus {
  return {
    dossierCode: row.dossier_code,
    roundId: round.row.id,
    roundName: round.row.name,
    registerTo: new Date(round.row.register_to).toISOString(),
    childName: row.child_name,
    state: timeline.state,
    version: row.version,
    schoolWishes: row.wishes.map((id) => ({ id, name: schoolName(round, id) })),
    priorityGroup: row.priority_group,
    guardians: row.guardians,
    registryMatch: row.registry_match,
    residenceStatus: row.residence_status,
    timeline,
  };
}

type QueueRow = Awaited<ReturnType<typeof listQueue>>['rows'][number];

export function presentQueueItem(r: QueueRow): QueueItem {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    state: r.state as DossierState,
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    childName: r.child_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    firstWish: { id: r.first_wish_id, name: r.first_wish_name },
    wishes: r.wishes,
    priorityGroup: r.priority_group,
    registryMatch: r.registry_match,
    residenceStatus: r.residence_status,
  };
}

/** What a version row keeps: the editable part of the application, never the personal ID. */
export function snapshot(row: ApplicationRow) {
  return {
    wishes: row.wishes,
    priorityGroup: row.priority_group,
    residence: {
      communeId: row.residence_commune_id,
      village: row.residence_village,
      status: row.residence_status,
      correctionReason: row.correction_reason,
    },
  };
}
