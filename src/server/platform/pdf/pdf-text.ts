import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

/**
 * The text of a PDF made by renderPdf (pdf-writer.ts), one string per text object (a drawn
 * line), read back through each font's ToUnicode map: what a screen reader, a copy-paste or a
 * search in the PDF viewer gets. For tests and checks, not a general PDF text extractor: it
 * reads `<hex> Tj` strings of Identity-H fonts, which is what pdf-lib writes.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'));
    if (fontDict instanceof PDFDict)
      for (const [name, ref] of fontDict.entries()) {
        const font = doc.context.lookup(ref);
        if (font instanceof PDFDict) fonts.set(name.asString(), toUnicodeMap(doc, font.get(PDFName.of('ToUnicode'))));
      }
    for (const content of contentStreams(doc, page.node.Contents())) lines.push(...showText(content, fonts));
  }
  return lines;
}

function streamText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const s = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (!(s instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
}

function contentStreams(doc: PDFDocument, contents: PDFObject | undefined): string[] {
  if (contents instanceof PDFArray) return contents.asArray().map((c) => streamText(doc, c));
  return [streamText(doc, contents)];
}

/** `<glyph> <utf-16be>` pairs of a bfchar section. */
function toUnicodeMap(doc: PDFDocument, obj: PDFObject | undefined): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of streamText(doc, obj).matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>/g)) {
    const units = m[2]!.match(/.{4}/g)!.map((h) => Number.parseInt(h, 16));
    map.set(Number.parseInt(m[1]!, 16), String.fromCharCode(...units));
  }
  return map;
}

function showText(content: string, fonts: Map<string, Map<number, string>>): string[] {
  const out: string[] = [];
  let current: Map<number, string> | undefined;
  let line = '';
  for (const m of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\b(BT|ET)\b/g)) {
    if (m[1] !== undefined) current = fonts.get(`/${m[1]}`);
    else if (m[2] !== undefined)
      line += (m[2].match(/.{4}/g) ?? []).map((h) => current?.get(Number.parseInt(h, 16)) ?? '\uFFFD').join('');
    else if (m[3] === 'ET' && line) {
      out.push(line);
      line = '';
    }
  }
  if (line) out.push(line);
  return out;
}
