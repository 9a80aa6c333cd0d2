import type { Fonds, FondsInput, FondsUpdate } from '../../../shared/archive.schema.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { presentFonds } from './archive.presenter.ts';
import * as repo from './files.repository.ts';

const isUnique = (err: unknown) => (err as { code?: string }).code === '23505';
const problem = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: `${vi} / ${en}` });

/**
 * Fonds (phông lưu trữ, Luật Lưu trữ 2024 art. 2): all the records of one creating body. An
 * archivist of the fonds' unit creates it and later renames it, describes it, or closes it with
 * an end year when the body ends (the former Sở GDĐT Kon Tum in 2025). The identifier, the unit
 * and the start year never change: every file code and date check depends on them.
 */
export class FondsService {
  readonly #p: Platform;
  readonly #org: OrgService;

  constructor(p: Platform) {
    this.#p = p;
    this.#org = new OrgService(p);
  }

  async list(): Promise<Fonds[]> {
    return (await repo.listFonds(this.#p.db)).map(presentFonds);
  }

  async create(actor: Actor, input: FondsInput): Promise<Fonds> {
    await this.#p.access.require(actor, 'archive.manage', { unitId: input.unitId });
    if (input.endYear !== null && input.endYear < input.startYear)
      throw new AppError('archive.invalid_metadata', {
        details: [problem('body.endYear', 'năm kết thúc trước năm bắt đầu', 'the end year precedes the start year')],
      });
    const unitName = await this.#unitNameAt(input.unitId, `${input.endYear ?? input.startYear}-01-01`, null);
    try {
      return await this.#p.db.transaction().execute(async (trx) => {
        const { id } = await repo.insertFonds(trx, {
          org_identifier: input.orgIdentifier,
          name: input.name,
          unit_id: input.unitId,
          unit_name: unitName,
          start_year: input.startYear,
          end_year: input.endYear,
          description: input.description || null,
        });
        await this.#p.audit.record(trx, actor, {
          action: 'archive.fonds.create',
          entityType: 'archive_fonds',
          entityId: id,
          unitId: input.unitId,
          after: { ...input },
        });
        return presentFonds({ ...(await repo.findFonds(trx, id))!, file_count: '0' });
      });
    } catch (err) {
      if (isUnique(err)) throw new AppError('archive.code_taken');
      throw err;
    }
  }

  /**
   * Changes the name, end year or description of a fonds read at `version` (resource.stale when
   * someone saved meanwhile). A fonds cannot close before the last year of its files: their
   * dates must stay within the fonds' (Thông tư 05/2025/TT-BNV file rules, file-rules.ts).
   */
  async update(actor: Actor, id: string, input: FondsUpdate): Promise<Fonds> {
    const fonds = await repo.findFonds(this.#p.db, id);
    if (!fonds) throw new AppError('resource.not_found');
    await this.#p.access.require(actor, 'archive.manage', { unitId: fonds.unit_id });
    const problems: ErrorDetail[] = [];
    if (input.endYear !== null && input.endYear < fonds.start_year)
      problems.push(
        problem(
          'body.endYear',
          `năm kết thúc trước năm bắt đầu (${fonds.start_year})`,
          `the end year precedes the start year (${fonds.start_year})`,
        ),
      );
    // One message per field: the file check only once the year is past the start.
    const lastYear = input.endYear === null || problems.length ? null : await repo.lastFileYear(this.#p.db, id);
    if (input.endYear !== null && lastYear !== null && input.endYear < lastYear)
      problems.push(
        problem(
          'body.endYear',
          `phông còn hồ sơ đến năm ${lastYear}: năm kết thúc không được trước năm đó`,
          `the fonds holds files up to ${lastYear}: it cannot end before that year`,
        ),
      );
    if (problems.length) throw new AppError('archive.invalid_metadata', { details: problems });
    // The unit is named as it was in the fonds' last year (as at creation).
    const unitName =
      input.endYear === fonds.end_year
        ? fonds.unit_name
        : await this.#unitNameAt(fonds.unit_id, `${input.endYear ?? fonds.start_year}-01-01`, fonds.unit_name);
    const set = {
      name: input.name,
      end_year: input.endYear,
      description: input.description || null,
      unit_name: unitName,
    };
    const before = {
      name: fonds.name,
      end_year: fonds.end_year,
      description: fonds.description,
      unit_name: fonds.unit_name,
    };
    return this.#p.db.transaction().execute(async (trx) => {
      if (!(await repo.updateFonds(trx, id, input.version, set))) throw new AppError('resource.stale');
      await this.#p.audit.record(trx, actor, {
        action: 'archive.fonds.update',
        entityType: 'archive_fonds',
        entityId: id,
        unitId: fonds.unit_id,
        before,
        after: set,
      });
      const row = (await repo.listFonds(trx)).find((f) => f.id === id)!;
      return presentFonds(row);
    });
  }

  async #unitNameAt(unitId: string, day: string, fallback: string | null): Promise<string> {
    try {
      return await this.#org.nameAt(unitId, day);
    } catch {
      if (fallback !== null) return fallback;
      throw new AppError('archive.invalid_metadata', {
        details: [problem('body.unitId', 'không có đơn vị này', 'no such unit')],
      });
    }
  }
}
