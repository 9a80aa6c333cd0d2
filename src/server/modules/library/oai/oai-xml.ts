/**
 * Pure XML rendering of OAI-PMH 2.0 responses (https://www.openarchives.org/OAI/openarchivesprotocol.html):
 * the envelope, headers, records in `oai_dc`, and errors. Text is NFC, escaped, and stripped
 * of characters XML 1.0 does not allow.
 */
import type { DublinCore } from '../dublin-core.ts';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_XSD = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';
export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_XSD = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export type OaiErrorCode =
  | 'badVerb'
  | 'badArgument'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy'
  | 'badResumptionToken';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

// Characters outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 excludes.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and attribute values (NFC, invalid characters removed). */
export function xmlEscape(text: string): string {
  return text
    .normalize('NFC')
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `<name attr="…">text</name>`, or self-closed when there is no content. */
export function element(name: string, attrs: Record<string, string | number | undefined>, inner = ''): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
  return inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

export const textElement = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;

/** UTC datestamp at second granularity: YYYY-MM-DDThh:mm:ssZ. */
export function datestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

export interface Envelope {
  responseDate: Date;
  baseUrl: string;
  /** The request's arguments, echoed as attributes of `<request>` (empty after badVerb/badArgument). */
  request: Record<string, string>;
  /** The verb's element (e.g. `<ListRecords>…</ListRecords>`) or one or more `<error>` elements. */
  body: string;
}

export function envelope(e: Envelope): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'OAI-PMH',
      { xmlns: OAI_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_NS} ${OAI_XSD}` },
      textElement('responseDate', datestamp(e.responseDate)) +
        `<request${Object.entries(e.request)
          .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
          .join('')}>${xmlEscape(e.baseUrl)}</request>` +
        e.body,
    )
  );
}

export function errors(list: readonly OaiError[]): string {
  return list.map((e) => element('error', { code: e.code }, xmlEscape(e.message))).join('');
}

export interface RecordHeader {
  identifier: string;
  datestamp: Date;
  deleted: boolean;
  setSpecs?: readonly string[];
}

export function header(h: RecordHeader): string {
  return element(
    'header',
    { status: h.deleted ? 'deleted' : undefined },
    textElement('identifier', h.identifier) +
      textElement('datestamp', datestamp(h.datestamp)) +
      (h.setSpecs ?? []).map((s) => textElement('setSpec', s)).join(''),
  );
}

/** `oai_dc:dc` of a Dublin Core mapping (elements in the DCMI order, each value repeated). */
export function oaiDc(dc: DublinCore): string {
  const inner = (Object.keys(dc) as (keyof DublinCore)[])
    .flatMap((k) => dc[k].filter((v) => v.trim() !== '').map((v) => textElement(k, v)))
    .join('');
  return element(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': OAI_DC_NS,
      'xmlns:dc': DC_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_XSD}`,
    },
    inner,
  );
}

/** A record: header, and metadata unless deleted. */
/** The answer to ListMetadataFormats of a repository that disseminates oai_dc only. */
export function oaiDcFormats(): string {
  return element(
    'ListMetadataFormats',
    {},
    element(
      'metadataFormat',
      {},
      textElement('metadataPrefix', 'oai_dc') +
        textElement('schema', OAI_DC_XSD) +
        textElement('metadataNamespace', OAI_DC_NS),
    ),
  );
}

export function record(h: RecordHeader, dc: DublinCore | null): string {
  return element('record', {}, header(h) + (h.deleted || !dc ? '' : element('metadata', {}, oaiDc(dc))));
}

export interface TokenInfo {
  token: string;
  completeListSize: number;
  cursor: number;
}

export function resumptionToken(t: TokenInfo): string {
  return `<resumptionToken completeListSize="${t.completeListSize}" cursor="${t.cursor}">${xmlEscape(t.token)}</resumptionToken>`;
}

// ── A tiny well-formedness check (tests, and a guard before sending) ────────────────────────

const NAME = /^[A-Za-z_][\w.:-]*$/;

/**
 * Checks that `xml` is well-formed for the subset OAI responses use: an optional XML
 * declaration, elements with quoted attributes (no duplicates), text with the five predefined
 * entities and numeric references, one root, nesting balanced. Returns the problems found.
 */
export function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unterminated XML declaration'];
    i = end + 2;
  }
  const checkText = (t: string, at: number) => {
    if (t.includes('<')) problems.push(`'<' in text at ${at}`);
    for (const m of t.matchAll(/&([^;]*);?/g)) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0])) problems.push(`bad entity ${m[0]} at ${at}`);
    }
    if (t.search(NOT_XML_CHAR) >= 0) problems.push(`invalid character at ${at}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() !== '' && stack.length === 0) problems.push(`text outside the root at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unterminated comment'];
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return [...problems, `unterminated tag at ${lt}`];
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? ''}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s]+)([\s\S]*)$/.exec(body);
    const name = m?.[1] ?? '';
    if (!NAME.test(name)) problems.push(`bad element name '${name}' at ${lt}`);
    let rest = (m?.[2] ?? '').trim();
    const seen = new Set<string>();
    while (rest !== '') {
      const a = /^([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')\s*/.exec(rest);
      if (!a) {
        problems.push(`bad attribute '${rest.slice(0, 20)}' at ${lt}`);
        break;
      }
      if (seen.has(a[1]!)) problems.push(`duplicate attribute ${a[1]} at ${lt}`);
      seen.add(a[1]!);
      checkText(a[3] ?? a[4] ?? '', lt);
      rest = rest.slice(a[0].length);
    }
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
