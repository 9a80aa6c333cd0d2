import { createHash, type Hash } from 'node:crypto';
import type { CatchmentInput } from './catchment.types.ts';
import type { Grade10Input } from './grade10.types.ts';
import { AllocationInputError } from './score.ts';
import { sortByIds } from './sort-ids.ts';

/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme, for the values allocation inputs hold:
 * objects, arrays, strings, finite numbers, booleans, null): object keys sorted by UTF-16 code
 * units, no whitespace, numbers as ECMAScript prints them, `undefined` properties left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AllocationInputError(`not a finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new AllocationInputError(`cannot hash a ${typeof value}`);
}

/**
 * SHA-256 (hex) of the canonical JSON of
 * `{ applicants: <sorted by id>, config, kind: "grade10", schools: <sorted by id> }`.
 * Shown before a run and stored with its result: equal hashes mean equal inputs, whatever order
 * the applicants were read in, and equal inputs give equal results.
 */
export function hashGrade10Inputs(input: Grade10Input): string {
  const hash = createHash('sha256');
  hash.update('{"applicants":');
  updateSortedById(hash, input.applicants);
  hash.update(`,"config":${canonicalJson(input.config)},"kind":"grade10","schools":`);
  updateSortedById(hash, input.schools);
  hash.update('}');
  return hash.digest('hex');
}

/**
 * The same for grades 1 and 6: `{ applicants, kind: "catchment", schools, seed }`. Without the
 * seed (`includeSeed: false`) it is the hash to publish before the seed is drawn, so that nobody
 * can choose a seed knowing the list, nor change the list knowing the seed.
 */
export function hashCatchmentInputs(input: CatchmentInput, options: { includeSeed?: boolean } = {}): string {
  const hash = createHash('sha256');
  hash.update('{"applicants":');
  updateSortedById(hash, input.applicants);
  hash.update(',"kind":"catchment","schools":');
  updateSortedById(hash, input.schools);
  if (options.includeSeed ?? true) hash.update(`,"seed":${canonicalJson(input.seed)}`);
  hash.update('}');
  return hash.digest('hex');
}

/** Streams `[a, b, …]` sorted by id into the hash, without building one huge string. */
function updateSortedById(hash: Hash, records: readonly { readonly id: string }[]): void {
  const { order } = sortByIds(records.map((r) => r.id));
  hash.update('[');
  for (let p = 0; p < order.length; p++) hash.update((p > 0 ? ',' : '') + canonicalJson(records[order[p]!]));
  hash.update(']');
}
