import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/** What the signature dictionary says about the signing (ISO 32000-1 §12.8.1, Table 252). */
export interface SignatureInfo {
  reason: string;
  location: string;
  /** The signer's name as shown by viewers; the certificate is the authority. */
  signerName: string;
  /** The claimed signing time (/M): PAdES-B-B carries it here, not in the CMS. */
  signedAt: Date;
}

/** A PDF with an empty signature, and where its ByteRange and Contents are. */
export interface PreparedPdf {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
}

/** Wide enough for any file offset (10 digits: up to 9.3 GB). */
const RANGE_PLACEHOLDER = 9_999_999_999;

const text = (s: string) => PDFHexString.fromText(s.normalize('NFC'));

/**
 * Adds a signature field whose value is a `/Type /Sig` dictionary with
 * `/SubFilter /ETSI.CAdES.detached` (PAdES, ETSI EN 319 142-1 §5.3), an invisible widget on the
 * first page (printable, zero-size: PDF/A asks no appearance of it) and `/SigFlags 3` (signatures
 * exist, append only), then writes the whole file with a hole of `contentsBytes` zero bytes for
 * the CMS and computes the ByteRange over everything but that hole.
 * Text entries are UTF-16BE (PDFHexString.fromText) so Vietnamese names survive.
 */
export async function preparePdfForSigning(
  pdf: Uint8Array,
  info: SignatureInfo,
  contentsBytes: number,
): Promise<PreparedPdf> {
  // updateMetadata: false keeps the document information consistent with its XMP metadata (PDF/A).
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const page = doc.getPages()[0];
  if (!page) throw new Error('PDF without pages cannot be signed');

  const placeholder = PDFArray.withContext(ctx);
  for (const n of [0, RANGE_PLACEHOLDER, RANGE_PLACEHOLDER, RANGE_PLACEHOLDER]) placeholder.push(PDFNumber.of(n));
  const sigRef = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: placeholder,
      Contents: PDFHexString.of('00'.repeat(contentsBytes)),
      M: PDFString.fromDate(info.signedAt),
      Name: text(info.signerName),
      Reason: text(info.reason),
      Location: text(info.location),
    }),
  );

  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = ctx.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
  }
  let fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = ctx.obj([]);
    form.set(PDFName.of('Fields'), fields);
  }
  const appearance = ctx.register(ctx.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: sigRef,
      T: PDFString.of(`Signature${fields.size() + 1}`),
      F: 4, // Print
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  fields.push(widget);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(widget);
  page.node.set(PDFName.of('Annots'), annots);

  // No object streams: the signature dictionary must be a plain object we can find and patch.
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return fillByteRange(bytes, contentsBytes);
}

function fillByteRange(bytes: Uint8Array, contentsBytes: number): PreparedPdf {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  // pdf-lib writes arrays as `[ 0 1 2 ]`.
  const rangeText = `[ 0 ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ]`;
  const rangeAt = latin.indexOf(rangeText);
  const holeAt = latin.indexOf(`<${'0'.repeat(contentsBytes * 2)}>`, rangeAt);
  if (rangeAt < 0 || holeAt < 0) throw new Error('signature placeholder not found in the saved PDF');
  const holeEnd = holeAt + contentsBytes * 2 + 2;
  const byteRange: PreparedPdf['byteRange'] = [0, holeAt, holeEnd, bytes.length - holeEnd];
  const filled = `[ ${byteRange.join(' ')}`.padEnd(rangeText.length - 1, ' ').concat(']');
  bytes.set(Buffer.from(filled, 'latin1'), rangeAt);
  return { bytes, byteRange };
}

/** Writes the CMS (hex, zero-padded) into the hole left by preparePdfForSigning. */
export function embedSignature(prepared: PreparedPdf, cms: Uint8Array): Uint8Array {
  const [, holeAt, holeEnd] = prepared.byteRange;
  const room = (holeEnd - holeAt - 2) / 2;
  if (cms.length > room) throw new Error(`signature of ${cms.length} bytes does not fit the ${room}-byte placeholder`);
  const out = prepared.bytes.slice();
  out.set(Buffer.from(Buffer.from(cms).toString('hex'), 'latin1'), holeAt + 1);
  return out;
}

/** The bytes a signature covers: the file minus the Contents hole. */
export function signedBytes(pdf: Uint8Array, byteRange: readonly number[]): Uint8Array[] {
  const [a = 0, b = 0, c = 0, d = 0] = byteRange;
  return [pdf.subarray(a, a + b), pdf.subarray(c, c + d)];
}
