import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryServices } from '../../src/server/modules/library/library.module.ts';
import { wellFormednessProblems } from '../../src/server/modules/library/oai/oai-xml.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { ResourceCreate } from '../../src/shared/library.schema.ts';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The OAI-PMH 2.0 endpoint of the learning library (issue 4 item 7): Identify, a harvest of
 * 150+ published public resources paged with resumption tokens, GetRecord, a school-only
 * resource and a draft never shown, a taken-down resource as a deleted record, and every
 * error code. Every response is checked for well-formedness and the protocol's envelope.
 */
let ctx: TestContext;
let schoolId = '';
const actor = systemActor('test');
const PUBLISHED = 155;
const ids = { first: '', school: '', draft: '', takenDown: '' };

async function oai(query: string, method: 'GET' | 'POST' = 'GET') {
  const r =
    method === 'GET'
      ? await ctx.app.inject(`/oai?${query}`)
      : await ctx.app.inject({
          method: 'POST',
          url: '/oai',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: query,
        });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toContain('text/xml');
  const xml = r.body;
  expect(wellFormednessProblems(xml)).toEqual([]);
  expect(xml).toMatch(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<OAI-PMH xmlns="http:\/\/www\.openarchives\.org\/OAI\/2\.0\/"/,
  );
  expect(xml).toContain(
    'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"',
  );
  expect(xml).toMatch(/<responseDate>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/responseDate>/);
  expect(xml).toMatch(/<request[^>]*>http:\/\/[^<]+\/oai<\/request>/);
  return xml;
}

const errorCode = (xml: string) => /<error code="([^"]+)"/.exec(xml)?.[1];
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]!);

async function publish(title: string, visibility: 'public' | 'school', steps = ['submit', 'start_review', 'publish']) {
  const s = libraryServices(ctx.platform).resources;
  let r = await s.create(
    actor,
    ResourceCreate.parse({
      kind: 'link',
      title,
      description: 'Học liệu mở cho học sinh lớp 10 & giáo viên <Vật lí>.',
      keywords: ['rơi tự do'],
      levels: ['thpt'],
      grades: [10],
      subjects: ['vat_li'],
      authors: ['Lê Thị Mỹ Duyên'],
      licenceCode: 'cc_by',
      visibility,
      schoolId,
      version: { url: `https://example.org/${encodeURIComponent(title)}` },
    }),
  );
  for (const action of steps)
    r = await s.act(actor, r.id, {
      action: action as never,
      expectedVersion: r.version,
      comment: action === 'take_down' ? 'Vi phạm bản quyền' : undefined,
    });
  return r.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const teacher = await login(ctx, 'gv.tranquoctuan');
  schoolId = (await teacher.get('/api/auth/me')).body.user.grants[0].unitId as string;
  ids.first = await publish('Thí nghiệm ảo Vật lí 10 – bài 0', 'public');
  for (let i = 1; i < PUBLISHED; i += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, PUBLISHED - i) }, (_, k) =>
        publish(`Thí nghiệm ảo Vật lí 10 – bài ${i + k}`, 'public'),
      ),
    );
  ids.school = await publish('Tài liệu nội bộ của trường', 'school');
  ids.draft = await publish('Bản nháp chưa gửi', 'public', []);
  ids.takenDown = await publish('Học liệu đã gỡ', 'public', ['submit', 'start_review', 'publish', 'take_down']);
}, 120_000);
afterAll(() => ctx.close());

const idOf = (uuid: string, xml: string) => {
  const m = new RegExp(`<identifier>(oai:[^:<]+:library/${uuid})</identifier>`).exec(xml);
  return m?.[1];
};

describe('OAI-PMH', () => {
  it('Identify', async () => {
    const xml = await oai('verb=Identify');
    expect(xml).toContain('<request verb="Identify">');
    expect(xml).toContain('<protocolVersion>2.0</protocolVersion>');
    expect(xml).toContain('<deletedRecord>transient</deletedRecord>');
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(xml).toMatch(/<baseURL>http:\/\/[^<]+\/oai<\/baseURL>/);
    expect(xml).toMatch(/<adminEmail>[^<]+@[^<]+<\/adminEmail>/);
    expect(xml).toMatch(/<earliestDatestamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/earliestDatestamp>/);
    expect(xml).toContain('<repositoryName>Kho học liệu số – giaoducso</repositoryName>');
  });

  it('ListMetadataFormats offers oai_dc', async () => {
    const xml = await oai('verb=ListMetadataFormats');
    expect(xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(xml).toContain('<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace>');
  });

  it('ListRecords pages through every public published resource with resumption tokens', async () => {
    let xml = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    const seen: string[] = [];
    const deleted: string[] = [];
    const cursors: string[] = [];
    for (let pages = 0; pages < 10; pages++) {
      seen.push(...all(xml, /<identifier>oai:[^:<]+:library\/([0-9a-f-]{36})<\/identifier>/g));
      deleted.push(...all(xml, /<header status="deleted"><identifier>oai:[^:<]+:library\/([0-9a-f-]{36})</g));
      const t = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)">([^<]*)<\/resumptionToken>/.exec(xml);
      expect(t).not.toBeNull();
      expect(t![1]).toBe(String(PUBLISHED + 1));
      cursors.push(t![2]!);
      if (t![3] === '') break;
      xml = await oai(`verb=ListRecords&resumptionToken=${t![3]}`);
      expect(xml).toContain(`<request verb="ListRecords" resumptionToken="${t![3]}">`);
    }
    expect(cursors).toEqual(['0', '100']);
    expect(seen).toHaveLength(PUBLISHED + 1);
    expect(new Set(seen).size).toBe(PUBLISHED + 1);
    expect(seen).toContain(ids.first);
    expect(seen).not.toContain(ids.school);
    expect(seen).not.toContain(ids.draft);
    expect(deleted).toEqual([ids.takenDown]);
  });

  it('ListIdentifiers by POST, and from/until', async () => {
    const xml = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01', 'POST');
    expect(all(xml, /<header(?: status="deleted")?>/g)).toHaveLength(100);
    expect(xml).not.toContain('<metadata>');
    expect(errorCode(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z'))).toBe(
      'noRecordsMatch',
    );
    const day = new Date().toISOString().slice(0, 10);
    const today = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${day}&until=${day}`);
    expect(/completeListSize="(\d+)"/.exec(today)?.[1]).toBe(String(PUBLISHED + 1));
  });

  it('GetRecord of a public resource in oai_dc, taken-down as deleted, school-only absent', async () => {
    const list = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    const identifier = idOf(ids.first, list)!;
    expect(identifier).toMatch(new RegExp(`^oai:[^:]+:library/${ids.first}$`));
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier)}`);
    expect(xml).toContain(`<request verb="GetRecord" metadataPrefix="oai_dc" identifier="${identifier}">`);
    expect(xml).toContain('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('<dc:title>Thí nghiệm ảo Vật lí 10 – bài 0</dc:title>');
    expect(xml).toContain(
      '<dc:description>Học liệu mở cho học sinh lớp 10 &amp; giáo viên &lt;Vật lí&gt;.</dc:description>',
    );
    expect(xml).toContain('<dc:creator>Lê Thị Mỹ Duyên</dc:creator>');
    expect(xml).toContain('<dc:subject>Vật lí</dc:subject>');
    expect(xml).toContain('<dc:type>InteractiveResource</dc:type>');
    expect(xml).toContain('<dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>');
    expect(xml).toContain('<dc:language>vi</dc:language>');
    expect(xml).toMatch(new RegExp(`<dc:identifier>http://[^<]+/library/resources/${ids.first}</dc:identifier>`));

    const prefix = identifier.slice(0, identifier.lastIndexOf('/') + 1);
    const gone = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${prefix}${ids.takenDown}`);
    expect(gone).toMatch(
      /<header status="deleted"><identifier>[^<]+<\/identifier><datestamp>[^<]+<\/datestamp><\/header>/,
    );
    expect(gone).not.toContain('<metadata>');
    for (const hidden of [ids.school, ids.draft])
      expect(errorCode(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${prefix}${hidden}`))).toBe(
        'idDoesNotExist',
      );
  });

  it('answers each error code', async () => {
    const cases: [string, string][] = [
      ['', 'badVerb'],
      ['verb=Harvest', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&extra=1', 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-01T00:00:00Z', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=GetRecord&identifier=x', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      [`verb=GetRecord&metadataPrefix=marc21&identifier=oai:localhost:library/${ids.first}`, 'cannotDisseminateFormat'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:library/nope', 'idDoesNotExist'],
      ['verb=ListMetadataFormats&identifier=oai:elsewhere:library/1', 'idDoesNotExist'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-12-31', 'noRecordsMatch'],
      ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
      ['verb=ListSets', 'noSetHierarchy'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=subject:vat_li', 'noSetHierarchy'],
    ];
    for (const [q, code] of cases) {
      const xml = await oai(q);
      expect([q, errorCode(xml)]).toEqual([q, code]);
      if (code === 'badVerb' || code === 'badArgument') expect(xml).toMatch(/<request>[^<]+<\/request>/);
    }
  });
});
