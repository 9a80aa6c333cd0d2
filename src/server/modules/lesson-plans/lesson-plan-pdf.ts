import { type LessonPlan, ORGANISATION_STEP_LABELS, ORGANISATION_STEPS } from '../../../shared/lesson-plan.schema.ts';
import { type PdfBlock, type PdfSpec, renderPdf } from '../../platform/pdf/pdf-writer.ts';
import { type LessonPlanExportOptions, type LessonPlanSection, lessonPlanSections } from './lesson-plan-layout.ts';

/**
 * A lesson plan as PDF through the platform's writer (Be Vietnam Pro embedded, so every
 * Vietnamese letter prints and copies back as itself). Same content and order as the .docx
 * (lesson-plan-layout.ts); d) Tổ chức thực hiện is a two-column table of the four steps.
 */

/** Points per indent level. */
const INDENT = 14;

function block(s: LessonPlanSection): PdfBlock {
  switch (s.kind) {
    case 'heading':
      return { kind: 'heading', level: s.level, text: s.text };
    case 'labelled':
      return { kind: 'paragraph', lead: s.label, text: s.text, indent: (s.indent ?? 0) * INDENT };
    case 'item':
      return { kind: 'paragraph', text: `- ${s.text}`, indent: (s.indent ?? 0) * INDENT };
    case 'steps':
      return {
        kind: 'table',
        columns: [
          { header: 'Bước', width: 3 },
          { header: 'Hoạt động của giáo viên và học sinh', width: 7 },
        ],
        rows: ORGANISATION_STEPS.map((step, i) => [
          { text: `Bước ${i + 1}: ${ORGANISATION_STEP_LABELS[step]}`, bold: true },
          s.organisation[step] || '…',
        ]),
      };
  }
}

/** The PDF description of a plan (pure; `renderLessonPlanPdf` renders it). */
export function lessonPlanPdfSpec(
  plan: LessonPlan,
  options: LessonPlanExportOptions & { createdAt?: Date } = {},
): PdfSpec {
  const { header, sections } = lessonPlanSections(plan, options.resources ?? []);
  const h = plan.header;
  return {
    title: `Kế hoạch bài dạy: ${h.title}`,
    subject: `${h.subject.name} ${h.grade}`,
    author: h.teachers.join(', '),
    createdAt: options.createdAt,
    header: {
      left: header.left.map((text) => ({ text, bold: true })),
      right: header.right.map((text, i) => ({ text, bold: i > 0 })),
    },
    blocks: [
      { kind: 'title', text: 'KẾ HOẠCH BÀI DẠY' },
      ...header.centre.map(
        (text, i): PdfBlock => ({ kind: 'paragraph', text, align: 'center', bold: i === 0, size: i === 0 ? 12 : 11 }),
      ),
      { kind: 'space', height: 6 },
      ...sections.map(block),
    ],
    footer: `Kế hoạch bài dạy “${h.title}” – ${h.subject.name} ${h.grade}`,
  };
}

/** The PDF bytes of a plan. */
export function renderLessonPlanPdf(
  plan: LessonPlan,
  options: LessonPlanExportOptions & { createdAt?: Date } = {},
): Promise<Uint8Array> {
  return renderPdf(lessonPlanPdfSpec(plan, options));
}
