import { describe, expect, it } from 'vitest';
import { sampleLessonPlan } from '../../../server/modules/lesson-plans/lesson-plan.fixture.ts';
import { numberActivities } from '../../../server/modules/lesson-plans/lesson-plan.ts';
import { activityNumbers, fieldId, fieldOfErrorPath, moved, newActivity, planToSave } from './plan-edit.ts';

describe('editor helpers', () => {
  it('numbers activities as the exports do', () => {
    const sample = sampleLessonPlan();
    expect(activityNumbers(sample.activities)).toEqual(numberActivities(sample.activities).map((n) => n.number));
    expect(activityNumbers(sample.activities)).toEqual(['1', '2.1', '2.2', '3', '4']);
    const split = [newActivity('opening'), newActivity('practice'), newActivity('opening')];
    expect(activityNumbers(split)).toEqual(['1', '2', '3']);
  });

  it('maps the server’s error paths to the ids of the fields', () => {
    expect(fieldId('activities.0.organisation.assign')).toBe('lp-activities-0-organisation-assign');
    expect(fieldOfErrorPath('body.content.objectives.knowledge.2')).toBe('lp-objectives-knowledge-2');
    expect(fieldOfErrorPath('body.expectedVersion')).toBeNull();
  });

  it('drops blank lines before saving and keeps the rest as typed', () => {
    const plan = sampleLessonPlan();
    plan.objectives.knowledge = ['  Nêu được lực ma sát. ', '', '   '];
    plan.header.teachers = ['Lê Thị Mỹ Duyên', ' '];
    const saved = planToSave(plan);
    expect(saved.objectives.knowledge).toEqual(['Nêu được lực ma sát.']);
    expect(saved.header.teachers).toEqual(['Lê Thị Mỹ Duyên']);
    expect(saved.activities[1]!.product).toBe(plan.activities[1]!.product);
  });

  it('moves an item and leaves the list alone at its ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
