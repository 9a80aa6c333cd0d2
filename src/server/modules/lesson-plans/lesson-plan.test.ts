import { describe, expect, it } from 'vitest';
import { LessonPlan, type LessonPlanActivity } from '../../../shared/lesson-plan.schema.ts';
import { sampleLessonPlan } from './lesson-plan.fixture.ts';
import {
  adaptLessonPlan,
  attributionNote,
  emptyActivity,
  lessonPlanGaps,
  newLessonPlan,
  numberActivities,
} from './lesson-plan.ts';

const header = {
  school: 'Trường THCS Sơn Thượng',
  subject: { code: 'khtn', name: 'Khoa học tự nhiên' },
  grade: 6,
  title: 'Bài 5: Lực ma sát',
  periods: 2,
  teachers: ['Nguyễn Thị Ánh Tuyết'],
};
const SOURCE_ID = '0b9f8e36-5f0e-4a55-8f3e-6f1d2c3b4a59';

describe('LessonPlan schema', () => {
  it('accepts the sample plan and keeps its text NFC and trimmed', () => {
    const input = structuredClone(sampleLessonPlan());
    input.header.teachers = ['  Nguyễn Thị Ánh Tuyết  '.normalize('NFD')];
    const plan = LessonPlan.parse(input);
    expect(plan.header.teachers).toEqual(['Nguyễn Thị Ánh Tuyết']);
    expect(plan.header.teachers[0]).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
  });

  it('rejects a plan without activities, a bad subject code, a duplicated resource or an overlong title', () => {
    const plan = sampleLessonPlan();
    const fails = (patch: (p: LessonPlan) => void) => {
      const copy = structuredClone(plan);
      patch(copy);
      return LessonPlan.safeParse(copy).success === false;
    };
    expect(fails((p) => (p.activities = []))).toBe(true);
    expect(fails((p) => (p.header.subject.code = 'Khoa học'))).toBe(true);
    expect(fails((p) => (p.resourceIds = [SOURCE_ID, SOURCE_ID]))).toBe(true);
    expect(fails((p) => (p.header.title = 'x'.repeat(301)))).toBe(true);
    expect(fails((p) => (p.header.teachers = []))).toBe(true);
    expect(fails((p) => (p.header.periods = 0))).toBe(true);
  });

  it('explains a duplicated resource in Vietnamese and English', () => {
    const copy = { ...sampleLessonPlan(), resourceIds: [SOURCE_ID, SOURCE_ID] };
    const r = LessonPlan.safeParse(copy);
    expect(r.error?.issues[0]?.message).toBe('học liệu bị trùng / a resource is listed twice');
  });
});

describe('newLessonPlan', () => {
  it('fills the four activities of the CV 5512 frame with empty a)–d)', () => {
    const plan = newLessonPlan(header);
    expect(plan.activities.map((a) => a.name)).toEqual([
      'Xác định vấn đề/nhiệm vụ học tập/Mở đầu',
      'Hình thành kiến thức mới',
      'Luyện tập',
      'Vận dụng',
    ]);
    expect(plan.activities.every((a) => a.objective === '' && a.organisation.conclude === '')).toBe(true);
    expect(plan.objectives.competences.general).toEqual({ selfStudy: [], communication: [], problemSolving: [] });
    expect(plan).toMatchObject({ resourceIds: [], attribution: null, header: { series: null, department: null } });
  });

  it('refuses an invalid header', () => {
    expect(() => newLessonPlan({ ...header, grade: 13 })).toThrow();
    expect(() => newLessonPlan({ ...header, title: ' ' })).toThrow();
  });
});

describe('adaptLessonPlan', () => {
  it('copies the content, replaces the authors and credits the source', () => {
    const source = sampleLessonPlan();
    const plan = adaptLessonPlan({ id: SOURCE_ID, plan: source }, { name: 'Y Bhăm Êban', school: 'Trường THCS Ba Tơ' });
    expect(plan.header.teachers).toEqual(['Y Bhăm Êban']);
    expect(plan.header.school).toBe('Trường THCS Ba Tơ');
    expect(plan.header.department).toBe(source.header.department);
    expect(plan.attribution).toEqual({
      adaptedFrom: { planId: SOURCE_ID, title: 'Bài 5: Lực ma sát', authors: ['Nguyễn Thị Ánh Tuyết', 'Hồ Văn Ửng'] },
    });
    expect(plan.activities).toEqual(source.activities);
    expect(plan.resourceIds).toEqual(source.resourceIds);
    expect(attributionNote(plan)).toBe(
      'Phỏng theo kế hoạch bài dạy “Bài 5: Lực ma sát” của Nguyễn Thị Ánh Tuyết, Hồ Văn Ửng',
    );
  });

  it('leaves the source untouched and gives an independent copy', () => {
    const source = sampleLessonPlan();
    const before = structuredClone(source);
    const plan = adaptLessonPlan({ id: SOURCE_ID, plan: source }, { name: 'Y Bhăm Êban' });
    plan.activities[0]!.content = 'đã sửa';
    plan.objectives.knowledge.push('thêm');
    expect(source).toEqual(before);
    expect(plan.header.school).toBe(source.header.school);
  });

  it('credits the plan copied from, not the one it was itself adapted from', () => {
    const first = adaptLessonPlan({ id: SOURCE_ID, plan: sampleLessonPlan() }, { name: 'Y Bhăm Êban' });
    const otherId = '7c1e4b9a-2d3f-4e5a-9b6c-7d8e9f0a1b2c';
    const second = adaptLessonPlan({ id: otherId, plan: first }, { name: 'Đinh Thị Hơ Nhí' });
    expect(second.attribution?.adaptedFrom).toEqual({
      planId: otherId,
      title: 'Bài 5: Lực ma sát',
      authors: ['Y Bhăm Êban'],
    });
  });

  it('gives no note for an original plan', () => {
    expect(attributionNote(sampleLessonPlan())).toBeNull();
  });
});

describe('numberActivities', () => {
  const named = (stage: LessonPlanActivity['stage'], name: string) => ({ ...emptyActivity(stage), name });

  it('numbers one activity per stage 1 to 4', () => {
    const out = numberActivities(newLessonPlan(header).activities);
    expect(out.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(out.every((a) => a.stageHeading === null)).toBe(true);
  });

  it('sub-numbers the activities of a stage that holds several, with the stage heading once', () => {
    const out = numberActivities([
      named('opening', 'Mở đầu'),
      named('newKnowledge', 'Ma sát trượt'),
      named('newKnowledge', 'Ma sát nghỉ'),
      named('practice', 'Luyện tập'),
    ]);
    expect(out.map((a) => a.number)).toEqual(['1', '2.1', '2.2', '3']);
    expect(out[1]!.stageHeading).toEqual({ number: '2', title: 'Hình thành kiến thức mới' });
    expect(out[2]!.stageHeading).toBeNull();
  });
});

describe('lessonPlanGaps', () => {
  it('lists everything the frame asks for in a new plan, and nothing in the complete sample', () => {
    const gaps = lessonPlanGaps(newLessonPlan(header));
    expect(gaps).toContain('objectives.knowledge');
    expect(gaps).toContain('objectives.competences.general');
    expect(gaps).toContain('materials');
    expect(gaps).toContain('activities.3.organisation.conclude');
    expect(gaps).toHaveLength(4 + 4 * 7);
    expect(lessonPlanGaps(sampleLessonPlan())).toEqual([]);
  });
});
