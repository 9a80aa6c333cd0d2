import { createHash } from 'node:crypto';
import { PDFArray, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * What PDF/A-2b (ISO 19005-2, adopted as TCVN 14159) asks of a file beyond embedded fonts:
 * an OutputIntent with an ICC profile, XMP metadata agreeing with the document information
 * dictionary, a file identifier in the trailer; no JavaScript, no encryption (pdf-lib writes
 * neither). Candidate for platform/pdf once a second module needs it.
 */

/**
 * sRGB (IEC 61966-2-1) as a 480-byte ICC v4.2 display profile: "sRGB-v4.icc" of Clinton Ingram's
 * Compact ICC Profiles, dedicated to the public domain (its copyright tag reads "CC0"), the sRGB
 * profile libvips embeds (extracted from sharp's `withIccProfile('srgb')`).
 * SHA-256 c56e1685d888f5edb92fe07f2750f387f8fe8e91b32ff8fb0b56bfbbb9458353.
 */
const SRGB_ICC_BASE64 =
  'AAAB4GxjbXMEIAAAbW50clJHQiBYWVogB+IAAwAUAAkADgAdYWNzcE1TRlQAAAAAc2F3c2N0cmwAAAAAAAAAAAAAAAAAAPbWAAEAAAAA0y1oYW5keem/Vlo+AbaDI4VVRvdPqgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKZGVzYwAAAPwAAAAkY3BydAAAASAAAAAid3RwdAAAAUQAAAAUY2hhZAAAAVgAAAAsclhZWgAAAYQAAAAUZ1hZWgAAAZgAAAAUYlhZWgAAAawAAAAUclRSQwAAAcAAAAAgZ1RSQwAAAcAAAAAgYlRSQwAAAcAAAAAgbWx1YwAAAAAAAAABAAAADGVuVVMAAAAIAAAAHABzAFIARwBCbWx1YwAAAAAAAAABAAAADGVuVVMAAAAGAAAAHABDAEMAMAAAWFlaIAAAAAAAAPbWAAEAAAAA0y1zZjMyAAAAAAABDD8AAAXd///zJgAAB5AAAP2S///7of///aIAAAPcAADAcVhZWiAAAAAAAABvoAAAOPIAAAOPWFlaIAAAAAAAAGKWAAC3iQAAGNpYWVogAAAAAAAAJKAAAA+FAAC2xHBhcmEAAAAAAAMAAAACZmkAAPKnAAANWQAAE9AAAApb';

export const SRGB_ICC: Uint8Array = new Uint8Array(Buffer.from(SRGB_ICC_BASE64, 'base64'));

export interface PdfaMetadata {
  title: string;
  author: string;
  subject: string;
  creatorTool: string;
  producer: string;
  createdAt: Date;
  language: string;
}

const xml = (s: string) =>
  s.normalize('NFC').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** ISO 8601 to the second, in UTC: the same instant as the information dictionary's D:…Z dates. */
const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** The XMP packet (ISO 16684-1) with Dublin Core, XMP basic, PDF and PDF/A identification schemas. */
export function xmpPacket(m: PdfaMetadata): string {
  const at = xmpDate(m.createdAt);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(m.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${xml(m.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${at}</xmp:CreateDate>
   <xmp:ModifyDate>${at}</xmp:ModifyDate>
   <xmp:MetadataDate>${at}</xmp:MetadataDate>
   <pdf:Producer>${xml(m.producer)}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Sets the information dictionary and the matching XMP metadata (unfiltered, as PDF/A wants
 * it readable without decoding), the sRGB OutputIntent, and a trailer /ID derived from the
 * metadata so the same input gives the same file.
 */
export function applyPdfa(doc: PDFDocument, meta: PdfaMetadata): void {
  // Whole seconds, so the XMP dates equal the information dictionary's.
  const m = { ...meta, createdAt: new Date(Math.floor(meta.createdAt.getTime() / 1000) * 1000) };
  doc.setTitle(m.title.normalize('NFC'), { showInWindowTitleBar: true });
  doc.setAuthor(m.author.normalize('NFC'));
  doc.setSubject(m.subject.normalize('NFC'));
  doc.setCreator(m.creatorTool);
  doc.setProducer(m.producer);
  doc.setLanguage(m.language);
  doc.setCreationDate(m.createdAt);
  doc.setModificationDate(m.createdAt);
  const ctx = doc.context;
  const packet = xmpPacket(m);
  const metadata = ctx.stream(new TextEncoder().encode(packet), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));

  const icc = ctx.register(ctx.stream(SRGB_ICC, { N: 3 }));
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: icc,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));

  const id = PDFHexString.of(createHash('sha256').update(packet).digest('hex').slice(0, 32));
  const ids = PDFArray.withContext(ctx);
  ids.push(id);
  ids.push(id);
  ctx.trailerInfo.ID = ids;
}
