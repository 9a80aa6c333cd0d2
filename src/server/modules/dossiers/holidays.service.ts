import type { z } from 'zod';
import type { Holiday, HolidayUpsert } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { HolidayCalendar } from '../../platform/calendar/holiday-calendar.ts';
import * as repo from '../../platform/calendar/holidays.repository.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';

const present = (r: repo.HolidayRow): z.infer<typeof Holiday> => ({
  day: r.day,
  name: { vi: r.name_vi, en: r.name_en },
  kind: r.kind,
});

/**
 * The public-holiday calendar as staff data: the Government announces each year's days off,
 * swaps and make-up Saturdays, and someone with `dossiers.configure` over the province enters
 * them. A change applies to deadlines computed from then on; received dossiers keep theirs.
 */
export class HolidaysService {
  readonly #p: Platform;
  readonly #calendar: HolidayCalendar;

  constructor(platform: Platform, calendar: HolidayCalendar) {
    this.#p = platform;
    this.#calendar = calendar;
  }

  async list(actor: Actor, year: number): Promise<z.infer<typeof Holiday>[]> {
    if (!(await this.#p.access.can(actor, 'dossiers.configure'))) await this.#p.access.require(actor, 'dossiers.read');
    return (await repo.listHolidaysOfYear(this.#p.db, year)).map(present);
  }

  async set(actor: Actor, day: string, input: z.output<typeof HolidayUpsert>): Promise<z.infer<typeof Holiday>> {
    await this.#requireConfigurer(actor);
    const row: repo.HolidayRow = { day, name_vi: input.nameVi, name_en: input.nameEn, kind: input.kind };
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await repo.findHoliday(trx, day);
      await repo.upsertHoliday(trx, row);
      await this.#p.audit.record(trx, actor, {
        action: 'dossiers.holiday.set',
        entityType: 'public_holiday',
        entityId: day,
        before: before ? present(before) : null,
        after: present(row),
      });
    });
    this.#calendar.invalidate();
    return present(row);
  }

  async remove(actor: Actor, day: string): Promise<void> {
    await this.#requireConfigurer(actor);
    await this.#p.db.transaction().execute(async (trx) => {
      const before = found(await repo.findHoliday(trx, day));
      await repo.deleteHoliday(trx, day);
      await this.#p.audit.record(trx, actor, {
        action: 'dossiers.holiday.delete',
        entityType: 'public_holiday',
        entityId: day,
        before: present(before),
      });
    });
    this.#calendar.invalidate();
  }

  async #requireConfigurer(actor: Actor): Promise<void> {
    const scope = await this.#p.access.scope(actor, 'dossiers.configure');
    if (!scope.all) throw new AppError('access.denied');
  }
}
