import { createHash, verify, X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { DIGESTS, OID, parseSignedData } from './cms.ts';
import { equalBytes, readNode } from './der.ts';
import { signedBytes } from './pdf-placeholder.ts';
import { certificateFields, commonName, formatName } from './x509-fields.ts';

/** The verdict on one signature of a PDF. */
export interface PdfSignatureReport {
  /** /SubFilter of the signature dictionary (ETSI.CAdES.detached for PAdES). */
  subFilter: string | undefined;
  /** The signer certificate's subject ("CN=…, O=…, C=VN"), empty when no certificate was found. */
  signerSubject: string;
  signerCommonName: string;
  /** /M of the signature dictionary: the time the signer claims (PAdES-B-B has no timestamp). */
  signingTime: Date | undefined;
  reason: string | undefined;
  location: string | undefined;
  byteRange: [number, number, number, number];
  /** The hash of the bytes in the ByteRange equals the CMS message-digest attribute. */
  digestMatches: boolean;
  /** The CMS signature verifies with the embedded signer certificate, which the ESS attribute names. */
  signatureValid: boolean;
  /** The ByteRange is the whole file except the Contents string: nothing was appended after signing. */
  coversWholeFile: boolean;
  /** The signer certificate chains to a trust anchor and each link was valid at the signing time. */
  trusted: boolean;
  /** All four checks pass. */
  valid: boolean;
  /** Why a check failed, in English, for logs and staff (the web shows the booleans). */
  problems: string[];
}

export interface VerifyOptions {
  /** The trust list (the Sở's CA, the national root; the demo CA on a demo install). */
  trustAnchors?: readonly X509Certificate[];
}

const RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Checks every signature of a PDF (ISO 32000-1 §12.8, ETSI EN 319 142-1). Signatures are found
 * by their ByteRange in the raw bytes, so a file pdf-lib cannot parse any more is still judged;
 * the dictionary's texts (/M, /Reason) come from pdf-lib when it can read the file.
 */
export async function verifyPdfSignatures(pdf: Uint8Array, opts: VerifyOptions = {}): Promise<PdfSignatureReport[]> {
  const latin = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
  const dicts = await signatureDictionaries(pdf);
  const reports: PdfSignatureReport[] = [];
  for (const m of latin.matchAll(RANGE)) {
    const range = m.slice(1, 5).map(Number) as PdfSignatureReport['byteRange'];
    reports.push(checkSignature(pdf, latin, range, dicts.get(range.join(' ')), opts.trustAnchors ?? []));
  }
  return reports;
}

interface DictInfo {
  subFilter?: string;
  signingTime?: Date;
  reason?: string;
  location?: string;
}

function checkSignature(
  pdf: Uint8Array,
  latin: string,
  range: PdfSignatureReport['byteRange'],
  dict: DictInfo | undefined,
  anchors: readonly X509Certificate[],
): PdfSignatureReport {
  const problems: string[] = [];
  const report: PdfSignatureReport = {
    subFilter: dict?.subFilter,
    signerSubject: '',
    signerCommonName: '',
    signingTime: dict?.signingTime,
    reason: dict?.reason,
    location: dict?.location,
    byteRange: range,
    digestMatches: false,
    signatureValid: false,
    coversWholeFile: false,
    trusted: false,
    valid: false,
    problems,
  };
  const [a, b, c, d] = range;
  const hole = latin.slice(b, c);
  if (a !== 0 || b > c || c + d > pdf.length || !/^<[0-9a-fA-F]*>$/.test(hole)) {
    problems.push('the ByteRange does not frame a Contents hex string');
    return report;
  }
  report.coversWholeFile = c + d === pdf.length;
  if (!report.coversWholeFile) problems.push(`${pdf.length - (c + d)} bytes were added after signing`);

  try {
    const cmsHex = Buffer.from(hole.slice(1, -1), 'hex');
    const cms = new Uint8Array(cmsHex.subarray(0, readNode(cmsHex).end));
    const info = parseSignedData(cms);
    const hashName = DIGESTS[info.digestAlgorithm];
    if (!hashName) throw new Error(`unsupported digest algorithm ${info.digestAlgorithm}`);

    const hash = createHash(hashName);
    for (const part of signedBytes(pdf, range)) hash.update(part);
    report.digestMatches = !!info.messageDigest && equalBytes(hash.digest(), info.messageDigest);
    if (!report.digestMatches) problems.push('the document changed after signing: digest mismatch');

    const certs = info.certificates.map((der) => ({ der, x509: new X509Certificate(der), f: certificateFields(der) }));
    const signer = certs.find((x) => equalBytes(x.f.serial, info.serial) && equalBytes(x.f.issuer, info.issuer));
    if (!signer) throw new Error('the signer certificate is not embedded');
    report.signerSubject = formatName(signer.f.subject);
    report.signerCommonName = commonName(signer.f.subject);

    const cryptoOk = verify(hashName, info.signedAttrs, signer.x509.publicKey, info.signature);
    const ess = info.signingCertificateV2;
    const essHash = ess ? DIGESTS[ess.hashAlgorithm] : undefined;
    const essOk = !!ess && !!essHash && equalBytes(createHash(essHash).update(signer.der).digest(), ess.hash);
    report.signatureValid = cryptoOk && essOk && info.contentType === OID.data;
    if (!cryptoOk) problems.push('the CMS signature does not verify with the signer certificate');
    if (!essOk) problems.push('signing-certificate-v2 is missing or names another certificate');

    report.trusted = chainsToAnchor(
      signer.x509,
      certs.map((x) => x.x509),
      anchors,
      dict?.signingTime ?? new Date(),
      problems,
    );
  } catch (err) {
    problems.push(`unreadable signature: ${(err as Error).message}`);
  }
  report.valid = report.digestMatches && report.signatureValid && report.coversWholeFile && report.trusted;
  return report;
}

const validAt = (cert: X509Certificate, at: Date) => new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);

/**
 * Walks up from the signer through the embedded certificates until a trust anchor issued (or is)
 * the current one; every certificate on the way must be valid at the signing time. Revocation
 * (CRL/OCSP) is not checked: PAdES-B-B carries no revocation data and the demo CA publishes none.
 */
function chainsToAnchor(
  signer: X509Certificate,
  embedded: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
  problems: string[],
): boolean {
  let current = signer;
  for (let depth = 0; depth < 8; depth++) {
    if (!validAt(current, at)) {
      problems.push(`certificate ${current.subject.split('\n').at(-1)} was not valid at the signing time`);
      return false;
    }
    const issuedBy = (issuer: X509Certificate) => current.checkIssued(issuer) && current.verify(issuer.publicKey);
    if (anchors.some((t) => t.fingerprint256 === current.fingerprint256 || issuedBy(t))) return true;
    const next = embedded.find((x) => x.fingerprint256 !== current.fingerprint256 && issuedBy(x));
    if (!next) break;
    current = next;
  }
  problems.push('the certificate does not chain to a trusted certificate');
  return false;
}

/** Signature dictionaries by their ByteRange, read with pdf-lib (empty when the file does not parse). */
async function signatureDictionaries(pdf: Uint8Array): Promise<Map<string, DictInfo>> {
  const out = new Map<string, DictInfo>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return out;
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Sig')) continue;
    const range = obj.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    if (!range) continue;
    const key = range
      .asArray()
      .map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN))
      .join(' ');
    const str = (name: string) => {
      const v = obj.get(PDFName.of(name));
      return v instanceof PDFString || v instanceof PDFHexString ? v : undefined;
    };
    const subFilter = obj.get(PDFName.of('SubFilter'));
    out.set(key, {
      subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
      signingTime: safe(() => str('M')?.decodeDate()),
      reason: safe(() => str('Reason')?.decodeText()),
      location: safe(() => str('Location')?.decodeText()),
    });
  }
  return out;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
