import type { Platform } from '../../../platform/platform.ts';
import { type DublinCore, toDublinCore } from '../dublin-core.ts';
import { LEVEL_NAMES, type LibraryReference } from '../library-reference.ts';
import type { LibrarySchools } from '../library-schools.ts';
import * as repo from './oai.repository.ts';
import { encodeToken, type ListState, PAGE_SIZE, parseRequest, type Request } from './oai-args.ts';
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
} from './oai-xml.ts';

/** Where the repository answers: its base URL and the host in identifiers (`oai:<host>:library/<uuid>`). */
export interface OaiOrigin {
  baseUrl: string;
  host: string;
  /** The site's address without a trailing slash (Dublin Core identifiers of resource pages). */
  site: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The OAI-PMH 2.0 data provider of the library (issue 4 item 7), for harvesting by national
 * repositories. Anonymous by nature: it only ever reads public, published resources (and the
 * public ones taken down since, as deleted records); nothing changes, so nothing is audited.
 */
export class OaiService {
  readonly #p: Platform;
  readonly #ref: LibraryReference;
  readonly #schools: LibrarySchools;

  constructor(platform: Platform, ref: LibraryReference, schools: LibrarySchools) {
    this.#p = platform;
    this.#ref = ref;
    this.#schools = schools;
  }

  /** One request (query or form arguments) → the whole XML response (always HTTP 200). */
  async handle(
    args: Record<string, string | string[] | undefined>,
    origin: OaiOrigin,
    now = new Date(),
  ): Promise<string> {
    const parsed = parseRequest(args);
    const wrap = (echo: Record<string, string>, body: string) =>
      envelope({ responseDate: now, baseUrl: origin.baseUrl, request: echo, body });
    if (!parsed.ok) return wrap(parsed.echo, errors(parsed.errors));
    const body = await this.#answer(parsed.request, origin);
    return wrap(parsed.echo, typeof body === 'string' ? body : errors([body]));
  }

  async #answer(r: Request, origin: OaiOrigin): Promise<string | OaiError> {
    switch (r.verb) {
      case 'Identify':
        return this.#identify(origin);
      case 'ListMetadataFormats': {
        if (r.identifier !== null && !(await this.#find(r.identifier, origin)))
          return { code: 'idDoesNotExist', message: `No such item: ${r.identifier}.` };
        return oaiDcFormats();
      }
      case 'ListSets':
        return { code: 'noSetHierarchy', message: 'This repository does not support sets.' };
      case 'GetRecord': {
        const row = await this.#find(r.identifier, origin);
        if (!row) return { code: 'idDoesNotExist', message: `No such item: ${r.identifier}.` };
        if (r.metadataPrefix !== 'oai_dc')
          return { code: 'cannotDisseminateFormat', message: `Only oai_dc is disseminated, not ${r.metadataPrefix}.` };
        return element('GetRecord', {}, await this.#record(row, origin));
      }
      default:
        return this.#list(r.verb, r.state, origin);
    }
  }

  async #identify(origin: OaiOrigin): Promise<string> {
    const earliest = (await repo.earliest(this.#p.db)) ?? new Date(0);
    const from = this.#p.config.SMTP_FROM?.match(/[^\s<>@]+@[^\s<>@]+/)?.[0];
    const description = element(
      'description',
      {},
      element(
        'oai-identifier',
        {
          xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          'xsi:schemaLocation':
            'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
        },
        textElement('scheme', 'oai') +
          textElement('repositoryIdentifier', origin.host) +
          textElement('delimiter', ':') +
          textElement('sampleIdentifier', `oai:${origin.host}:library/00000000-0000-0000-0000-000000000000`),
      ),
    );
    return element(
      'Identify',
      {},
      textElement('repositoryName', 'Kho học liệu số – giaoducso') +
        textElement('baseURL', origin.baseUrl) +
        textElement('protocolVersion', '2.0') +
        textElement('adminEmail', from ?? `admin@${origin.host}`) +
        textElement('earliestDatestamp', datestamp(earliest)) +
        textElement('deletedRecord', 'transient') +
        textElement('granularity', 'YYYY-MM-DDThh:mm:ssZ') +
        description,
    );
  }

  async #list(verb: 'ListRecords' | 'ListIdentifiers', s: ListState, origin: OaiOrigin): Promise<string | OaiError> {
    const range = { from: s.from, until: s.until };
    const [rows, total] = await Promise.all([
      repo.listPage(this.#p.db, range, s.after, PAGE_SIZE + 1),
      repo.countList(this.#p.db, range),
    ]);
    if (rows.length === 0) {
      if (s.after === null) return { code: 'noRecordsMatch', message: 'No records match the request.' };
      // The list shrank since the token was issued: end it with an empty token.
      return element(verb, {}, resumptionToken({ token: '', completeListSize: total, cursor: s.cursor }));
    }
    const page = rows.slice(0, PAGE_SIZE);
    const more = rows.length > PAGE_SIZE;
    const items = await Promise.all(
      page.map((row) =>
        verb === 'ListRecords' ? this.#record(row, origin) : Promise.resolve(header(this.#header(row, origin))),
      ),
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

  async #find(identifier: string, origin: OaiOrigin): Promise<repo.OaiRow | undefined> {
    const prefix = `oai:${origin.host}:library/`;
    if (!identifier.startsWith(prefix)) return undefined;
    const id = identifier.slice(prefix.length);
    if (!UUID.test(id)) return undefined;
    return repo.findOne(this.#p.db, id);
  }

  #header(row: repo.OaiRow, origin: OaiOrigin) {
    return {
      identifier: `oai:${origin.host}:library/${row.id}`,
      datestamp: new Date(row.updated_at),
      deleted: row.deleted,
      setSpecs: [],
    };
  }

  async #record(row: repo.OaiRow, origin: OaiOrigin): Promise<string> {
    return record(this.#header(row, origin), row.deleted ? null : await this.#dublinCore(row, origin));
  }

  /** The library's Dublin Core mapping of the published face (as the resource's own page shows it). */
  async #dublinCore(row: repo.OaiRow, origin: OaiOrigin): Promise<DublinCore> {
    const [ref, school] = await Promise.all([this.#ref.get(), this.#schools.facts(row.school_id)]);
    const licence = ref.licences.find((l) => l.code === row.licence_code);
    return toDublinCore({
      id: row.id,
      title: row.title,
      description: row.description,
      keywords: row.keywords,
      authors: row.authors,
      subjectNames: row.subjects.map((c) => ref.subjects.find((s) => s.code === c)?.nameVi ?? c),
      levelNames: row.levels.map((l) => LEVEL_NAMES[l as keyof typeof LEVEL_NAMES] ?? l),
      grades: row.grades,
      kind: row.kind,
      contentType: row.content_type,
      url: row.url,
      schoolName: school?.name ?? '',
      languageCode: row.language_code,
      licenceName: licence?.nameVi ?? row.licence_code,
      licenceUrl: licence?.url ?? null,
      publishedAt: row.published_at ? new Date(row.published_at) : null,
      createdAt: new Date(row.created_at),
      baseUrl: origin.site,
    });
  }
}
