import { createHash } from 'node:crypto';
import type { ChildIdentity } from '../../../../shared/admission-applications.schema.ts';
import type { PublicResult, ResultLookupQuery } from '../../../../shared/admission-results.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatDay } from '../../../platform/notify/templates.ts';
import { keyedHash } from '../../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../../platform/otp/server-secret.ts';
import type { Platform } from '../../../platform/platform.ts';
import { sameKey } from '../../dossiers/applicant-access.ts';
import { findLookup, type LookupRow } from './results.repository.ts';

/** How long a node serves a code from memory before reading it again (see ResultLookupService). */
export const LOOKUP_TTL_MS = 5_000;
const MAX_ENTRIES = 200_000;

interface View {
  body: PublicResult;
  etag: string;
}
interface Entry {
  row: LookupRow | null;
  loadedAt: number;
  views: { vi?: View; en?: View };
}

export type LookupAnswer = { status: 200; etag: string; body: PublicResult } | { status: 304; etag: string };

/**
 * The public result lookup by dossier code + personal ID + date of birth (issue 3, item 5).
 *
 * No oracle: an unknown code, a wrong ID and a wrong date of birth are the same 404, and whether
 * the results are out is told only to whoever proved the identity.
 *
 * Fast under load: the published results are a snapshot, so each node keeps the row of a code in
 * memory (unknown codes too, so a flood of guesses does not reach the database) for
 * LOOKUP_TTL_MS. App nodes are stateless and several may run: a node's own writes (publication,
 * confirmation, release) evict its entries at once; another node shows a change at most
 * LOOKUP_TTL_MS late. The answer carries an ETag of its content (and language), so a browser that
 * asks again with If-None-Match gets 304 — after the identity check, never before.
 */
export class ResultLookupService {
  readonly #p: Platform;
  readonly #ttlMs: number;
  readonly #cache = new Map<string, Entry>();
  readonly stats = { lookups: 0, cacheHits: 0 };

  constructor(platform: Platform, ttlMs = LOOKUP_TTL_MS) {
    this.#p = platform;
    this.#ttlMs = ttlMs;
  }

  async lookup(actor: Actor, q: ResultLookupQuery & ChildIdentity, ifNoneMatch?: string): Promise<LookupAnswer> {
    this.stats.lookups++;
    const [entry, secret] = await Promise.all([this.#entry(q.code), serverSecret(this.#p)]);
    const row = entry.row;
    if (
      !row ||
      row.date_of_birth !== q.dateOfBirth ||
      !sameKey(row.applicant_key, keyedHash(secret, 'personal-id', q.personalId))
    )
      throw new AppError('resource.not_found');
    if (!row.result_id || !row.published_at)
      throw new AppError('admissions.results_not_published', {
        hint: {
          vi: `Dự kiến công bố ngày ${formatDay(row.results_at.toISOString())}.`,
          en: `Expected on ${formatDay(row.results_at.toISOString())}.`,
        },
      });
    const locale = actor.locale;
    let view = entry.views[locale];
    if (!view) {
      const body = present(row, locale);
      view = { body, etag: `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"` };
      entry.views[locale] = view;
    }
    if (ifNoneMatch && matches(ifNoneMatch, view.etag)) return { status: 304, etag: view.etag };
    return { status: 200, etag: view.etag, body: view.body };
  }

  /** Forgets a code (after a confirmation), or everything (after a publication or a release). */
  evict(code?: string): void {
    if (code === undefined) this.#cache.clear();
    else this.#cache.delete(code);
  }

  async #entry(code: string): Promise<Entry> {
    const now = Date.now();
    const cached = this.#cache.get(code);
    if (cached && now - cached.loadedAt < this.#ttlMs) {
      this.stats.cacheHits++;
      return cached;
    }
    const row = (await findLookup(this.#p.db, code)) ?? null;
    const entry: Entry = { row, loadedAt: now, views: {} };
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.delete(code);
    this.#cache.set(code, entry);
    return entry;
  }
}

/** If-None-Match: a list of entity tags, weak or strong, or * (RFC 9110 §13.1.2). */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function present(r: LookupRow, locale: 'vi' | 'en'): PublicResult {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    dossierCode: r.dossier_code,
    round: { id: r.round_id, code: r.round_code, name: r.round_name, level: r.level, schoolYear: r.school_year },
    outcome: r.outcome ?? 'not_considered',
    school: r.school_id ? { id: r.school_id, name: r.school_name ?? '' } : null,
    wish: r.wish,
    explanation: (locale === 'en' ? r.explanation_en : r.explanation_vi) ?? '',
    confirmation: r.confirmation ?? 'not_applicable',
    confirmedAt: iso(r.confirmed_at),
    confirmTo: r.confirm_to.toISOString(),
    confirmToText: formatDay(r.confirm_to.toISOString()),
    publishedAt: iso(r.published_at) ?? '',
  };
}
