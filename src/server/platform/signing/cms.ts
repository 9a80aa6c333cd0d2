import { createHash } from 'node:crypto';
import {
  child,
  children,
  content,
  contextTag,
  type DerNode,
  derNull,
  integer,
  octetString,
  oid,
  raw,
  readNode,
  readOid,
  sequence,
  setOf,
  TAG,
  tlv,
} from './der.ts';
import { certificateFields } from './x509-fields.ts';

/**
 * CMS SignedData (RFC 5652) in the CAdES baseline form PAdES-B-B asks for (ETSI EN 319 142-1
 * §6.3, ETSI EN 319 122-1 §5.1): detached content, signed attributes content-type,
 * message-digest and ESS signing-certificate-v2 (RFC 5035), and no signing-time attribute
 * (PAdES puts the claimed time in the signature dictionary's /M instead).
 */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/** Digest algorithms a verifier accepts, by OID, as node:crypto names. */
export const DIGESTS: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

export interface CadesSignInput {
  /** SHA-256 of the signed bytes (a PDF's ByteRange). */
  digest: Uint8Array;
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** Further certificates to embed (intermediate and root CA), DER. */
  chain: readonly Uint8Array[];
  /** RSA PKCS#1 v1.5 signature with SHA-256 of the given bytes. */
  sign: (data: Uint8Array) => Uint8Array;
}

const algorithm = (id: string, withNull: boolean) => (withNull ? sequence(oid(id), derNull()) : sequence(oid(id)));
const attribute = (type: string, value: Uint8Array) => sequence(oid(type), setOf([value]));

/** ESS SigningCertificateV2 with one ESSCertIDv2 (SHA-256 is the default, so no hashAlgorithm). */
function signingCertificateV2(cert: Uint8Array): Uint8Array {
  const { issuer, serial } = certificateFields(cert);
  const hash = createHash('sha256').update(cert).digest();
  const issuerSerial = sequence(sequence(tlv(contextTag(4), issuer)), serial);
  return sequence(sequence(sequence(octetString(hash), issuerSerial)));
}

/** A DER ContentInfo holding a detached CAdES-B-B SignedData over `digest`. */
export function buildCadesSignedData(input: CadesSignInput): Uint8Array {
  const { issuer, serial } = certificateFields(input.certificate);
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(input.digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.certificate)),
  ];
  // The signature covers the attributes encoded as a SET OF (RFC 5652 §5.4); they travel as [0] IMPLICIT.
  const signedAttrs = setOf(attrs);
  const signature = input.sign(signedAttrs);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serial),
    algorithm(OID.sha256, false),
    setOf(attrs, contextTag(0)),
    algorithm(OID.sha256WithRsa, true),
    octetString(signature),
  );
  const signedData = sequence(
    integer(1),
    setOf([algorithm(OID.sha256, false)]),
    sequence(oid(OID.data)),
    setOf([input.certificate, ...input.chain], contextTag(0)),
    setOf([signerInfo]),
  );
  return sequence(oid(OID.signedData), tlv(contextTag(0), signedData));
}

/** What a verifier needs from the (first) signer info of a SignedData. */
export interface ParsedSignerInfo {
  certificates: Uint8Array[];
  issuer: Uint8Array;
  serial: Uint8Array;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** The signed attributes re-tagged as SET OF: the bytes the signature covers. */
  signedAttrs: Uint8Array;
  contentType: string | undefined;
  messageDigest: Uint8Array | undefined;
  /** certHash of the first ESSCertIDv2 and its hash algorithm, when the attribute is present. */
  signingCertificateV2: { hashAlgorithm: string; hash: Uint8Array } | undefined;
}

/** Parses a DER ContentInfo of type SignedData; trailing zero padding is ignored. */
export function parseSignedData(bytes: Uint8Array): ParsedSignerInfo {
  const info = readNode(bytes);
  if (readOid(child(info, 0, TAG.OID)) !== OID.signedData) throw new Error('CMS: not a SignedData');
  const signedData = child(child(info, 1, contextTag(0)), 0, TAG.SEQUENCE);
  const parts = children(signedData);
  const certificates = parts.find((p) => p.tag === contextTag(0));
  const signerInfos = parts.at(-1);
  if (!signerInfos || signerInfos.tag !== TAG.SET) throw new Error('CMS: no signer infos');
  const signer = children(signerInfos)[0];
  if (!signer) throw new Error('CMS: no signer info');
  const [, sid, digestAlg, ...rest] = children(signer);
  if (!sid || sid.tag !== TAG.SEQUENCE || !digestAlg) throw new Error('CMS: only issuerAndSerialNumber signers');
  const attrsNode = rest[0]?.tag === contextTag(0) ? rest.shift() : undefined;
  const [signatureAlg, signature] = rest;
  if (!signatureAlg || !signature || signature.tag !== TAG.OCTET_STRING) throw new Error('CMS: malformed signer info');
  const attrs = attrsNode ? readAttributes(attrsNode) : new Map<string, DerNode>();
  const digestAttr = attrs.get(OID.messageDigest);
  const ctAttr = attrs.get(OID.contentType);
  return {
    certificates: certificates ? children(certificates).map((c) => raw(c).slice()) : [],
    issuer: raw(child(sid, 0)),
    serial: raw(child(sid, 1, TAG.INTEGER)),
    digestAlgorithm: readOid(child(digestAlg, 0, TAG.OID)),
    signatureAlgorithm: readOid(child(signatureAlg, 0, TAG.OID)),
    signature: content(signature),
    signedAttrs: attrsNode ? retagAsSet(attrsNode) : new Uint8Array(0),
    contentType: ctAttr ? readOid(ctAttr) : undefined,
    messageDigest: digestAttr ? content(digestAttr) : undefined,
    signingCertificateV2: readEssCertId(attrs.get(OID.signingCertificateV2)),
  };
}

/** First value of each attribute, by type. */
function readAttributes(node: DerNode): Map<string, DerNode> {
  const map = new Map<string, DerNode>();
  for (const attr of children(node)) {
    const [type, values] = children(attr);
    const first = values ? children(values)[0] : undefined;
    if (type && first) map.set(readOid(type), first);
  }
  return map;
}

function retagAsSet(node: DerNode): Uint8Array {
  const copy = raw(node).slice();
  copy[0] = TAG.SET;
  return copy;
}

function readEssCertId(value: DerNode | undefined): ParsedSignerInfo['signingCertificateV2'] {
  if (!value) return undefined;
  const certId = child(child(value, 0, TAG.SEQUENCE), 0, TAG.SEQUENCE);
  const [first, second] = children(certId);
  if (first?.tag === TAG.OCTET_STRING) return { hashAlgorithm: OID.sha256, hash: content(first) };
  if (first?.tag === TAG.SEQUENCE && second?.tag === TAG.OCTET_STRING)
    return { hashAlgorithm: readOid(child(first, 0, TAG.OID)), hash: content(second) };
  throw new Error('CMS: malformed signing-certificate-v2');
}
