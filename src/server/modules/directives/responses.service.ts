import type {
  MyRecipient,
  RecipientFilter,
  RecipientPage,
  RemindOutcome,
  RespondInput,
  Response,
} from '../../../shared/directives.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { followsAsIssuer, invalid, myUnits, requireUser, userIdOf } from './directive-access.ts';
import { dayInVietnam, mayAnswer } from './directive-rules.ts';
import { presentFile, presentMine, presentRecipient } from './directives.presenter.ts';
import * as repo from './directives.repository.ts';
import { notifyUnits, UPLOAD_PURPOSE } from './directives.service.ts';
import * as rec from './recipients.repository.ts';

const notFound = () => new AppError('resource.not_found');

/** The daily job reminds units whose deadline is this many days away or has passed (up to 30 days past). */
export const REMIND_WITHIN_DAYS = 2;

/** Reading and answering (recipients); the per-unit table, reminders and files (issuer). */
export class ResponsesService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  /** The directive and the caller's recipient units in it (404 when the caller has none). */
  async #asRecipient(actor: Actor, id: string, unitId: string | undefined) {
    const d = await repo.findDirective(this.#p.db, id);
    if (!d || d.state === 'draft') throw notFound();
    const mine = await rec.recipientsOfUnits(this.#p.db, id, await myUnits(this.#p.db, actor), dayInVietnam());
    if (mine.length === 0) throw notFound();
    const chosen = unitId ? mine.filter((m) => m.unit_id === unitId) : mine;
    if (chosen.length === 0)
      throw invalid('body.unitId', 'đơn vị không nhận văn bản này', 'this unit is not a recipient');
    return { d, chosen };
  }

  /** Records the first read of the caller's recipient units (who and when); later opens change nothing. */
  async markRead(actor: Actor, id: string, unitId?: string): Promise<{ marked: string[] }> {
    const a = requireUser(actor);
    const { d, chosen } = await this.#asRecipient(a, id, unitId);
    const marked = await this.#p.db.transaction().execute(async (trx) => {
      const done = await rec.markRead(
        trx,
        id,
        chosen.map((c) => c.unit_id),
        userIdOf(a)!,
      );
      for (const u of done)
        await this.#p.audit.record(trx, a, {
          action: 'directives.recipient.read',
          entityType: 'directive',
          entityId: d.id,
          unitId: u,
          after: { unitId: u },
        });
      return done;
    });
    return { marked };
  }

  /**
   * The unit's answer, as a new version (history kept). Confirmation needs nothing; a text answer
   * needs text; a report needs text and at least one file uploaded by the caller. An answer may
   * be amended until the deadline; a first answer after it is accepted and counts as late.
   */
  async respond(actor: Actor, id: string, input: RespondInput): Promise<MyRecipient> {
    const a = requireUser(actor);
    const { d, chosen } = await this.#asRecipient(a, id, input.unitId);
    if (chosen.length > 1) throw invalid('body.unitId', 'chọn đơn vị trả lời', 'choose the answering unit');
    const unitId = chosen[0]!.unit_id;
    if (d.response_kind === 'none') throw new AppError('directives.invalid_state');
    if (d.response_kind !== 'confirm' && input.text.length === 0)
      throw invalid('body.text', 'cần nội dung trả lời', 'an answer is required');
    if (d.response_kind === 'report' && input.fileIds.length === 0)
      throw invalid('body.fileIds', 'cần đính kèm báo cáo', 'attach the report');
    if (d.response_kind !== 'report' && input.fileIds.length > 0)
      throw invalid('body.fileIds', 'văn bản này không yêu cầu tệp', 'this directive takes no file');
    const own = await repo.ownUploads(this.#p.db, userIdOf(a) ?? '', input.fileIds, UPLOAD_PURPOSE);
    if (input.fileIds.some((f) => !own.has(f)) || new Set(input.fileIds).size !== input.fileIds.length)
      throw invalid('body.fileIds', 'tệp không hợp lệ', 'a file is not one of your uploads');
    const today = dayInVietnam();
    await this.#p.db.transaction().execute(async (trx) => {
      const r = await rec.lockRecipient(trx, id, unitId);
      const current = await repo.findDirective(trx, id);
      if (!r || !current) throw notFound();
      const facts = {
        state: current.state,
        responseKind: current.response_kind,
        deadline: current.deadline,
        firstReadAt: r.first_read_at,
        firstAnsweredAt: r.first_answered_at,
      };
      if (!mayAnswer(facts, today))
        throw new AppError('directives.invalid_state', {
          hint:
            current.state !== 'issued'
              ? { vi: 'Văn bản đã đóng.', en: 'The directive is closed.' }
              : { vi: 'Đã quá thời hạn sửa câu trả lời.', en: 'The deadline for amending the answer has passed.' },
        });
      const version = r.response_version + 1;
      const at = await rec.insertAnswer(trx, {
        directiveId: id,
        unitId,
        version,
        text: input.text,
        fileIds: input.fileIds,
        userId: userIdOf(a)!,
      });
      await this.#p.audit.record(trx, a, {
        action: 'directives.response.submit',
        entityType: 'directive',
        entityId: id,
        unitId,
        before: r.response_version ? { version: r.response_version } : null,
        after: { version, text: input.text, fileIds: input.fileIds, answeredAt: at.toISOString() },
      });
    });
    const [row] = await rec.recipientsOfUnits(this.#p.db, id, [unitId], today);
    const files = new Map((await repo.findStoredFiles(this.#p.db, input.fileIds)).map((f) => [f.id, presentFile(f)]));
    return presentMine(d, row!, files, today);
  }

  async #asIssuer(actor: Actor, id: string) {
    const d = await repo.findDirective(this.#p.db, id);
    if (!d || !(await followsAsIssuer(this.#p.db, requireUser(actor), d.issuer_unit_id))) throw notFound();
    return d;
  }

  /** The issuer's per-unit table with filters (not read, not answered, late) and the answers. */
  async recipients(
    actor: Actor,
    id: string,
    q: { filter: RecipientFilter; page: number; pageSize: number | null },
  ): Promise<RecipientPage> {
    await this.#asIssuer(actor, id);
    const { total, rows } = await rec.recipientPage(this.#p.db, id, q, dayInVietnam());
    const fileIds = rows.flatMap((r) => r.response_file_ids ?? []);
    const files = new Map((await repo.findStoredFiles(this.#p.db, fileIds)).map((f) => [f.id, presentFile(f)]));
    return {
      items: rows.map((r) => presentRecipient(r, files)),
      total,
      page: q.page,
      pageSize: q.pageSize ?? total,
    };
  }

  /** Every version of a unit's answer: for the issuer, or for the unit's own users. */
  async history(actor: Actor, id: string, unitId: string): Promise<{ items: Response[] }> {
    const a = requireUser(actor);
    const d = await repo.findDirective(this.#p.db, id);
    if (!d) throw notFound();
    const allowed =
      (await followsAsIssuer(this.#p.db, a, d.issuer_unit_id)) ||
      (d.state !== 'draft' && (await myUnits(this.#p.db, a)).includes(unitId));
    if (!allowed) throw notFound();
    const rows = await rec.responseHistory(this.#p.db, id, unitId);
    const files = new Map(
      (
        await repo.findStoredFiles(
          this.#p.db,
          rows.flatMap((r) => r.file_ids),
        )
      ).map((f) => [f.id, presentFile(f)]),
    );
    return {
      items: rows.map((r) => ({
        version: r.version,
        text: r.text,
        files: r.file_ids.flatMap((f) => files.get(f) ?? []),
        answeredAt: new Date(r.answered_at).toISOString(),
        answeredByName: r.full_name,
      })),
    };
  }

  /** "Remind those who have not answered": once per unit and day (a second click the same day skips them). */
  async remind(actor: Actor, id: string): Promise<RemindOutcome> {
    const d = await this.#asIssuer(actor, id);
    if (d.state !== 'issued') throw new AppError('directives.invalid_state');
    return this.#remind(requireUser(actor), { directiveId: id, dueWithinDays: null, source: 'manual' });
  }

  /**
   * The daily job: reminds every unit that has not complied with an issued directive whose
   * deadline is within REMIND_WITHIN_DAYS days or passed (at most 30 days ago). Idempotent: a
   * unit is reminded once per directive and day (directive_reminders' key).
   */
  async remindDue(): Promise<RemindOutcome> {
    return this.#remind(systemActor('directives.reminders'), {
      directiveId: null,
      dueWithinDays: REMIND_WITHIN_DAYS,
      source: 'scheduled',
    });
  }

  async #remind(
    actor: Actor,
    o: { directiveId: string | null; dueWithinDays: number | null; source: 'manual' | 'scheduled' },
  ): Promise<RemindOutcome> {
    const today = dayInVietnam();
    const candidates = (await rec.toRemind(this.#p.db, { ...o, today })).filter(
      (c) => o.directiveId !== null || !c.deadline || c.deadline >= addDays(today, -30),
    );
    const reminded = await this.#p.db.transaction().execute(async (trx) => {
      const claimed = await rec.claimReminders(trx, candidates, today, o.source);
      const byDirective = Map.groupBy(claimed, (c) => c.directive_id);
      for (const [directiveId, rows] of byDirective) {
        const d = (await repo.findDirective(trx, directiveId))!;
        const unitIds = rows.map((r) => r.unit_id);
        const names = await trx.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute();
        const notified = await notifyUnits(this.#p, trx, d, unitIds, names, 'directives.reminder');
        await this.#p.audit.record(trx, actor, {
          action: 'directives.reminder.send',
          entityType: 'directive',
          entityId: directiveId,
          unitId: d.issuer_unit_id,
          after: { source: o.source, day: today, units: unitIds, notified },
        });
      }
      return claimed.length;
    });
    return { reminded, skipped: candidates.length - reminded };
  }

  /** An attachment (anyone who sees the directive) or an answer's file (the issuer, the answering unit). */
  async file(actor: Actor, id: string, fileId: string): Promise<ServedFile> {
    const a = requireUser(actor);
    const d = await repo.findDirective(this.#p.db, id);
    if (!d) throw notFound();
    const isIssuer = await followsAsIssuer(this.#p.db, a, d.issuer_unit_id);
    const mine = d.state === 'draft' ? [] : await myUnits(this.#p.db, a);
    const attached = (await repo.listAttachments(this.#p.db, id)).some((f) => f.id === fileId);
    let allowed = false;
    if (attached) {
      allowed = isIssuer || (await rec.recipientsOfUnits(this.#p.db, id, mine, dayInVietnam())).length > 0;
    } else {
      const unit = await rec.responseFileUnit(this.#p.db, id, fileId);
      allowed = unit !== undefined && (isIssuer || mine.includes(unit));
    }
    if (!allowed) throw notFound();
    const [f] = await repo.findStoredFiles(this.#p.db, [fileId]);
    if (!f) throw notFound();
    return {
      storageKey: f.storage_key,
      filename: f.filename,
      contentType: f.content_type,
      size: Number(f.size_bytes),
      sha256: f.sha256,
    };
  }
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
