import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../data/dataset.ts';
import { buildDemoResidents } from '../residents/generate.ts';
import { planDemoAdmissions } from './plan.ts';
import { DEMO_ROUNDS } from './rounds-config.ts';

const now = new Date('2026-11-24T03:00:00Z');
const dataset = buildDemoDataset();
const residents = buildDemoResidents();
const plans = planDemoAdmissions(DEMO_ROUNDS, dataset, residents, now);

describe('planDemoAdmissions', () => {
  it('is deterministic for a load time', () => {
    expect(planDemoAdmissions(DEMO_ROUNDS, dataset, residents, now)).toEqual(plans);
  });

  it('never files two applications for one child in a round', () => {
    for (const p of plans) {
      const ids = p.applications.map((a) => a.personalId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('uses only the round’s schools, synthetic contacts, and times inside registration and before now', () => {
    for (const p of plans) {
      const schools = new Set(p.config.schools.map((s) => s.key));
      for (const a of p.applications) {
        expect(a.wishes.every((w) => schools.has(w))).toBe(true);
        expect(new Set(a.wishes).size).toBe(a.wishes.length);
        expect(a.contact.address).toMatch(/^(phuhuynh\+\d+@example\.invalid|\+84900\d{5})$/);
        expect(a.receivedAt.getTime()).toBeLessThan(now.getTime());
        for (const s of a.steps) expect(s.at.getTime()).toBeGreaterThanOrEqual(a.receivedAt.getTime());
        for (const s of a.steps) expect(s.at.getTime()).toBeLessThan(now.getTime());
      }
    }
  });

  it('has mixed states, one withdrawal per round, and one over-subscribed school', () => {
    const tinhKhe = plans.find((p) => p.config.code === 'DEMO-TS1-TINHKHE')!;
    const last = tinhKhe.applications.map((a) => a.steps.at(-1)?.action ?? 'submitted');
    expect(new Set(last).size).toBeGreaterThanOrEqual(4);
    for (const p of plans) expect(p.applications.filter((a) => a.steps.at(-1)?.action === 'withdraw')).toHaveLength(1);
    const school = 'truong-tieu-hoc-so-1-tinh-khe';
    const first = tinhKhe.applications.filter((a) => a.wishes[0] === school && a.steps.at(-1)?.action !== 'withdraw');
    expect(tinhKhe.pupilsPerClass.get(school)).toBe(first.length - 2);
  });
});
