import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type LessonPlan, ORGANISATION_STEP_LABELS, ORGANISATION_STEPS } from '../../../shared/lesson-plan.schema.ts';
import { type LessonPlanExportOptions, type LessonPlanSection, lessonPlanSections } from './lesson-plan-layout.ts';

/**
 * A lesson plan as a Word document (.docx) in the usual layout of Vietnamese schools: A4,
 * margins of Nghị định 30/2020/NĐ-CP (top and bottom 2 cm, left 3 cm, right 1.5 cm), Times New
 * Roman 13 pt (Word and LibreOffice have it; every Vietnamese letter is a precomposed glyph),
 * "KẾ HOẠCH BÀI DẠY", bold Roman numerals, the activities with a)–d) and the four steps of
 * d) in a table. The content comes from lesson-plan-layout.ts, shared with the PDF.
 */

const FONT = 'Times New Roman';
/** Half-points. */
const BODY = 26;
const mm = (n: number) => Math.round(n * 56.7);
/** A4 with the margins of Nghị định 30/2020/NĐ-CP, in twips. */
const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** One indent level, in twips (0.5 cm). */
const INDENT = 284;
const TABLE_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ ...opts, text: text.normalize('NFC'), font: FONT, size: opts.size ?? BODY });

const para = (
  runs: TextRun[],
  opts: { align?: 'left' | 'center' | 'justify'; indent?: number; before?: number; keepNext?: boolean } = {},
) =>
  new Paragraph({
    children: runs,
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'left'
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    spacing: { before: opts.before ?? 40, after: 40, line: 288 },
    indent: opts.indent ? { left: opts.indent } : undefined,
    keepNext: opts.keepNext,
  });

/** A paragraph per line of the text (line breaks typed by the teacher are kept). */
const lines = (text: string) => text.split(/\r?\n/).map((l) => para([run(l)]));

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

const cell = (children: Paragraph[], width: number, opts: { borders?: boolean; shade?: boolean } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    borders: opts.borders === false ? noBorders : undefined,
    shading: opts.shade ? { fill: 'EDEDED', color: 'auto', type: 'clear' } : undefined,
  });

/** School and department on the left, the teachers on the right, each column centred. */
function headerTable(left: string[], right: string[]): Table {
  const column = (texts: string[], bold: (i: number) => boolean) =>
    texts.map((t, i) => para([run(t, { bold: bold(i) })], { align: 'center', before: 0 }));
  const half = Math.floor(TABLE_WIDTH / 2);
  return new Table({
    width: { size: 2 * half, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: { ...noBorders, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        children: [
          cell(
            column(left, () => true),
            half,
            { borders: false },
          ),
          cell(
            column(right, (i) => i > 0),
            half,
            { borders: false },
          ),
        ],
      }),
    ],
  });
}

/** d) Tổ chức thực hiện: one row per step, the step's name on the left. */
function stepsTable(organisation: LessonPlan['activities'][number]['organisation']): Table {
  const left = 2800;
  const right = TABLE_WIDTH - left;
  const head = new TableRow({
    tableHeader: true,
    children: [
      cell([para([run('Bước', { bold: true })], { align: 'center' })], left, { shade: true }),
      cell([para([run('Hoạt động của giáo viên và học sinh', { bold: true })], { align: 'center' })], right, {
        shade: true,
      }),
    ],
  });
  const rows = ORGANISATION_STEPS.map(
    (step, i) =>
      new TableRow({
        children: [
          cell(
            [para([run(`Bước ${i + 1}: ${ORGANISATION_STEP_LABELS[step]}`, { bold: true })], { align: 'left' })],
            left,
          ),
          cell(lines(organisation[step] || '…'), right),
        ],
      }),
  );
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    rows: [head, ...rows],
  });
}

function section(s: LessonPlanSection): (Paragraph | Table)[] {
  switch (s.kind) {
    case 'heading':
      return [
        para([run(s.text, { bold: true, size: s.level === 1 ? 28 : BODY })], {
          before: s.level === 1 ? 200 : 100,
          keepNext: true,
          align: 'left',
        }),
      ];
    case 'labelled':
      return s.text
        .split(/\r?\n/)
        .map((l, i) =>
          para(i === 0 ? [run(`${s.label} `, { bold: true }), run(l)] : [run(l)], { indent: (s.indent ?? 0) * INDENT }),
        );
    case 'item':
      return [para([run(`- ${s.text}`)], { indent: (s.indent ?? 0) * INDENT })];
    case 'steps':
      return [stepsTable(s.organisation)];
  }
}

/** The .docx bytes of a plan. */
export async function renderLessonPlanDocx(plan: LessonPlan, options: LessonPlanExportOptions = {}): Promise<Buffer> {
  const layout = lessonPlanSections(plan, options.resources ?? []);
  const { header } = layout;
  const doc = new Document({
    title: plan.header.title,
    subject: `Kế hoạch bài dạy ${plan.header.subject.name} ${plan.header.grade}`,
    creator: plan.header.teachers.join(', '),
    lastModifiedBy: 'giaoducso',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 22 })],
              }),
            ],
          }),
        },
        children: [
          headerTable(header.left, header.right),
          para([run('KẾ HOẠCH BÀI DẠY', { bold: true, size: 28 })], { align: 'center', before: 240 }),
          ...header.centre.map((l, i) =>
            para([run(l, { bold: i === 0, italics: l === header.note })], { align: 'center', before: 0 }),
          ),
          ...layout.sections.flatMap(section),
          // Word ends a document with a paragraph, not a table.
          para([]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
