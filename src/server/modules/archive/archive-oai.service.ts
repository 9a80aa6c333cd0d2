import type { Platform } from '../../platform/platform.ts';
import type { DublinCore } from '../library/dublin-core.ts';
import { encodeToken, type ListState, PAGE_SIZE, parseRequest, type Request } from '../library/oai/oai-args.ts';
import {
  datestamp,
  element,
  envelope,
  errors,
  header,
  type OaiError,
  oaiDcFormats,
  record,
  resumptionToken,
  textElement,
} from '../library/oai/oai-xml.ts';
import * as repo from './archive-oai.repository.ts';

export interface ArchiveOaiOrigin {
  baseUrl: string;
  host: string;
  site: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * OAI-PMH 2.0 data provider for the public part of the archive (issue 5 item 8), built on the
 * library's argument parser and XML helpers. Anonymous: only public file descriptions.
 */
export class ArchiveOaiService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async handle(args: Record<string, string | string[] | undefined>, origin: ArchiveOaiOrigin, now = new Date()) {
    const parsed = parseRequest(args);
    const wrap = (echo: Record<string, string>, body: string) =>
      envelope({ responseDate: now, baseUrl: origin.baseUrl, request: echo, body });
    if (!parsed.ok) return wrap(parsed.echo, errors(parsed.errors));
    const body = await this.#answer(parsed.request, origin);
    return wrap(parsed.echo, typeof body === 'string' ? body : errors([body]));
  }

  async #answer(r: Request, origin: ArchiveOaiOrigin): Promise<string | OaiError> {
    switch (r.verb) {
      case 'Identify': {
        const earliest = (await repo.earliest(this.#p.db)) ?? new Date(0);
        return element(
          'Identify',
          {},
          textElement('repositoryName', 'Lưu trữ điện tử – giaoducso') +
            textElement('baseURL', origin.baseUrl) +
            textElement('protocolVersion', '2.0') +
            textElement('adminEmail', `admin@${origin.host}`) +
            textElement('earliestDatestamp', datestamp(earliest)) +
            textElement('deletedRecord', 'no') +
            textElement('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
        );
      }
      case 'ListMetadataFormats':
        if (r.identifier !== null && !(await this.#find(r.identifier, origin)))
          return { code: 'idDoesNotExist', message: `No such item: ${r.identifier}.` };
        return oaiDcFormats();
      case 'ListSets':
        return { code: 'noSetHierarchy', message: 'This repository does not support sets.' };
      case 'GetRecord': {
        const row = await this.#find(r.identifier, origin);
        if (!row) return { code: 'idDoesNotExist', message: `No such item: ${r.identifier}.` };
        if (r.metadataPrefix !== 'oai_dc')
          return { code: 'cannotDisseminateFormat', message: `Only oai_dc is disseminated, not ${r.metadataPrefix}.` };
        return element('GetRecord', {}, record(this.#header(row, origin), dublinCore(row, origin)));
      }
      default:
        return this.#list(r.verb, r.state, origin);
    }
  }

  async #list(verb: 'ListRecords' | 'ListIdentifiers', s: ListState, origin: ArchiveOaiOrigin) {
    const range = { from: s.from, until: s.until };
    const [rows, total] = await Promise.all([
      repo.listPage(this.#p.db, range, s.after, PAGE_SIZE + 1),
      repo.countList(this.#p.db, range),
    ]);
    if (rows.length === 0) {
      if (s.after === null) return { code: 'noRecordsMatch', message: 'No records match the request.' } as OaiError;
      return element(verb, {}, resumptionToken({ token: '', completeListSize: total, cursor: s.cursor }));
    }
    const page = rows.slice(0, PAGE_SIZE);
    const more = rows.length > PAGE_SIZE;
    const items = page.map((row) =>
      verb === 'ListRecords'
        ? record(this.#header(row, origin), dublinCore(row, origin))
        : header(this.#header(row, origin)),
    );
    const last = page[page.length - 1]!;
    const next = more
      ? encodeToken({ ...s, after: { at: last.stamp, id: last.id }, cursor: s.cursor + page.length })
      : '';
    const token =
      more || s.after !== null
        ? resumptionToken({ token: next, completeListSize: Math.max(total, s.cursor + page.length), cursor: s.cursor })
        : '';
    return element(verb, {}, items.join('') + token);
  }

  async #find(identifier: string, origin: ArchiveOaiOrigin) {
    const prefix = `oai:${origin.host}:archive/`;
    if (!identifier.startsWith(prefix)) return undefined;
    const id = identifier.slice(prefix.length);
    return UUID.test(id) ? repo.findOne(this.#p.db, id) : undefined;
  }

  #header(row: repo.ArchiveOaiRow, origin: ArchiveOaiOrigin) {
    return {
      identifier: `oai:${origin.host}:archive/${row.id}`,
      datestamp: new Date(row.updated_at),
      deleted: false,
      setSpecs: [],
    };
  }
}

/** The Dublin Core of a public file description (the file code and its page as identifiers). */
function dublinCore(r: repo.ArchiveOaiRow, origin: ArchiveOaiOrigin): DublinCore {
  return {
    'dc:title': [r.title],
    'dc:creator': [r.creator_unit_name],
    'dc:subject': r.keywords,
    'dc:description': [
      `${r.document_count} văn bản; thời hạn bảo quản: ${r.retention_years === null ? 'vĩnh viễn' : `${r.retention_years} năm`}`,
    ],
    'dc:publisher': [r.fonds_name],
    'dc:date': [`${r.start_date}/${r.end_date}`],
    'dc:type': ['Collection'],
    'dc:format': [],
    'dc:identifier': [r.code, `${origin.site}/luu-tru/ho-so/${r.id}`],
    'dc:language': [r.language],
    'dc:rights': ['public'],
  };
}
