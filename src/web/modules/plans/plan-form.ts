import type { PlanDetail } from './plans-api.ts';

/** Pure conversions of the plan form's text areas (one entry per line). */

/** "II.1 Phát triển…" per line → sections. */
export function parseSections(text: string): { code: string; title: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\S+)\.?\s+(.+)$/.exec(l);
      return m ? { code: m[1]!.replace(/\.$/, ''), title: m[2]!.trim() } : { code: l, title: '' };
    });
}

export const sectionsText = (p: Pick<PlanDetail, 'sections'>) =>
  p.sections.map((s) => `${s.code} ${s.title}`).join('\n');

/** dd/mm/yyyy or yyyy-mm-dd → yyyy-mm-dd; '' → null; anything else kept (the server names it). */
function isoDay(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return t;
}

/** "số | ngày | cơ quan ban hành | trích yếu" per line → legal bases. */
export function parseBases(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [number = '', date = '', issuer = '', ...title] = l.split('|').map((x) => x.trim());
      return { number, date: isoDay(date), issuer, title: title.join(' | ') };
    });
}

export function basesText(p: Pick<PlanDetail, 'legalBases'>): string {
  const day = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');
  return p.legalBases.map((b) => [b.number, day(b.date), b.issuer, b.title].join(' | ')).join('\n');
}
