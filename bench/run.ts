import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- <name>` runs bench/<name>.bench.ts. Each benchmark prints what it measures
 * and, as its last line, one JSON object of its figures.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const name = process.argv[2];
if (!name || !names.includes(name)) {
  console.error(`Cách dùng / usage: npm run bench -- <${names.join('|')}>`);
  process.exit(2);
}
await import(path.join(dir, `${name}.bench.ts`));
