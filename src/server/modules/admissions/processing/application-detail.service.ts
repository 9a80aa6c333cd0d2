import type { ApplicationDetail } from '../../../../shared/admission-processing.schema.ts';
import { PriorityGroups } from '../../../../shared/admission-rules.schema.ts';
import type { DossierState } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { unitNames } from '../applications/application.repository.ts';
import { listVersions } from './processing.repository.ts';
import { processingActions } from './processing-steps.ts';
import { reviewableApplication } from './review-scope.ts';

/** The priority group's name in the round's list (the code when the round no longer has it). */
export function priorityGroupOf(groups: unknown, code: string | null): { code: string; name: string } | null {
  if (!code) return null;
  const parsed = PriorityGroups.safeParse(groups);
  const g = parsed.success ? parsed.data.find((x) => x.code === code) : undefined;
  return { code, name: g?.nameVi ?? code };
}

/**
 * One application as its reviewer sees it (issue 3, item 3): the form, the dossier's state,
 * deadline and next steps, documents, the full timeline with staff names, the parent's edit
 * history and the dossier's audit trail. Reading a child's record is itself audited
 * ('admissions.application.view', Decree 13/2023/NĐ-CP).
 */
export class ApplicationDetailService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async get(actor: Actor, dossierId: string): Promise<ApplicationDetail> {
    const { row, round } = await reviewableApplication(this.#p, actor, dossierId);
    const dossier = await dossierEngine(this.#p).dossiers.get(actor, dossierId);
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'admissions.application.view',
      entityType: 'dossier',
      entityId: dossierId,
      unitId: dossier.unitId,
      after: { roundId: round.id, view: 'detail' },
    });
    const [names, versions, audit] = await Promise.all([
      unitNames(this.#p.db, [...row.wishes, row.residence_commune_id]),
      listVersions(this.#p.db, dossierId),
      this.#auditTrail(dossierId),
    ]);
    return {
      dossierId,
      dossierCode: row.dossier_code,
      round: { id: round.id, name: round.name, level: round.level },
      child: { fullName: row.child_name, dateOfBirth: row.date_of_birth, gender: row.gender },
      guardians: row.guardians,
      residence: {
        commune: { id: row.residence_commune_id, name: names.get(row.residence_commune_id) ?? '' },
        village: row.residence_village,
        status: row.residence_status,
        correctionReason: row.correction_reason,
        registryMatch: row.registry_match,
      },
      priorityGroup: priorityGroupOf(round.priority_groups, row.priority_group),
      wishes: row.wishes.map((id, i) => ({ id, name: names.get(id) ?? '', rank: i + 1 })),
      contactChannel: row.contact_channel,
      formVersion: row.version,
      state: dossier.state,
      dossierVersion: dossier.version,
      receivedAt: dossier.receivedAt,
      dueAt: dossier.dueAt,
      overdue: dossier.overdue,
      allowedActions: processingActions(dossier.state as DossierState),
      documents: dossier.documents,
      attachments: dossier.attachments.map((a) => ({
        ...a,
        downloadUrl: `/api/dossiers/${dossierId}/attachments/${a.id}`,
      })),
      timeline: dossier.transitions,
      versions: versions.map((v) => ({
        version: v.version,
        editedAt: new Date(v.edited_at).toISOString(),
        editedBy: v.edited_by,
        data: v.data,
      })),
      audit,
    };
  }

  /** The dossier's entries of the audit log: its reviewer (checked above) may read its history. */
  async #auditTrail(dossierId: string) {
    const items = await this.#p.audit.trailOf('dossier', dossierId);
    return items.map((e) => ({ at: e.at, actorName: e.actorName, action: e.action, after: e.after }));
  }
}
