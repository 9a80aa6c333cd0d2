import { formatPartialDate, type PartialDate, type RegisterList } from '../../../shared/diplomas.schema.ts';

/** Display helpers shared by the staff pages. */

export const birthText = (d: PartialDate) => formatPartialDate(d);

export function typeLabel(types: RegisterList['types'] | undefined, code: string, lang: string | undefined): string {
  const t = types?.find((x) => x.code === code);
  if (!t) return code;
  return lang === 'en' ? t.nameEn : t.nameVi;
}
