/**
 * Folds Vietnamese text for client-side matching: strips tone and vowel marks and folds
 * 'đ/Đ' to 'd', which NFD decomposition alone does not (DOMAIN.md, Vietnamese data facts).
 */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word of the query occurs in the text, ignoring diacritics and case. */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldText(text);
  return foldText(query)
    .split(' ')
    .every((word) => hay.includes(word));
}

/** Picks the UI language's value of a `{vi, en}` text, falling back to Vietnamese. */
export function pickLocalized(value: { vi: string; en: string }, lang: string | undefined): string {
  if (lang === 'en') return value.en || value.vi;
  return value.vi;
}
