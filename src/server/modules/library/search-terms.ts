/**
 * Turning what a person types into a PostgreSQL full-text query over the folded search
 * document (gds_library_search_vector, 'simple' configuration). Folding here matches
 * gds_search_key in SQL for Vietnamese: accents stripped (NFD, combining marks removed),
 * "đ" → "d", lower case, so "Thí nghiệm ảo Vật lí 10" and "thi nghiem ao vat li 10" agree.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** At most this many words are matched; more add cost and hardly any precision. */
export const MAX_TERMS = 8;

/** The folded words of a query (letters and digits only, duplicates removed). */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = foldText(q)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/**
 * A to_tsquery('simple', …) string: every word must appear, each as a prefix ("d" finds
 * "đồ dùng", "vat" finds "vật"), or null when there is nothing to search for. The words are
 * [a-z0-9] only, so nothing in them can be read as tsquery syntax.
 */
export function toTsQuery(q: string | undefined): string | null {
  const terms = searchTerms(q);
  return terms.length === 0 ? null : terms.map((t) => `${t}:*`).join(' & ');
}

/** The folded query for the trigram fallback (word similarity on titles), or null when too short to mean anything. */
export function trigramQuery(q: string | undefined): string | null {
  const folded = searchTerms(q).join(' ');
  return folded.length >= 3 ? folded : null;
}

/**
 * The terms of a search where each unknown word may also be one of its corrections (the nearest
 * words of the library's vocabulary), each alternative matched as a word beginning like the typed
 * words: "thi nghim ao" → [["thi"], ["nghim", "nghiem"], ["ao"]]. Corrections that are not plain
 * [a-z0-9] words are dropped.
 */
export function correctedTerms(terms: readonly string[], corrections: readonly (readonly string[])[]): string[][] {
  return terms.map((t, i) => [
    t,
    ...new Set((corrections[i] ?? []).filter((w) => /^[a-z0-9]+$/.test(w) && !w.startsWith(t))),
  ]);
}
