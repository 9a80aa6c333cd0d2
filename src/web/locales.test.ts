import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Language packs are data (public/locales, see locales-README.md). These tests keep them
 * complete: every listed pack exists, Vietnamese has every key the code uses, and other
 * packs do not invent keys (missing ones fall back to Vietnamese at run time).
 */
const webDir = import.meta.dirname;
const localesDir = join(webDir, '../../public/locales');
type Tree = { [key: string]: string | Tree };

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(localesDir, file), 'utf8')) as T;
}

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));
}

/** Plural forms (`count_one`, `count_other`) count as their base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return sourceFiles(join(dir, e.name));
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [];
  });
}

const languages = readJson<{ code: string; name: string }[]>('index.json');
const viKeys = new Set(keysOf(readJson<Tree>('vi.json')).map(base));

describe('language packs', () => {
  it('lists Vietnamese first and a file for every language', () => {
    expect(languages[0]?.code).toBe('vi');
    const files = readdirSync(localesDir);
    for (const l of languages) expect(files).toContain(`${l.code}.json`);
  });

  it('has every static key used in the code in Vietnamese', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(webDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/(?:labelKey|descriptionKey): '([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string);
    }
    expect([...used].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it.each(languages.filter((l) => l.code !== 'vi'))('has no key in $code that Vietnamese lacks', ({ code }) => {
    const keys = keysOf(readJson<Tree>(`${code}.json`)).map(base);
    expect(keys.filter((k) => !viKeys.has(k))).toEqual([]);
  });
});
