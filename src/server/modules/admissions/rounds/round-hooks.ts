/**
 * What round configuration needs from modules that come later (applications, allocation).
 * The admissions module passes `pendingHooks` until those modules exist; the lead wires the real
 * ones in admissions.module.ts.
 */
export interface RoundHooks {
  /**
   * The fewest seats each school of a round may be given: seats are never cut below the
   * applicants a school already holds (admitted or confirmed). Schools absent: no floor.
   * TODO(applications): count from the applications module.
   */
  seatFloor(roundId: string): Promise<ReadonlyMap<string, number>>;
  /**
   * Why the round's results cannot be published yet (e.g. no final allocation run), or null.
   * TODO(allocation): require a final run whose input hash was shown before it ran.
   */
  publishBlocker(roundId: string): Promise<{ vi: string; en: string } | null>;
}

export const pendingHooks: RoundHooks = {
  seatFloor: async () => new Map(),
  publishBlocker: async () => null,
};
