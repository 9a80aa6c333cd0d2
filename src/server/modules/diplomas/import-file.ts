import { Readable } from 'node:stream';
import { parse } from '@fast-csv/parse';
import ExcelJS, { type CellValue } from 'exceljs';

/**
 * Reading digitised lists as rows of text, streamed: a CSV (UTF-8, with or without BOM,
 * separated by comma, semicolon or tab — Excel in Vietnamese locale saves with ";") or the
 * first sheet of an .xlsx workbook. The first row is the header row.
 */

export type ListFormat = 'xlsx' | 'csv';

export function formatOf(filename: string): ListFormat | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person reads in it (dates as dd/mm/yyyy: Excel stores them as UTC midnight). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${p2(v.getUTCDate())}/${p2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** Every row of the list (the header first), cells as text. */
export async function* readRows(input: Readable, format: ListFormat): AsyncGenerator<string[]> {
  if (format === 'csv') {
    yield* readCsv(input);
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield cells;
    }
    return; // the first sheet only
  }
}

async function* readCsv(input: Readable): AsyncGenerator<string[]> {
  const chunks = input[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  let head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value as string);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
  const line = head.toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  const delimiter = [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value as Buffer;
    })(),
  );
  const parser = rest.pipe(parse({ delimiter, ignoreEmpty: true, trim: false }));
  for await (const row of parser) yield row as string[];
}
