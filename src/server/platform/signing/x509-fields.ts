import { child, children, content, type DerNode, raw, readNode, readOid, TAG } from './der.ts';

/** The parts of an X.509 certificate (RFC 5280 §4.1) a CMS signer info refers to, as raw DER. */
export interface CertificateFields {
  der: Uint8Array;
  /** The serialNumber INTEGER, whole TLV. */
  serial: Uint8Array;
  /** The issuer Name, whole TLV. */
  issuer: Uint8Array;
  subject: Uint8Array;
}

/** Reads the serial number, issuer and subject of a DER certificate. */
export function certificateFields(der: Uint8Array): CertificateFields {
  const tbs = child(readNode(der), 0, TAG.SEQUENCE);
  const parts = children(tbs);
  // version is [0] EXPLICIT and optional (absent means v1)
  const base = parts[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, , subject] = parts.slice(base);
  if (!serial || !issuer || !subject || serial.tag !== TAG.INTEGER) throw new Error('X.509: malformed certificate');
  return { der, serial: raw(serial), issuer: raw(issuer), subject: raw(subject) };
}

const NAME_KEYS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '1.2.840.113549.1.9.1': 'E',
  // Vietnamese certificates carry the tax code or ID number here ("MST:…", "CCCD:…").
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** Decodes a DirectoryString (UTF8String, PrintableString, BMPString, …) to text. */
function directoryString(node: DerNode): string {
  const b = content(node);
  if (node.tag === TAG.BMP_STRING) {
    let s = '';
    for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return s;
  }
  return new TextDecoder(node.tag === TAG.UTF8_STRING ? 'utf-8' : 'latin1').decode(b);
}

/** The attributes of a Name, in order: `[['C','VN'], ['O','Sở …'], ['CN','…']]`. */
export function nameAttributes(name: Uint8Array): [string, string][] {
  const out: [string, string][] = [];
  for (const rdn of children(readNode(name)))
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (!type || !value) continue;
      const key = readOid(type);
      out.push([NAME_KEYS[key] ?? key, directoryString(value).normalize('NFC')]);
    }
  return out;
}

/** A readable Name, most specific first as in RFC 4514: "CN=…, O=…, C=VN". */
export function formatName(name: Uint8Array): string {
  return nameAttributes(name)
    .reverse()
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** The common name of a Name, or its full form when it has none. */
export function commonName(name: Uint8Array): string {
  return nameAttributes(name).find(([k]) => k === 'CN')?.[1] ?? formatName(name);
}
