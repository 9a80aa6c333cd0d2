import type { NavItem } from '../modules/types.ts';

/**
 * How well a route pattern matches a path as a prefix: the number of its segments (literal
 * segments weigh more than `:params`, so `/admissions/applications` beats
 * `/admissions/:anything`), or -1 when it does not match. `/` matches only `/` itself.
 */
export function prefixScore(pattern: string, pathname: string): number {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length === 0) return have.length === 0 ? 0 : -1;
  if (want.length > have.length) return -1;
  let score = 0;
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) score += 2;
    else if (part === decodeURIComponent(have[i] ?? '')) score += 3;
    else return -1;
  }
  return score;
}

/**
 * The path of the one navigation entry to highlight for a page: of the entries whose path or
 * `also` patterns match the page as a prefix, the most specific. `/admissions/rounds/x/applications`
 * is the queue's page (it claims that pattern), not the rounds entry's, although both match.
 */
export function activeNavPath(items: readonly Pick<NavItem, 'path' | 'also'>[], pathname: string): string | null {
  let best: { path: string; score: number } | null = null;
  for (const item of items) {
    for (const pattern of [item.path, ...(item.also ?? [])]) {
      const score = prefixScore(pattern, pathname);
      if (score >= 0 && (!best || score > best.score)) best = { path: item.path, score };
    }
  }
  return best?.path ?? null;
}
