import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { type InputContext, type ReadMemo, resolveInput, resolveReportByChild, shared } from './kpi-inputs.ts';
import type { SteeringSources } from './steering-sources.ts';

/** Read models that count their calls (no database: the inputs only pass `db` through). */
function fakeSources() {
  const calls = { aggregate: 0, dxLevels: 0, lateTasks: 0 };
  let failNext = false;
  const sources: SteeringSources = {
    reports: {
      completeness: async () => ({ expected: 0, submitted: 0, onTime: 0, approved: 0, byChild: [] }),
      aggregate: async () => {
        calls.aggregate++;
        if (failNext) {
          failNext = false;
          throw new Error('read model down');
        }
        return { value: 42, count: 7, byChild: [{ unitId: 'c1', value: 40, count: 6 }] };
      },
      onTimeShare: async () => ({ expected: 0, onTime: 0 }),
    },
    dx: {
      dxLevels: async (_db, o) => {
        calls.dxLevels++;
        return {
          schools: 10,
          assessed: o.publishedOnly ? 4 : 8,
          recognised: 4,
          byLevel: { teaching: { 1: 0, 2: 0, 3: 0 }, governance: { 1: 1, 2: 1, 3: 2 } },
          byCommune: [],
        };
      },
    },
    plans: {
      lateTasks: async () => {
        calls.lateTasks++;
        return { total: 5, open: 3, late: 2, byUnit: [] };
      },
    },
    directives: null,
  };
  return { sources, calls, failOnce: () => (failNext = true) };
}

const ctx = (sources: SteeringSources, memo?: ReadMemo): InputContext => ({
  db: {} as Db,
  year: 2026,
  rootUnitId: 'u1',
  unitId: 'u1',
  reportPeriod: '{year}',
  sources,
  memo,
});

describe('inputs shared within one request', () => {
  it('reads a report field once for its value, its count and its per-child figures', async () => {
    const { sources, calls } = fakeSources();
    const c = ctx(sources, new Map());
    expect(await resolveInput('report:KS-CDS.uses_school_software', c)).toEqual({ value: 42, available: true });
    expect(await resolveInput('report_count:KS-CDS.uses_school_software', c)).toEqual({ value: 7, available: true });
    const byChild = await resolveReportByChild('report:KS-CDS.uses_school_software', c);
    expect(byChild?.get('c1')).toEqual({ value: 40, available: true });
    expect(calls.aggregate).toBe(1);
  });

  it('reads again without a memo (each request starts afresh)', async () => {
    const { sources, calls } = fakeSources();
    await resolveInput('report:KS-CDS.uses_school_software', ctx(sources));
    await resolveInput('report:KS-CDS.uses_school_software', ctx(sources));
    await resolveInput('report:KS-CDS.uses_school_software', ctx(sources, new Map()));
    expect(calls.aggregate).toBe(3);
  });

  it('shares a platform figure between indicators but keeps different questions apart', async () => {
    const { sources, calls } = fakeSources();
    const c = ctx(sources, new Map());
    const [a, b, d] = await Promise.all([
      resolveInput('platform:dx.assessed_share', c),
      resolveInput('platform:dx.assessed_share', c),
      resolveInput('platform:dx.level3_share', c),
    ]);
    expect(a).toEqual({ value: 80, available: true });
    expect(b).toEqual(a);
    expect(d).toEqual({ value: 20, available: true });
    // assessed (all assessments) and level 3 (recognised only) are two questions: two reads.
    expect(calls.dxLevels).toBe(2);
    await Promise.all([resolveInput('platform:plans.late_tasks', c), resolveInput('platform:plans.late_tasks', c)]);
    expect(calls.lateTasks).toBe(1);
  });

  it('does not keep a failed read: the input is unavailable, the next reader tries again', async () => {
    const { sources, calls, failOnce } = fakeSources();
    const c = ctx(sources, new Map());
    failOnce();
    expect(await resolveInput('report:F.x', c)).toEqual({ value: null, available: false });
    expect(await resolveInput('report:F.x', c)).toEqual({ value: 42, available: true });
    expect(calls.aggregate).toBe(2);
  });

  it('shared() runs each key once and every caller gets the same answer', async () => {
    const memo: ReadMemo = new Map();
    let n = 0;
    const f = async () => ++n;
    expect(await Promise.all([shared(memo, 'k', f), shared(memo, 'k', f), shared(memo, 'j', f)])).toEqual([1, 1, 2]);
    expect(await shared(undefined, 'k', f)).toBe(3);
  });
});
