import type {
  DirectiveDetail,
  DirectiveInput,
  DirectiveUpdate,
  InboxPage,
  RecipientPreview,
  RecipientStatus,
  Selection,
  SentPage,
  UnitOption,
} from '../../../shared/directives.schema.ts';
import { steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { insertOutbox } from '../../platform/notify/outbox.repository.ts';
import type { Platform } from '../../platform/platform.ts';
import { followsAsIssuer, invalid, myUnits, requireUser, userIdOf } from './directive-access.ts';
import { directiveEmail, directiveLink } from './directive-messages.ts';
import { dayInVietnam } from './directive-rules.ts';
import { presentDetail, presentFile, presentMine, presentSent } from './directives.presenter.ts';
import * as repo from './directives.repository.ts';
import { inbox, recipientsOfUnits } from './recipients.repository.ts';
import * as units from './units.repository.ts';

export const UPLOAD_PURPOSE = 'directives';
const notFound = () => new AppError('resource.not_found');

/** Drafting, issuing and closing directives; the inbox and the sent list; reading one. */
export class DirectivesService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  /** Units the actor may issue from (the issue form's first field). */
  async issuerUnits(actor: Actor): Promise<UnitOption[]> {
    const a = requireUser(actor);
    await steeringScope(this.#p.db, a, 'directives.issue');
    const grants = a.kind === 'user' ? a.grants.filter((g) => g.permissions.includes('directives.issue')) : [];
    return units.issuerUnitOptions(
      this.#p.db,
      grants.map((g) => g.unitId),
      dayInVietnam(),
    );
  }

  /** Communes inside the actor's steering scope (the picker "a commune's schools"). */
  async communes(actor: Actor): Promise<UnitOption[]> {
    const scope = await steeringScope(this.#p.db, requireUser(actor), 'directives.issue');
    return units.communeOptions(this.#p.db, scope, dayInVietnam());
  }

  /** Units inside the scope matching a name (the picker "a list of units"). */
  async searchUnits(actor: Actor, q: string): Promise<UnitOption[]> {
    const scope = await steeringScope(this.#p.db, requireUser(actor), 'directives.issue');
    if (q.trim().length < 2) return [];
    return units.searchUnits(this.#p.db, scope, q.trim(), dayInVietnam());
  }

  /** How many living units a selection picks in the actor's scope, and the first 50 of them. */
  async preview(
    actor: Actor,
    input: { issuerUnitId?: string | undefined; selection: Selection },
  ): Promise<RecipientPreview> {
    const scope = await steeringScope(this.#p.db, requireUser(actor), 'directives.issue');
    return units.selectRecipients(this.#p.db, {
      selection: input.selection,
      scope,
      issuerUnitId: input.issuerUnitId ?? null,
      today: dayInVietnam(),
      limit: 50,
    });
  }

  async create(actor: Actor, input: DirectiveInput): Promise<DirectiveDetail> {
    const a = requireUser(actor);
    const issuerName = await this.#checkIssuer(a, input.issuerUnitId);
    await this.#checkAttachments(a, input.attachmentIds, []);
    checkDates(input);
    const id = await this.#p.db.transaction().execute(async (trx) => {
      const { id } = await repo.insertDirective(trx, {
        ...columns(input),
        issuer_unit_name: issuerName,
        created_by: userIdOf(a),
      });
      await repo.replaceAttachments(trx, id, input.attachmentIds);
      await this.#p.audit.record(trx, a, {
        action: 'directives.directive.create',
        entityType: 'directive',
        entityId: id,
        unitId: input.issuerUnitId,
        after: { ...input },
      });
      return id;
    });
    return this.get(a, id);
  }

  /** Replaces a draft (optimistic: the version read). */
  async update(actor: Actor, id: string, input: DirectiveUpdate): Promise<DirectiveDetail> {
    const a = requireUser(actor);
    const d = await repo.findDirective(this.#p.db, id);
    if (!d || !(await followsAsIssuer(this.#p.db, a, d.issuer_unit_id))) throw notFound();
    if (d.state !== 'draft') throw new AppError('directives.invalid_state');
    const issuerName = await this.#checkIssuer(a, input.issuerUnitId);
    const attached = (await repo.listAttachments(this.#p.db, id)).map((f) => f.id);
    await this.#checkAttachments(a, input.attachmentIds, attached);
    checkDates(input);
    const { version, ...fields } = input;
    await this.#p.db.transaction().execute(async (trx) => {
      const set = { ...columns(fields), issuer_unit_name: issuerName };
      if (!(await repo.updateDraft(trx, id, version, set))) throw new AppError('resource.stale');
      await repo.replaceAttachments(trx, id, fields.attachmentIds);
      await this.#p.audit.record(trx, a, {
        action: 'directives.directive.update',
        entityType: 'directive',
        entityId: id,
        unitId: fields.issuerUnitId,
        before: { ...pickBefore(d), attachmentIds: attached },
        after: { ...fields },
      });
    });
    return this.get(a, id);
  }

  /**
   * Issues a draft: checks what an issued directive needs (number, date, a deadline on or after
   * today when an answer is required), materialises the recipients inside the issuer's scope,
   * and notifies the recipients' users in the same transaction.
   */
  async issue(actor: Actor, id: string): Promise<DirectiveDetail> {
    const a = requireUser(actor);
    const today = dayInVietnam();
    await this.#p.db.transaction().execute(async (trx) => {
      const d = await repo.lockDirective(trx, id);
      if (!d || !(await followsAsIssuer(this.#p.db, a, d.issuer_unit_id))) throw notFound();
      if (d.state !== 'draft') throw new AppError('directives.invalid_state');
      const details = [];
      if (!d.number) details.push({ path: 'body.number', message: 'cần số ký hiệu / a number is required' });
      if (!d.doc_date) details.push({ path: 'body.docDate', message: 'cần ngày văn bản / a date is required' });
      if (d.response_kind !== 'none' && !d.deadline)
        details.push({ path: 'body.deadline', message: 'cần thời hạn trả lời / a deadline is required' });
      if (d.deadline && d.deadline < today)
        details.push({ path: 'body.deadline', message: 'thời hạn đã qua / the deadline has passed' });
      if (details.length) throw new AppError('directives.invalid', { details });
      if (await repo.numberTaken(trx, { id, issuerUnitId: d.issuer_unit_id, number: d.number!, docDate: d.doc_date! }))
        throw invalid('body.number', 'số ký hiệu đã được dùng trong năm', 'the number is already used this year');
      const scope = await steeringScope(this.#p.db, a, 'directives.issue');
      const picked = await units.selectRecipients(trx, {
        selection: d.selection as Selection,
        scope,
        issuerUnitId: d.issuer_unit_id,
        today,
        limit: null,
      });
      if (picked.count === 0) throw invalid('body.selection', 'không có đơn vị nhận', 'no unit is selected');
      const unitIds = picked.units.map((u) => u.id);
      await repo.insertRecipients(trx, id, unitIds);
      await repo.setState(trx, id, { state: 'issued', userId: userIdOf(a) });
      const notified = await notifyUnits(this.#p, trx, d, unitIds, picked.units, 'directives.issued');
      await this.#p.audit.record(trx, a, {
        action: 'directives.directive.issue',
        entityType: 'directive',
        entityId: id,
        unitId: d.issuer_unit_id,
        before: { state: 'draft' },
        after: { state: 'issued', recipients: unitIds.length, notified },
      });
    });
    return this.get(a, id);
  }

  /** Closes an issued directive: no more answers. */
  async close(actor: Actor, id: string): Promise<DirectiveDetail> {
    const a = requireUser(actor);
    await this.#p.db.transaction().execute(async (trx) => {
      const d = await repo.lockDirective(trx, id);
      if (!d || !(await followsAsIssuer(this.#p.db, a, d.issuer_unit_id))) throw notFound();
      if (d.state !== 'issued') throw new AppError('directives.invalid_state');
      await repo.setState(trx, id, { state: 'closed', userId: userIdOf(a) });
      await this.#p.audit.record(trx, a, {
        action: 'directives.directive.close',
        entityType: 'directive',
        entityId: id,
        unitId: d.issuer_unit_id,
        before: { state: 'issued' },
        after: { state: 'closed' },
      });
    });
    return this.get(a, id);
  }

  /**
   * A directive as the caller may see it: the issuer's side gets the counts; a recipient its own
   * units' rows. Anyone else (and a recipient, for a draft) gets 404, as if it did not exist.
   */
  async get(actor: Actor, id: string): Promise<DirectiveDetail> {
    const a = requireUser(actor);
    const d = await repo.findDirective(this.#p.db, id);
    if (!d) throw notFound();
    const today = dayInVietnam();
    const isIssuer = await followsAsIssuer(this.#p.db, a, d.issuer_unit_id);
    const mine =
      d.state === 'draft' ? [] : await recipientsOfUnits(this.#p.db, id, await myUnits(this.#p.db, a), today);
    if (!isIssuer && mine.length === 0) throw notFound();
    const attachments = (await repo.listAttachments(this.#p.db, id)).map(presentFile);
    const counts = isIssuer && d.state !== 'draft' ? (await repo.countsOf(this.#p.db, [id], today)).get(id)! : null;
    const fileIds = mine.flatMap((m) => m.response_file_ids ?? []);
    const files = new Map((await repo.findStoredFiles(this.#p.db, fileIds)).map((f) => [f.id, presentFile(f)]));
    return presentDetail(d, {
      attachments,
      isIssuer,
      counts,
      mine: mine.map((m) => presentMine(d, m, files, today)),
    });
  }

  /** Directives addressed to the caller's units. */
  async inbox(
    actor: Actor,
    q: { status?: RecipientStatus | undefined; q?: string | undefined; page: number; pageSize: number },
  ): Promise<InboxPage> {
    const a = requireUser(actor);
    const { total, rows } = await inbox(this.#p.db, await myUnits(this.#p.db, a), q, dayInVietnam());
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        docDate: r.doc_date,
        title: r.title,
        issuerUnitName: r.issuer_unit_name,
        responseKind: r.response_kind,
        deadline: r.deadline,
        state: r.state,
        unitId: r.unit_id,
        unitName: r.unit_name,
        status: r.status,
        late: r.late,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Directives issued from units in the caller's steering scope, with their counts. */
  async sent(
    actor: Actor,
    q: { state?: string | undefined; q?: string | undefined; page: number; pageSize: number },
  ): Promise<SentPage> {
    const scope = await steeringScope(this.#p.db, requireUser(actor), 'directives.issue');
    const { total, rows } = await repo.listSent(this.#p.db, scope, q);
    const counts = await repo.countsOf(
      this.#p.db,
      rows.map((r) => r.id),
      dayInVietnam(),
    );
    return { items: rows.map((r) => presentSent(r, counts.get(r.id)!)), total, page: q.page, pageSize: q.pageSize };
  }

  async #checkIssuer(actor: Actor, issuerUnitId: string): Promise<string> {
    // The CLI and the demo loader (system actors) issue from any unit.
    const name = actor.kind === 'system' ? await units.unitName(this.#p.db, issuerUnitId) : undefined;
    if (name) return name;
    const options = await this.issuerUnits(actor);
    const u = options.find((o) => o.id === issuerUnitId);
    if (!u)
      throw invalid(
        'body.issuerUnitId',
        'đơn vị ban hành không thuộc quyền của bạn',
        'you cannot issue from this unit',
      );
    return u.name;
  }

  /** Attachments are files the caller uploaded for directives (or already attached to this draft). */
  async #checkAttachments(actor: Actor, ids: readonly string[], attached: readonly string[]) {
    if (actor.kind !== 'user') return;
    const fresh = ids.filter((f) => !attached.includes(f));
    const own = await repo.ownUploads(this.#p.db, actor.userId, fresh, UPLOAD_PURPOSE);
    if (fresh.some((f) => !own.has(f)) || new Set(ids).size !== ids.length)
      throw invalid('body.attachmentIds', 'tệp đính kèm không hợp lệ', 'an attachment is not one of your uploads');
  }
}

/** E-mails to the users who answer for the units (outbox, in the caller's transaction). */
export async function notifyUnits(
  p: Platform,
  trx: Executor,
  d: {
    id: string;
    number: string | null;
    title: string;
    issuer_unit_name: string;
    deadline: string | null;
    response_kind: string;
  },
  unitIds: readonly string[],
  named: readonly { id: string; name: string }[],
  template: 'directives.issued' | 'directives.reminder',
): Promise<number> {
  const names = new Map(named.map((u) => [u.id, u.name]));
  const people = await units.respondersOf(trx, unitIds);
  const link = directiveLink(p.config.PUBLIC_URL, d.id);
  const rows = people
    .filter((u) => u.email)
    .map((u) =>
      directiveEmail(
        {
          template,
          number: d.number,
          title: d.title,
          issuerUnitName: d.issuer_unit_name,
          unitName: names.get(u.unit_id) ?? '',
          deadline: d.deadline,
          needsAnswer: d.response_kind !== 'none',
          link,
        },
        { email: u.email!, locale: u.locale },
        u.unit_id,
      ),
    );
  for (let i = 0; i < rows.length; i += 1000) await insertOutbox(trx, rows.slice(i, i + 1000));
  return rows.length;
}

function columns(i: Omit<DirectiveInput, 'attachmentIds'> & { attachmentIds?: string[] }) {
  return {
    issuer_unit_id: i.issuerUnitId,
    number: i.number,
    doc_date: i.docDate,
    title: i.title,
    summary: i.summary,
    response_kind: i.responseKind,
    deadline: i.deadline,
    selection: JSON.stringify(i.selection),
  };
}

function checkDates(i: { docDate: string | null; deadline: string | null }) {
  if (i.docDate && i.deadline && i.deadline < i.docDate)
    throw invalid('body.deadline', 'thời hạn trước ngày văn bản', 'the deadline precedes the date of the directive');
}

function pickBefore(d: repo.DirectiveRow) {
  return {
    issuerUnitId: d.issuer_unit_id,
    number: d.number,
    docDate: d.doc_date,
    title: d.title,
    summary: d.summary,
    responseKind: d.response_kind,
    deadline: d.deadline,
    selection: d.selection,
  };
}
