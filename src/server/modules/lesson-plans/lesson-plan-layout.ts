import {
  GENERAL_COMPETENCE_LABELS,
  GENERAL_COMPETENCES,
  type LessonPlan,
  type LessonPlanActivity,
} from '../../../shared/lesson-plan.schema.ts';
import { attributionNote, numberActivities } from './lesson-plan.ts';

/**
 * What an exported lesson plan says, in order, independent of the file format: the headings
 * and wording of Phụ lục IV, CV 5512/BGDĐT-GDTrH. The .docx and PDF writers only lay it out.
 */

/** `indent` is a level (0, 1), turned into twips or points by the writer. */
export type LessonPlanSection =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'labelled'; label: string; text: string; indent?: number }
  | { kind: 'item'; text: string; indent?: number }
  | { kind: 'steps'; organisation: LessonPlanActivity['organisation'] };

export interface LessonPlanLayout {
  /** The two columns above the title: school and department; the teachers. */
  header: { left: string[]; right: string[]; centre: string[]; note: string | null };
  sections: LessonPlanSection[];
}

export interface AttachedResource {
  id: string;
  title: string;
  url?: string | null;
}

export interface LessonPlanExportOptions {
  /** The attached library resources the reader may see, resolved by the caller (titles, links). */
  resources?: readonly AttachedResource[];
}

const PLACEHOLDER = '…';

function items(list: readonly string[], indent = 1): LessonPlanSection[] {
  if (list.length === 0) return [{ kind: 'item', text: PLACEHOLDER, indent }];
  return list.map((text) => ({ kind: 'item', text, indent }));
}

function activity(a: LessonPlanActivity, number: string, level: 2 | 3): LessonPlanSection[] {
  const time = a.minutes ? ` (${a.minutes} phút)` : '';
  return [
    { kind: 'heading', level, text: `Hoạt động ${number}: ${a.name}${time}` },
    { kind: 'labelled', label: 'a) Mục tiêu:', text: a.objective || PLACEHOLDER },
    { kind: 'labelled', label: 'b) Nội dung:', text: a.content || PLACEHOLDER },
    { kind: 'labelled', label: 'c) Sản phẩm:', text: a.product || PLACEHOLDER },
    { kind: 'labelled', label: 'd) Tổ chức thực hiện:', text: '' },
    { kind: 'steps', organisation: a.organisation },
  ];
}

/**
 * The plan as sections. `resources` are the attached library resources the reader may see,
 * resolved by the caller (ids it does not list are left out), printed under II in plan order.
 */
export function lessonPlanSections(plan: LessonPlan, resources: readonly AttachedResource[] = []): LessonPlanLayout {
  const h = plan.header;
  const note = attributionNote(plan);
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const header = {
    left: [upper(h.school), ...(h.department ? [upper(h.department)] : [])],
    right: ['Họ và tên giáo viên:', ...h.teachers],
    centre: [
      `TÊN BÀI DẠY: ${h.title}`,
      `Môn học: ${h.subject.name}; lớp: ${h.grade}`,
      `Thời gian thực hiện: ${h.periods} tiết`,
      ...(h.series ? [`Bộ sách: ${h.series.name}`] : []),
      ...(note ? [`(${note})`] : []),
    ],
    note: note ? `(${note})` : null,
  };

  const { knowledge, competences, qualities } = plan.objectives;
  const byId = new Map(resources.map((r) => [r.id, r]));
  const attached = plan.resourceIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r.url ? `${r.title} (${r.url})` : r.title] : [];
  });

  const sections: LessonPlanSection[] = [
    { kind: 'heading', level: 1, text: 'I. MỤC TIÊU' },
    { kind: 'heading', level: 2, text: '1. Về kiến thức' },
    ...items(knowledge),
    { kind: 'heading', level: 2, text: '2. Về năng lực' },
    { kind: 'heading', level: 3, text: 'a) Năng lực chung' },
    ...GENERAL_COMPETENCES.map(
      (c): LessonPlanSection => ({
        kind: 'labelled',
        label: `- ${GENERAL_COMPETENCE_LABELS[c]}:`,
        text: competences.general[c].join('\n') || PLACEHOLDER,
        indent: 1,
      }),
    ),
    { kind: 'heading', level: 3, text: `b) Năng lực đặc thù (${h.subject.name})` },
    ...items(competences.specific),
    { kind: 'heading', level: 2, text: '3. Về phẩm chất' },
    ...items(qualities),
    { kind: 'heading', level: 1, text: 'II. THIẾT BỊ DẠY HỌC VÀ HỌC LIỆU' },
    { kind: 'heading', level: 2, text: '1. Giáo viên' },
    ...items(plan.materials.teacher),
    { kind: 'heading', level: 2, text: '2. Học sinh' },
    ...items(plan.materials.students),
    ...(attached.length > 0
      ? [{ kind: 'heading', level: 2, text: '3. Học liệu số đính kèm' } as const, ...items(attached)]
      : []),
    { kind: 'heading', level: 1, text: 'III. TIẾN TRÌNH DẠY HỌC' },
  ];
  for (const n of numberActivities(plan.activities)) {
    if (n.stageHeading)
      sections.push({ kind: 'heading', level: 2, text: `Hoạt động ${n.stageHeading.number}: ${n.stageHeading.title}` });
    const nested = n.number.includes('.');
    sections.push(...activity(n.activity, n.number, nested ? 3 : 2));
  }
  return { header, sections };
}
