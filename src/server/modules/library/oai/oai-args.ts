/**
 * Pure handling of OAI-PMH arguments and resumption tokens: which verb, which arguments it
 * allows or requires, datestamps (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, UTC) and the opaque
 * token (base64url of JSON: the last item's datestamp and id, the range, the cursor).
 */
import type { OaiError } from './oai-xml.ts';

export const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type Verb = (typeof VERBS)[number];

export const PAGE_SIZE = 100;

/** A harvest's selection and where the previous page ended. */
export interface ListState {
  metadataPrefix: string;
  /** Inclusive lower bound (ISO instant), or null. */
  from: string | null;
  /** Exclusive upper bound (ISO instant: `until` plus its granularity), or null. */
  until: string | null;
  /** Exact datestamp (PostgreSQL text, microseconds) and id of the last item sent, or null at the start. */
  after: { at: string; id: string } | null;
  /** How many items were sent before this page. */
  cursor: number;
}

export type Request =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier: string | null }
  | { verb: 'ListSets' }
  | { verb: 'ListIdentifiers' | 'ListRecords'; state: ListState }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string };

export type Parsed =
  | { ok: true; request: Request; echo: Record<string, string> }
  | { ok: false; errors: OaiError[]; echo: Record<string, string> };

const ALLOWED: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

const fail = (code: OaiError['code'], message: string, echo: Record<string, string> = {}): Parsed => ({
  ok: false,
  errors: [{ code, message }],
  echo,
});

/** A datestamp argument: its instant and granularity, or null when malformed or impossible. */
export function parseDatestamp(s: string): { at: Date; day: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1) as string[];
  const at = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +se));
  if (
    at.getUTCFullYear() !== +y! ||
    at.getUTCMonth() !== +mo! - 1 ||
    at.getUTCDate() !== +d! ||
    at.getUTCHours() !== +h ||
    at.getUTCMinutes() !== +mi ||
    at.getUTCSeconds() !== +se
  )
    return null;
  return { at, day: m[4] === undefined };
}

export function encodeToken(s: ListState): string {
  return Buffer.from(
    JSON.stringify({ m: s.metadataPrefix, f: s.from, u: s.until, a: s.after?.at, i: s.after?.id, c: s.cursor }),
  ).toString('base64url');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeToken(token: string): ListState | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return null;
  let o: unknown;
  try {
    o = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const t = o as Record<string, unknown>;
  const instant = (v: unknown) => v === null || (typeof v === 'string' && ISO.test(v));
  if (t.m !== 'oai_dc' || !instant(t.f) || !instant(t.u)) return null;
  if (typeof t.a !== 'string' || !ISO.test(t.a) || typeof t.i !== 'string' || !UUID.test(t.i)) return null;
  if (typeof t.c !== 'number' || !Number.isInteger(t.c) || t.c < 0) return null;
  return {
    metadataPrefix: t.m,
    from: t.f as string | null,
    until: t.u as string | null,
    after: { at: t.a, id: t.i },
    cursor: t.c,
  };
}

/**
 * Validates the arguments of one request (query string or form body; a repeated argument is
 * an array). `echo` holds what `<request>` may repeat: nothing after badVerb or badArgument.
 */
export function parseRequest(args: Record<string, string | string[] | undefined>): Parsed {
  const entries = Object.entries(args).filter(([, v]) => v !== undefined) as [string, string | string[]][];
  const verb = args.verb;
  if (typeof verb !== 'string' || !(VERBS as readonly string[]).includes(verb))
    return fail('badVerb', verb === undefined ? 'The verb argument is missing.' : 'Illegal or repeated verb.');
  const rule = ALLOWED[verb as Verb];
  const given = Object.fromEntries(entries.filter(([k]) => k !== 'verb'));
  for (const [k, v] of Object.entries(given)) {
    if (Array.isArray(v)) return fail('badArgument', `Repeated argument: ${k}.`);
    if (k !== rule.exclusive && !rule.required.includes(k) && !rule.optional.includes(k))
      return fail('badArgument', `Illegal argument for ${verb}: ${k}.`);
  }
  const a = given as Record<string, string>;
  const echo = { verb, ...a };
  if (rule.exclusive && a[rule.exclusive] !== undefined) {
    if (Object.keys(a).length > 1) return fail('badArgument', `${rule.exclusive} is an exclusive argument.`);
    if (verb === 'ListSets') return fail('badResumptionToken', 'This repository issues no ListSets tokens.', echo);
    const state = decodeToken(a.resumptionToken!);
    if (!state) return fail('badResumptionToken', 'The resumption token is invalid or has expired.', echo);
    return { ok: true, request: { verb: verb as 'ListRecords' | 'ListIdentifiers', state }, echo };
  }
  for (const k of rule.required)
    if (a[k] === undefined || a[k] === '') return fail('badArgument', `Missing argument: ${k}.`);
  switch (verb as Verb) {
    case 'Identify':
      return { ok: true, request: { verb: 'Identify' }, echo };
    case 'ListSets':
      return { ok: true, request: { verb: 'ListSets' }, echo };
    case 'ListMetadataFormats':
      return { ok: true, request: { verb: 'ListMetadataFormats', identifier: a.identifier ?? null }, echo };
    case 'GetRecord':
      return {
        ok: true,
        request: { verb: 'GetRecord', identifier: a.identifier!, metadataPrefix: a.metadataPrefix! },
        echo,
      };
    default: {
      const from = a.from === undefined ? null : parseDatestamp(a.from);
      const until = a.until === undefined ? null : parseDatestamp(a.until);
      if ((a.from !== undefined && !from) || (a.until !== undefined && !until))
        return fail('badArgument', 'Dates must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC).');
      if (from && until && from.day !== until.day)
        return fail('badArgument', 'from and until must have the same granularity.');
      const end = until && new Date(until.at.getTime() + (until.day ? 86_400_000 : 1000));
      if (from && end && from.at.getTime() >= end.getTime()) return fail('badArgument', 'from is later than until.');
      if (a.metadataPrefix !== 'oai_dc')
        return fail('cannotDisseminateFormat', `Only oai_dc is disseminated, not ${a.metadataPrefix}.`, echo);
      if (a.set !== undefined) return fail('noSetHierarchy', 'This repository does not support sets.', echo);
      return {
        ok: true,
        request: {
          verb: verb as 'ListRecords' | 'ListIdentifiers',
          state: {
            metadataPrefix: 'oai_dc',
            from: from ? from.at.toISOString() : null,
            until: end ? end.toISOString() : null,
            after: null,
            cursor: 0,
          },
        },
        echo,
      };
    }
  }
}
