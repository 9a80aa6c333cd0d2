import { describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../shared/library.schema.ts';
import { groupFacets, specOf, splitFacets, trigramSpec } from './search-spec.ts';
import { correctedTerms, foldText, searchTerms, toTsQuery, trigramQuery } from './search-terms.ts';

describe('foldText', () => {
  it('strips Vietnamese accents and folds đ to d', () => {
    expect(foldText('Thí nghiệm ảo Vật lí 10')).toBe('thi nghiem ao vat li 10');
    expect(foldText('Đồ dùng dạy học ĐỊA LÍ')).toBe('do dung day hoc dia li');
    expect(foldText('Thí nghiệm'.normalize('NFD'))).toBe('thi nghiem');
  });
});

describe('toTsQuery', () => {
  it('makes every word a required prefix', () => {
    expect(toTsQuery('thi nghiem ao vat li 10')).toBe('thi:* & nghiem:* & ao:* & vat:* & li:* & 10:*');
    expect(toTsQuery('Vật lí')).toBe('vat:* & li:*');
  });

  it('lets "d" find words with đ', () => {
    expect(toTsQuery('đ')).toBe('d:*');
    expect(toTsQuery('d')).toBe('d:*');
  });

  it('drops tsquery syntax, duplicates and empty queries', () => {
    expect(toTsQuery("toán & | ! ( ) ' : * toán")).toBe('toan:*');
    expect(toTsQuery('  ')).toBeNull();
    expect(toTsQuery(undefined)).toBeNull();
    expect(toTsQuery('&!:*')).toBeNull();
  });

  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('trigramQuery', () => {
  it('is the folded words, or null under three characters', () => {
    expect(trigramQuery('Thí nghiêm')).toBe('thi nghiem');
    expect(trigramQuery('đo')).toBeNull();
  });
});

describe('specOf', () => {
  it('searches by relevance with words and browses newest first without', () => {
    const withWords = specOf(SearchQuery.parse({ q: 'vật lí', grade: '10,11', subject: 'vat_li', page: '2' }));
    expect(withWords.match).toEqual({ by: 'fulltext', terms: [['vat'], ['li']] });
    expect(withWords.sort).toBe('relevance');
    expect(withWords.filters.grade).toEqual([10, 11]);
    expect(withWords.filters.subject).toEqual(['vat_li']);
    expect(withWords.offset).toBe(20);
    const browse = specOf(SearchQuery.parse({}));
    expect(browse.match).toEqual({ by: 'none' });
    expect(browse.sort).toBe('newest');
  });

  it('falls back to trigram matching only after a full-text search', () => {
    const q = SearchQuery.parse({ q: 'thi nghim' });
    expect(trigramSpec(q, specOf(q))?.match).toEqual({ by: 'trigram', text: 'thi nghim' });
    expect(trigramSpec(SearchQuery.parse({}), specOf(SearchQuery.parse({})))).toBeNull();
  });

  it('rejects unknown filter values', () => {
    expect(SearchQuery.safeParse({ kind: 'movie' }).success).toBe(false);
    expect(SearchQuery.safeParse({ grade: '13' }).success).toBe(false);
  });
});

describe('groupFacets', () => {
  it('groups rows by facet, largest first, and reads the total', () => {
    const { facets, total } = groupFacets([
      { facet: 'grade', value: '11', count: 2 },
      { facet: 'grade', value: '10', count: 5 },
      { facet: 'kind', value: 'video', count: 1 },
      { facet: '_total', value: '', count: 6 },
    ]);
    expect(total).toBe(6);
    expect(facets.grade).toEqual([
      { value: '10', count: 5 },
      { value: '11', count: 2 },
    ]);
    expect(facets.level).toEqual([]);
  });
});

describe('correctedTerms', () => {
  it('offers each unknown word with its nearest words, keeping the typed one', () => {
    expect(correctedTerms(['thi', 'nghim', 'ao'], [[], ['nghiem', 'nghia'], []])).toEqual([
      ['thi'],
      ['nghim', 'nghiem', 'nghia'],
      ['ao'],
    ]);
  });

  it('drops corrections that are not plain words, repeated, or already found by the typed beginning', () => {
    expect(correctedTerms(['vat'], [["v'at", 'vat', 'vật', 'vatly', 'van', 'van']])).toEqual([['vat', 'van']]);
    expect(correctedTerms([], [])).toEqual([]);
  });
});

describe('splitFacets', () => {
  it('reads browse counts from the precomputed counts', () => {
    const { precomputed, counted } = splitFacets(specOf(SearchQuery.parse({})));
    expect(precomputed).toEqual({ facets: ['level', 'grade', 'subject', 'kind', 'licence', 'series'], total: true });
    expect(counted).toEqual({ facets: [], total: false });
  });

  it('precomputes only the facet whose filter is the only one', () => {
    const { precomputed, counted } = splitFacets(specOf(SearchQuery.parse({ grade: '10' })));
    expect(precomputed).toEqual({ facets: ['grade'], total: false });
    expect(counted).toEqual({ facets: ['level', 'subject', 'kind', 'licence', 'series'], total: true });
    const two = splitFacets(specOf(SearchQuery.parse({ grade: '10', kind: 'video' })));
    expect(two.precomputed.facets).toEqual([]);
  });

  it('counts everything over the matches when there are words', () => {
    const { precomputed, counted } = splitFacets(specOf(SearchQuery.parse({ q: 'vat li' })));
    expect(precomputed).toEqual({ facets: [], total: false });
    expect(counted.total).toBe(true);
  });
});
