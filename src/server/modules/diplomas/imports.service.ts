import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type {
  ImportConfigure,
  ImportJob,
  ImportMapping,
  ImportReport,
  RowProblem,
} from '../../../shared/diplomas.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { dt } from './diplomas.tables.ts';
import { listTypes } from './entries.repository.ts';
import { formatOf, type ListFormat, readRows } from './import-file.ts';
import { guessMapping, missingFields, type StagedRow, stageRow } from './import-row.ts';
import * as repo from './imports.repository.ts';

/** Units that issue diplomas: the Sở (THPT) and, before 07/2025, the district offices (THCS). */
const ISSUING_TYPES = new Set(['department', 'district_education_office', 'culture_society_division', 'division']);
const STAGE_BATCH = 10_000;
const COMMIT_CHUNK = 100_000;
const VACUUM_AFTER = 50_000;

/**
 * Imports of digitised lists (issue 5 item 2): upload (the file is stored, its header and
 * first rows shown with a guessed column mapping), validate (every row mapped and checked into
 * the staging table; duplicates in the file and conflicts with the registry found in SQL; a
 * row-level report), run (chunks of INSERT … SELECT … ON CONFLICT DO NOTHING, each in its own
 * transaction with its audit entry). Validation and run go on in the background; the page polls
 * the job's counters. Re-importing a list writes nothing twice: rows already in the registry
 * are reported as such and skipped.
 *
 * The work runs in the node that received the request (pg-boss is not reachable from modules
 * yet); a job left `validating` or `importing` by a node that stopped can be validated again.
 */
export class ImportsService {
  readonly #p: Platform;
  readonly #org: OrgService;
  readonly #running = new Map<string, Promise<void>>();

  constructor(platform: Platform) {
    this.#p = platform;
    this.#org = new OrgService(platform);
  }

  async upload(actor: Actor, issuingUnitId: string, filename: string, body: Readable): Promise<ImportJob> {
    await this.#p.access.require(actor, 'diplomas.manage', { unitId: issuingUnitId });
    const unit = await this.#org.unit(issuingUnitId);
    if (!ISSUING_TYPES.has(unit.typeCode))
      throw new AppError('request.invalid', {
        hint: {
          vi: 'Đơn vị cấp bằng phải là Sở hoặc Phòng GDĐT.',
          en: 'The issuing unit must be a Sở or an education office.',
        },
      });
    const format = formatOf(filename);
    if (!format)
      throw new AppError('file.invalid', {
        hint: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv.', en: 'Only .xlsx or .csv files are accepted.' },
      });
    const id = randomUUID();
    const key = `diplomas/imports/${id}.${format}`;
    await this.#p.storage.put(key, body);
    const head: string[][] = [];
    try {
      for await (const row of readRows(await this.#p.storage.get(key), format)) {
        head.push(row.map((c) => c.normalize('NFC').trim()));
        if (head.length >= 6) break;
      }
    } catch (err) {
      await this.#p.storage.delete(key).catch(() => {});
      throw new AppError('file.invalid', {
        cause: err,
        hint: { vi: 'Không đọc được tệp.', en: 'The file cannot be read.' },
      });
    }
    const headers = head[0] ?? [];
    if (headers.length === 0) {
      await this.#p.storage.delete(key).catch(() => {});
      throw new AppError('file.invalid', { hint: { vi: 'Tệp không có dữ liệu.', en: 'The file is empty.' } });
    }
    await this.#p.db.transaction().execute(async (trx) => {
      await dt(trx)
        .insertInto('diploma_imports')
        .values({
          id,
          status: 'uploaded',
          filename,
          format,
          storage_key: key,
          headers: JSON.stringify(headers),
          sample: JSON.stringify(head.slice(1)),
          issuing_unit_id: issuingUnitId,
          created_by: actor.kind === 'user' ? actor.userId : null,
        })
        .execute();
      await this.#p.audit.record(trx, actor, {
        action: 'diplomas.import.upload',
        entityType: 'diploma_import',
        entityId: id,
        unitId: issuingUnitId,
        after: { filename, format },
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ImportJob> {
    const row = await this.#readable(actor, id);
    return present(row);
  }

  async list(actor: Actor): Promise<ImportJob[]> {
    const scope = await this.#p.access.scope(actor, 'diplomas.manage');
    const rows = await dt(this.#p.db)
      .selectFrom('diploma_imports')
      .selectAll()
      .$if(!scope.all, (q) =>
        q.where(
          'issuing_unit_id',
          'in',
          sql<string>`(SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ANY(${scope.all ? [] : scope.roots}::uuid[]))`,
        ),
      )
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    return rows.map(present);
  }

  /** Sets the mapping and starts validation in the background. */
  async validate(actor: Actor, id: string, body: ImportConfigure): Promise<ImportJob> {
    const row = await this.#readable(actor, id);
    const headers = row.headers as string[];
    const types = await this.#types();
    const missing = missingFields(body);
    const outside = Object.entries(body.mapping).filter(([, i]) => i !== undefined && i >= headers.length);
    const unknownType = body.defaults.typeCode && !types.has(body.defaults.typeCode);
    if (missing.length || outside.length || unknownType)
      throw new AppError('diplomas.mapping_invalid', {
        hint: {
          vi: [
            missing.length ? `Thiếu: ${missing.join(', ')}.` : '',
            outside.length ? 'Có cột không tồn tại.' : '',
            unknownType ? 'Loại văn bằng không có.' : '',
          ]
            .filter(Boolean)
            .join(' '),
          en: [
            missing.length ? `Missing: ${missing.join(', ')}.` : '',
            outside.length ? 'A column does not exist.' : '',
            unknownType ? 'Unknown diploma type.' : '',
          ]
            .filter(Boolean)
            .join(' '),
        },
      });
    const ok = await this.#p.db.transaction().execute(async (trx) => {
      const moved = await repo.updateImport(
        trx,
        id,
        {
          status: 'validating',
          mapping: JSON.stringify(body.mapping),
          defaults: JSON.stringify(body.defaults),
          total_rows: 0,
          processed_rows: 0,
          valid_rows: 0,
          error_rows: 0,
          existing_rows: 0,
          inserted_rows: 0,
          error: null,
        },
        ['uploaded', 'validated', 'failed'],
      );
      if (moved)
        await this.#p.audit.record(trx, actor, {
          action: 'diplomas.import.validate',
          entityType: 'diploma_import',
          entityId: id,
          unitId: row.issuing_unit_id,
          after: { mapping: body.mapping, defaults: body.defaults },
        });
      return moved;
    });
    if (!ok) throw new AppError('diplomas.import_state');
    this.#background(id, () => this.#runValidation(id, body, types));
    return this.get(actor, id);
  }

  /** Writes the validated rows in the background. */
  async run(actor: Actor, id: string): Promise<ImportJob> {
    const row = await this.#readable(actor, id);
    const ok = await repo.updateImport(this.#p.db, id, { status: 'importing', processed_rows: 0 }, ['validated']);
    if (!ok) throw new AppError('diplomas.import_state');
    this.#background(id, () => this.#runCommit(actor, id, row!.issuing_unit_id));
    return this.get(actor, id);
  }

  async report(actor: Actor, id: string, page: number, pageSize: number): Promise<ImportReport> {
    await this.#readable(actor, id);
    const rows = await repo.problemRows(this.#p.db, id, pageSize, (page - 1) * pageSize);
    return {
      items: rows.map((r) => ({ rowNo: r.row_no, problems: r.problems as RowProblem['problems'] })),
      page,
      pageSize,
      total: rows[0]?.total ?? 0,
    };
  }

  /** Resolves when the background work of an import has finished (tests, the benchmark). */
  async settled(id: string): Promise<void> {
    await this.#running.get(id);
  }

  #background(id: string, work: () => Promise<void>): void {
    const done = work()
      .catch(async (err: unknown) => {
        this.#p.log.error({ err, importId: id }, 'diploma import failed');
        await repo
          .updateImport(this.#p.db, id, {
            status: 'failed',
            error: err instanceof Error ? err.message.slice(0, 500) : 'error',
          })
          .catch(() => {});
      })
      .finally(() => this.#running.delete(id));
    this.#running.set(id, done);
  }

  async #runValidation(id: string, cfg: ImportConfigure, types: Map<string, string[]>): Promise<void> {
    const db = this.#p.db;
    const row = (await repo.findImport(db, id))!;
    await repo.clearStaging(db, id);
    const ctx = { mapping: cfg.mapping as ImportMapping, defaults: cfg.defaults, types };
    let batch: StagedRow[] = [];
    let rowNo = 0;
    // One batch is written while the next is read and checked (the database and this process
    // work side by side); a failed write fails the validation at the next flush.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      const upTo = rowNo;
      batch = [];
      await writing;
      writing = repo
        .stageBatch(db, id, rows)
        .then(() => repo.updateImport(db, id, { processed_rows: upTo }))
        .then(() => {});
      writing.catch(() => {}); // handled at the next await
    };
    for await (const cells of readRows(await this.#p.storage.get(row.storage_key), row.format as ListFormat)) {
      rowNo++;
      if (rowNo === 1) continue; // the header
      if (cells.every((c) => c.trim() === '')) continue;
      batch.push(stageRow(rowNo, cells, ctx));
      if (batch.length >= STAGE_BATCH) await flush();
    }
    await flush();
    await writing;
    await repo.markDuplicatesInFile(db, id);
    await repo.classifyAgainstRegistry(db, id, row.issuing_unit_id);
    const c = await repo.stagedCounts(db, id);
    await repo.updateImport(db, id, {
      status: 'validated',
      total_rows: c.total,
      processed_rows: c.total,
      valid_rows: c.valid,
      error_rows: c.errors,
      existing_rows: c.existing,
    });
  }

  async #runCommit(actor: Actor, id: string, unitId: string): Promise<void> {
    const db = this.#p.db;
    const userId = actor.kind === 'user' ? actor.userId : null;
    for (const r of await repo.stagedRegisters(db, id)) {
      const unitName = await this.#org.nameAt(unitId, `${r.year}-12-31`);
      await repo.ensureRegister(db, { typeCode: r.type_code, year: r.year, unitId, unitName, userId });
    }
    const { max_row: maxRow, valid } = await repo.stagedCounts(db, id);
    await repo.updateImport(db, id, { total_rows: valid });
    let inserted = 0;
    let processed = 0;
    for (let from = 1; from <= maxRow; from += COMMIT_CHUNK) {
      const to = from + COMMIT_CHUNK - 1;
      await db.transaction().execute(async (trx) => {
        const n = await repo.commitChunk(trx, id, unitId, from, to, userId);
        inserted += n;
        await this.#p.audit.record(trx, actor, {
          action: 'diplomas.import.write',
          entityType: 'diploma_import',
          entityId: id,
          unitId,
          after: { rows: [from, Math.min(to, maxRow)], inserted: n },
        });
      });
      processed = Math.min(valid, processed + (await countNew(db, id, from, to)));
      await repo.updateImport(db, id, { processed_rows: processed, inserted_rows: inserted });
    }
    await repo.clearStaging(db, id);
    // After a large load, the planner's statistics and the visibility map (the name search reads
    // its index alone, 0026) are brought up to date now rather than when autovacuum comes by.
    if (inserted >= VACUUM_AFTER) await sql`VACUUM (ANALYZE) diploma_entries`.execute(db);
    await repo.updateImport(db, id, { status: 'done', processed_rows: valid, inserted_rows: inserted });
  }

  async #types(): Promise<Map<string, string[]>> {
    return new Map((await listTypes(this.#p.db)).map((t) => [t.code, t.classifications]));
  }

  async #readable(actor: Actor, id: string) {
    await this.#p.access.scope(actor, 'diplomas.manage');
    const row = await repo.findImport(this.#p.db, id);
    if (!row || !(await this.#p.access.can(actor, 'diplomas.manage', { unitId: row.issuing_unit_id })))
      throw new AppError('resource.not_found');
    return row;
  }
}

async function countNew(db: Platform['db'], id: string, from: number, to: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM diploma_import_rows
    WHERE import_id = ${id} AND outcome = 'new' AND row_no BETWEEN ${from} AND ${to}`.execute(db);
  return rows[0]?.n ?? 0;
}

function present(r: NonNullable<repo.ImportRow>): ImportJob {
  const headers = r.headers as string[];
  const stored = r.mapping as ImportMapping | null;
  return {
    id: r.id,
    status: r.status as ImportJob['status'],
    filename: r.filename,
    format: r.format as ImportJob['format'],
    issuingUnitId: r.issuing_unit_id,
    headers,
    sample: r.sample as string[][],
    mapping: stored ?? guessMapping(headers),
    guessed: stored === null,
    defaults: (r.defaults as ImportJob['defaults'] | null) ?? {},
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    validRows: r.valid_rows,
    errorRows: r.error_rows,
    existingRows: r.existing_rows,
    insertedRows: r.inserted_rows,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
