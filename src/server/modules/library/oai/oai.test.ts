import { describe, expect, it } from 'vitest';
import { toDublinCore } from '../dublin-core.ts';
import { decodeToken, encodeToken, parseDatestamp, parseRequest } from './oai-args.ts';
import { envelope, errors, oaiDc, record, wellFormednessProblems, xmlEscape } from './oai-xml.ts';

const dc = toDublinCore({
  id: '0b6f1d9e-8a57-4b8e-9d3c-2f1e5a7c9b10',
  title: 'Thí nghiệm ảo <Vật lí> 10 & "rơi tự do"',
  description: 'Mô phỏng\u0001 HTML5',
  keywords: ['gia tốc'],
  authors: ['Lê Thị Mỹ Duyên'],
  subjectNames: ['Vật lí'],
  levelNames: ['Trung học phổ thông'],
  grades: [10],
  kind: 'simulation',
  contentType: 'application/zip',
  url: null,
  schoolName: 'Trường THPT Trần Quốc Tuấn',
  languageCode: 'vi',
  licenceName: 'CC BY 4.0 (Ghi công)',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  publishedAt: new Date('2026-03-01T08:00:00Z'),
  createdAt: new Date('2026-02-01T08:00:00Z'),
  baseUrl: 'https://gds.example.vn',
});

describe('XML', () => {
  it('escapes, normalises to NFC and drops characters XML forbids', () => {
    expect(xmlEscape('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlEscape('Vie\u0323\u0302t\u0000')).toBe('Việt');
    expect(xmlEscape('\uD800x')).toBe('x');
  });

  it('renders a well-formed envelope with oai_dc metadata', () => {
    const xml = envelope({
      responseDate: new Date('2026-11-24T01:02:03.456Z'),
      baseUrl: 'https://gds.example.vn/oai',
      request: { verb: 'GetRecord', identifier: 'oai:gds.example.vn:library/x', metadataPrefix: 'oai_dc' },
      body: `<GetRecord>${record({ identifier: 'oai:gds.example.vn:library/x', datestamp: new Date('2026-03-01T08:00:00.999Z'), deleted: false }, dc)}</GetRecord>`,
    });
    expect(wellFormednessProblems(xml)).toEqual([]);
    expect(xml).toContain('<responseDate>2026-11-24T01:02:03Z</responseDate>');
    expect(xml).toContain('<datestamp>2026-03-01T08:00:00Z</datestamp>');
    expect(xml).toContain('<dc:title>Thí nghiệm ảo &lt;Vật lí&gt; 10 &amp; &quot;rơi tự do&quot;</dc:title>');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('<dc:description>Mô phỏng HTML5</dc:description>');
  });

  it('renders deleted records without metadata, and errors', () => {
    const r = record({ identifier: 'i', datestamp: new Date(0), deleted: true }, dc);
    expect(r).toBe(
      '<record><header status="deleted"><identifier>i</identifier><datestamp>1970-01-01T00:00:00Z</datestamp></header></record>',
    );
    expect(errors([{ code: 'badVerb', message: 'a & b' }])).toBe('<error code="badVerb">a &amp; b</error>');
    expect(wellFormednessProblems(oaiDc(dc))).toEqual([]);
  });

  it('finds what is not well-formed', () => {
    expect(wellFormednessProblems('<a><b></a>')).not.toEqual([]);
    expect(wellFormednessProblems('<a>x & y</a>')).not.toEqual([]);
    expect(wellFormednessProblems('<a x="1" x="2"/>')).not.toEqual([]);
    expect(wellFormednessProblems('<a/><b/>')).not.toEqual([]);
    expect(wellFormednessProblems('<a>&amp;&#233;</a>')).toEqual([]);
  });
});

describe('arguments', () => {
  it('parses datestamps at both granularities and refuses impossible ones', () => {
    expect(parseDatestamp('2026-02-28')).toEqual({ at: new Date('2026-02-28T00:00:00Z'), day: true });
    expect(parseDatestamp('2026-02-28T23:59:59Z')?.day).toBe(false);
    expect(parseDatestamp('2026-02-30')).toBeNull();
    expect(parseDatestamp('2026-02-28T10:00:00')).toBeNull();
    expect(parseDatestamp('2026-02-28T10:00:00+07:00')).toBeNull();
  });

  it('checks verbs and arguments', () => {
    const code = (a: Record<string, string | string[]>) => {
      const p = parseRequest(a);
      return p.ok ? 'ok' : p.errors[0]!.code;
    };
    expect(code({})).toBe('badVerb');
    expect(code({ verb: 'Nope' })).toBe('badVerb');
    expect(code({ verb: ['Identify', 'Identify'] })).toBe('badVerb');
    expect(code({ verb: 'Identify' })).toBe('ok');
    expect(code({ verb: 'Identify', x: '1' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'marc' })).toBe('cannotDisseminateFormat');
    expect(
      code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-01-01', until: '2026-01-02T00:00:00Z' }),
    ).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-01-02', until: '2026-01-01' })).toBe(
      'badArgument',
    );
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-01-01', until: '2026-01-01' })).toBe('ok');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'subject:toan' })).toBe('noSetHierarchy');
    expect(code({ verb: 'ListRecords', resumptionToken: 'x', metadataPrefix: 'oai_dc' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', resumptionToken: 'garbage!' })).toBe('badResumptionToken');
    expect(code({ verb: 'GetRecord', identifier: 'x' })).toBe('badArgument');
    const p = parseRequest({ verb: 'Identify', x: '1' });
    expect(p.echo).toEqual({});
  });

  it('turns until into an exclusive bound of its granularity', () => {
    const p = parseRequest({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', until: '2026-01-01' });
    expect(p.ok && p.request.verb === 'ListIdentifiers' && p.request.state.until).toBe('2026-01-02T00:00:00.000Z');
  });

  it('round-trips resumption tokens and refuses tampered ones', () => {
    const s = {
      metadataPrefix: 'oai_dc',
      from: '2026-01-01T00:00:00.000Z',
      until: null,
      after: { at: '2026-03-01T08:00:00.123456Z', id: '0b6f1d9e-8a57-4b8e-9d3c-2f1e5a7c9b10' },
      cursor: 100,
    };
    const t = encodeToken(s);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeToken(t)).toEqual(s);
    const bad = Buffer.from(JSON.stringify({ m: 'oai_dc', f: null, u: null, a: 'x', i: 'y', c: 1 })).toString(
      'base64url',
    );
    expect(decodeToken(bad)).toBeNull();
    expect(decodeToken('')).toBeNull();
  });
});
