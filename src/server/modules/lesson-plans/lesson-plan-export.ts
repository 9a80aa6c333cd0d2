import type { LessonPlan } from '../../../shared/lesson-plan.schema.ts';
import { fold } from '../../platform/notify/templates.ts';
import { renderLessonPlanDocx } from './lesson-plan-docx.ts';
import type { AttachedResource } from './lesson-plan-layout.ts';
import { renderLessonPlanPdf } from './lesson-plan-pdf.ts';

export type ExportFormat = 'pdf' | 'docx';

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The file of a plan in one format (the layout is shared: lesson-plan-layout.ts). */
export function renderExport(
  plan: LessonPlan,
  format: ExportFormat,
  options: { resources: readonly AttachedResource[]; createdAt?: Date },
): Promise<Uint8Array> {
  return format === 'pdf' ? renderLessonPlanPdf(plan, options) : renderLessonPlanDocx(plan, options);
}

/**
 * The names a download is given: "Kế hoạch bài dạy - Bài 5 Lực ma sát.pdf" in UTF-8, and an
 * ASCII fallback "ke-hoach-bai-day-bai-5-luc-ma-sat.pdf" for clients without RFC 8187.
 */
export function exportFilename(plan: LessonPlan, format: ExportFormat) {
  const title = plan.header.title
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  const utf8 = `Kế hoạch bài dạy - ${title}.${format}`;
  const slug = fold(`ke hoach bai day ${title}`)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
  return { contentType: CONTENT_TYPES[format], filename: { utf8, ascii: `${slug}.${format}` } };
}

/** RFC 6266 Content-Disposition with the ASCII name and the RFC 8187 UTF-8 name. */
export function contentDisposition(name: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(name.utf8).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}

/** The attached resources as the exports print them: titles, with the library page's address when the site's is known. */
export function withLinks(
  resources: readonly { id: string; title: string }[],
  publicUrl: string | undefined,
): AttachedResource[] {
  const base = (publicUrl ?? '').replace(/\/$/, '');
  return resources.map((r) => ({ id: r.id, title: r.title, url: base ? `${base}/hoc-lieu/${r.id}` : null }));
}
