import { sql } from 'kysely';
import {
  type CorrectableField,
  type CorrectionCreate,
  type Entry,
  type EntrySearchPage,
  type EntrySearchQuery,
  formatPartialDate,
  type RegisterList,
} from '../../../shared/diplomas.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { presentEntry, presentRegister, presentSummary } from './diplomas.presenter.ts';
import {
  applyCorrection,
  type EntryRow,
  type EntryUpdate,
  findCorrections,
  findEntry,
  listRegisters,
  listTypes,
  searchEntries,
} from './entries.repository.ts';

/**
 * The staff side of the registry: registers, search, an entry with its corrections, and
 * corrections recorded as decisions (the diploma-correction procedure, TT 21/2019 art. 21–22):
 * never a silent edit. Every view of personal data (a search, an entry) is audited.
 */
export class EntriesService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async registers(actor: Actor): Promise<RegisterList> {
    const scope = await this.#p.access.scope(actor, 'diplomas.read');
    const [rows, types] = await Promise.all([listRegisters(this.#p.db, scope), listTypes(this.#p.db)]);
    return {
      items: rows.map(presentRegister),
      types: types.map((t) => ({
        code: t.code,
        nameVi: t.name_vi,
        nameEn: t.name_en,
        classifications: t.classifications,
      })),
    };
  }

  /** Search within the actor's scope; the query (not the results) is audited. */
  async search(actor: Actor, q: EntrySearchQuery): Promise<EntrySearchPage> {
    const scope = await this.#p.access.scope(actor, 'diplomas.read');
    const offset = (q.page - 1) * q.pageSize;
    const rows = await searchEntries(this.#p.db, scope, {
      ...q,
      name: q.name?.replace(/\s+/g, ' '),
      limit: q.pageSize + 1,
      offset,
    });
    const { page, pageSize, ...criteria } = q;
    await logOnly(this.#p, (trx) =>
      this.#p.audit.record(trx, actor, {
        action: 'diplomas.entry.search',
        entityType: 'diploma_entry',
        after: { ...criteria, page, found: Math.min(rows.length, pageSize) },
      }),
    );
    return { items: rows.slice(0, pageSize).map(presentSummary), page, pageSize, hasMore: rows.length > pageSize };
  }

  /** One entry with its corrections; the view is audited (personal data). */
  async get(actor: Actor, id: string): Promise<Entry> {
    const row = await this.#readable(actor, id);
    await logOnly(this.#p, (trx) =>
      this.#p.audit.record(trx, actor, {
        action: 'diplomas.entry.view',
        entityType: 'diploma_entry',
        entityId: id,
        unitId: row.issuing_unit_id,
      }),
    );
    return presentEntry(row, await findCorrections(this.#p.db, id));
  }

  /** Records a correction decision and applies it, in one transaction with its audit entry. */
  async correct(actor: Actor, id: string, body: CorrectionCreate): Promise<Entry> {
    return this.#p.db.transaction().execute(async (trx) => {
      const row = await findEntry(trx, id, true);
      if (!row) throw new AppError('resource.not_found');
      await this.#p.access.require(actor, 'diplomas.manage', { unitId: row.issuing_unit_id });
      if (row.version !== body.version) throw new AppError('resource.stale');
      const { update, changes } = diff(row, body.changes);
      if (changes.length === 0)
        throw new AppError('diplomas.correction_invalid', {
          hint: { vi: 'Các giá trị mới trùng với giá trị hiện có.', en: 'The new values equal the current ones.' },
        });
      const correctionId = await applyCorrection(trx, id, body.version, update, {
        decision_no: body.decisionNo,
        decision_date: body.decisionDate,
        signer: body.signer,
        reason: body.reason,
        changes,
        created_by: actor.kind === 'user' ? actor.userId : null,
      });
      if (!correctionId) throw new AppError('resource.stale');
      await this.#p.audit.record(trx, actor, {
        action: 'diplomas.entry.correct',
        entityType: 'diploma_entry',
        entityId: id,
        unitId: row.issuing_unit_id,
        before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
        after: {
          ...Object.fromEntries(changes.map((c) => [c.field, c.after])),
          correctionId,
          decisionNo: body.decisionNo,
          decisionDate: body.decisionDate,
        },
      });
      const after = await findEntry(trx, id);
      return presentEntry(after!, await findCorrections(trx, id));
    });
  }

  async #readable(actor: Actor, id: string): Promise<EntryRow> {
    const row = await findEntry(this.#p.db, id);
    // Same answer for "no such entry" and "not yours" once signed in with the permission somewhere.
    await this.#p.access.scope(actor, 'diplomas.read');
    if (!row || !(await this.#p.access.can(actor, 'diplomas.read', { unitId: row.issuing_unit_id })))
      throw new AppError('resource.not_found');
    return row;
  }
}

/**
 * A transaction that only appends log rows (the audit of a search or a view, the public
 * verification log) and changes no record: it commits with `synchronous_commit = off`, so the
 * answer does not wait for the WAL flush (a few milliseconds on a real disk, most of a serial
 * lookup). The PostgreSQL trade-off, chosen knowingly for these rows only: a crash of the
 * database server may lose the log rows of its last fraction of a second (at most three times
 * wal_writer_delay), never corrupt them or anything else; transactions that change records keep
 * the synchronous commit.
 */
export async function logOnly(platform: Platform, write: (trx: Trx) => Promise<void>): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    await write(trx);
  });
}

type Changes = CorrectionCreate['changes'];

/** The fields that really change, as (field, before, after), and the column update. */
function diff(
  row: EntryRow,
  c: Changes,
): { update: EntryUpdate; changes: { field: CorrectableField; before: unknown; after: unknown }[] } {
  const update: EntryUpdate = {};
  const changes: { field: CorrectableField; before: unknown; after: unknown }[] = [];
  const text = (
    field: CorrectableField,
    before: string | null,
    after: string | null | undefined,
    set: (v: string | null) => void,
  ) => {
    if (after === undefined) return;
    const value = after === '' ? null : after;
    if (value === before) return;
    changes.push({ field, before, after: value });
    set(value);
  };
  if (c.fullName !== undefined && c.fullName.replace(/\s+/g, ' ') !== row.full_name) {
    const name = c.fullName.replace(/\s+/g, ' ');
    changes.push({ field: 'fullName', before: row.full_name, after: name });
    update.full_name = name;
  }
  if (c.birthDate) {
    const before = { year: row.birth_year, month: row.birth_month, day: row.birth_day };
    if (formatPartialDate(before) !== formatPartialDate(c.birthDate)) {
      changes.push({ field: 'birthDate', before: formatPartialDate(before), after: formatPartialDate(c.birthDate) });
      update.birth_year = c.birthDate.year;
      update.birth_month = c.birthDate.month;
      update.birth_day = c.birthDate.day;
    }
  }
  text('birthPlace', row.birth_place, c.birthPlace, (v) => {
    update.birth_place = v;
  });
  text('gender', row.gender, c.gender, (v) => {
    update.gender = v;
  });
  text('ethnicity', row.ethnicity, c.ethnicity, (v) => {
    update.ethnicity = v;
  });
  text('classification', row.classification, c.classification, (v) => {
    update.classification = v;
  });
  if (c.schoolName !== undefined && c.schoolName !== row.school_name) {
    changes.push({ field: 'schoolName', before: row.school_name, after: c.schoolName });
    update.school_name = c.schoolName;
  }
  return { update, changes };
}
