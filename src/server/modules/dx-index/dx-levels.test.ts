import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DxCriteriaSet, dxLevelOf, dxScore } from '../../../shared/dx-index.schema.ts';
import { QD_4725_2022 } from './criteria/qd-4725-2022.ts';

describe('dxLevelOf (QĐ 4725: Mức 1 < 50, Mức 2 50–75, Mức 3 > 75)', () => {
  it('puts 49 at Mức 1, 50 at Mức 2, 75 at Mức 2 and 76 at Mức 3', () => {
    expect(dxLevelOf(49, true, 'cap_level_1')).toBe(1);
    expect(dxLevelOf(50, true, 'cap_level_1')).toBe(2);
    expect(dxLevelOf(75, true, 'cap_level_1')).toBe(2);
    expect(dxLevelOf(76, true, 'cap_level_1')).toBe(3);
  });

  it('puts 0 at Mức 1, 100 at Mức 3 and half points on the right side of 50 and 75', () => {
    expect(dxLevelOf(0, true, 'none')).toBe(1);
    expect(dxLevelOf(49.5, true, 'none')).toBe(1);
    expect(dxLevelOf(75.5, true, 'none')).toBe(3);
    expect(dxLevelOf(100, true, 'none')).toBe(3);
  });

  it('keeps a group with an unmet mandatory condition at Mức 1 under cap_level_1, not under none', () => {
    expect(dxLevelOf(90, false, 'cap_level_1')).toBe(1);
    expect(dxLevelOf(60, false, 'cap_level_1')).toBe(1);
    expect(dxLevelOf(90, false, 'none')).toBe(3);
  });
});

describe('the QĐ 4725 criteria set', () => {
  it('is valid and each group is out of 100 points', () => {
    const s = DxCriteriaSet.parse(QD_4725_2022);
    for (const g of s.definition.groups) {
      const max = g.criteria.reduce(
        (a, c) => a + (c.kind === 'options' ? Math.max(...c.options.map((o) => o.points)) : c.maxPoints),
        0,
      );
      expect(max, g.code).toBe(100);
      expect(g.maxPoints).toBe(100);
    }
  });

  it('has the two confirmed mandatory conditions of the teaching group', () => {
    const t = QD_4725_2022.definition.groups.find((g) => g.code === 'teaching')!;
    const mandatory = t.criteria.filter((c) => c.kind === 'mandatory');
    expect(mandatory.map((c) => c.code)).toEqual(['DH1', 'DH2']);
    expect(mandatory.every((c) => !c.unconfirmed)).toBe(true);
  });

  it('scores exactly 49, 50, 75 and 76 into the right levels through the criteria', () => {
    // DH3 6 + DH4 points + tiers: choose DH4 points to land on the thresholds.
    const mk = (dh4: number) =>
      new Map([
        ['DH1', { option: 'met', points: null }],
        ['DH2', { option: 'met', points: null }],
        ['DH3', { option: 'yes', points: null }],
        ['DH5', { option: 'p70', points: null }],
        ['DH6', { option: 'p70', points: null }],
        ['DH4', { option: null, points: dh4 }],
      ]);
    // 6 + 15 + 15 = 36 without DH4.
    expect(dxScore(QD_4725_2022, mk(13)).teaching).toEqual({ total: 49, mandatoryMet: true, level: 1 });
    expect(dxScore(QD_4725_2022, mk(14)).teaching).toEqual({ total: 50, mandatoryMet: true, level: 2 });
    const more = mk(14);
    more.set('DH7', { option: 'p70', points: null });
    more.set('DH8', { option: 'most', points: null });
    expect(dxScore(QD_4725_2022, more).teaching.total).toBe(75);
    expect(dxScore(QD_4725_2022, more).teaching.level).toBe(2);
    more.set('DH10', { option: 'p30', points: null }); // +4
    expect(dxScore(QD_4725_2022, more).teaching).toEqual({ total: 79, mandatoryMet: true, level: 3 });
    more.set('DH2', { option: 'not_met', points: null });
    expect(dxScore(QD_4725_2022, more).teaching).toEqual({ total: 79, mandatoryMet: false, level: 1 });
  });

  it('is what migration 0036 loads', () => {
    const sql = fs.readFileSync(new URL('../../migrations/0036_dx_criteria_4725.sql', import.meta.url), 'utf8');
    const json = /\$json\$([\s\S]*)\$json\$/.exec(sql)![1]!;
    expect(JSON.parse(json)).toEqual(QD_4725_2022.definition);
    expect(sql).toContain(`'${QD_4725_2022.code}'`);
    expect(sql).toContain(`'${QD_4725_2022.mandatoryRule}'`);
  });
});
