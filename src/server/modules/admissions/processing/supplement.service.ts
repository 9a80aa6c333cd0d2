import type { ChildIdentity } from '../../../../shared/admission-applications.schema.ts';
import type { ResubmitBody, SupplementStatus } from '../../../../shared/admission-processing.schema.ts';
import type { Attachment } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { readNotifyConfig } from '../../../platform/notify/notify-config.ts';
import { getOtpService } from '../../../platform/otp/otp-provider.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { Upload } from '../../dossiers/attachments.service.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { isFinal } from '../../dossiers/dossier-state.ts';
import { OrgService } from '../../org/org.service.ts';
import { APPLY } from '../applications/application-identity.ts';
import { staffApplicationLink } from './admission-links.ts';
import { ownApplication } from './parent-access.ts';

/**
 * Documents of a priority claim (or of bonus points for grade 10): the parent may add them at
 * any time before a decision, not only when asked (issue 3: "priority claims with document upload").
 */
/** Documents a family may add on its own until the decision: proof of a claim it made. */
const CLAIM_DOCUMENTS: readonly string[] = ['UU_TIEN', 'KHUYEN_KHICH', 'CU_TRU'];

/**
 * The parent's side of processing (issue 3, item 3): documents asked for in a supplement
 * request, priority-claim documents after filing, and the resubmission that hands the
 * application back to the school (which is notified). Identity: the verified one-time code
 * (x-otp-token) of the contact the application was filed with, the child's ID and date of birth.
 */
export class SupplementService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** Attaches one document; its type is sniffed and its size checked by the engine (attachments.service.ts). */
  async attach(
    actor: Actor,
    token: string | undefined,
    code: string,
    who: ChildIdentity & { documentCode: string },
    file: Omit<Upload, 'documentCode'>,
  ): Promise<Attachment> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const { row, key } = await ownApplication(this.#p, code, who, session);
    const engine = dossierEngine(this.#p);
    const { state } = await engine.applicants.getPublicTimeline(row.dossier_id, key);
    const upload: Upload = { ...file, documentCode: who.documentCode };
    if (state === 'supplement_requested')
      return engine.attachments.attachAsApplicant(actor, row.dossier_id, key, upload);
    if (isFinal(state) || !CLAIM_DOCUMENTS.includes(who.documentCode))
      throw new AppError('dossier.invalid_transition', {
        hint: {
          vi: 'Chỉ nộp thêm giấy tờ khi nhà trường yêu cầu bổ sung, trừ giấy tờ chứng minh ưu tiên hoặc nơi cư trú.',
          en: 'Documents are added when the school asks for them, except proof of priority or of residence.',
        },
      });
    // A priority claim's proof may come any time before a decision: the engine's rules apply,
    // and the attachment is the applicant's own.
    const attachment = await engine.attachments.attachAsApplicant(actor, row.dossier_id, key, upload, {
      untilDecision: true,
    });
    return attachment;
  }

  /** Sends the supplemented application back to its school; the deadline runs again; the school is told. */
  async resubmit(actor: Actor, token: string | undefined, code: string, body: ResubmitBody): Promise<SupplementStatus> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const { row, key } = await ownApplication(this.#p, code, body, session);
    const engine = dossierEngine(this.#p);
    await engine.applicants.resubmit(actor, row.dossier_id, key, body.note ? { note: body.note } : {});
    const timeline = await engine.applicants.getPublicTimeline(row.dossier_id, key);
    const schoolId = row.wishes[0]!;
    const school = await new OrgService(this.#p).school(schoolId).catch(() => undefined);
    // After the commit: a lost message costs the school a reminder, not the parent's resubmission
    // (the queue shows every resubmitted application anyway).
    if (school?.email)
      await engine.notifier.send({
        to: { email: school.email, phone: null },
        template: 'dossier.resubmit',
        locale: 'vi',
        dossierId: row.dossier_id,
        unitId: schoolId,
        data: {
          code: row.dossier_code,
          procedureName: timeline.procedure.name,
          state: timeline.state,
          note: body.note || null,
          dueAt: timeline.dueAt,
          link: staffApplicationLink(
            readNotifyConfig(process.env, this.#p.config.PUBLIC_URL).publicUrl,
            row.dossier_id,
          ),
        },
      });
    return { dossierCode: row.dossier_code, state: timeline.state, timeline };
  }
}
