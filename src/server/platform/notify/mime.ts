import { randomUUID } from 'node:crypto';

/** Bytes of UTF-8 per encoded word: 45 bytes → 60 base64 characters, 72 with the wrapper (≤ 75, RFC 2047 §2). */
const WORD_BYTES = 45;

/**
 * A header value as RFC 2047 "B" encoded words when it is not plain printable ASCII
 * (a Vietnamese subject). Words never split a character (§5: each word must decode on its own),
 * and are folded onto continuation lines (RFC 5322 §2.2.3).
 */
export function encodeHeaderValue(value: string): string {
  const text = value.normalize('NFC').replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An address fit for SMTP and headers: one mailbox, no spaces, brackets, CR or LF. */
export function isSafeAddress(address: string): boolean {
  return /^[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+\.[^\s<>()[\]\\,;:"@]+$/.test(address) && address.length <= 254;
}

/** "Name <addr>" or "addr" → the bare address. */
export function addressOf(mailbox: string): string {
  const m = /<([^>]+)>\s*$/.exec(mailbox);
  return (m ? m[1]! : mailbox).trim();
}

/** "Name <addr>" with a non-ASCII display name encoded (RFC 2047 §5(3)). */
export function formatMailbox(mailbox: string): string {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailbox);
  if (!m?.[1]) return addressOf(mailbox);
  const name = m[1].replace(/^"|"$/g, '');
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '')}"` : encodeHeaderValue(name);
  return `${display} <${m[2]}>`;
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/**
 * A complete RFC 5322 message: a text/plain UTF-8 body in base64 (safe through any relay, no
 * dot-stuffing needed, no line-length limit to mind), CRLF line endings throughout.
 */
export function buildMessage(m: { from: string; to: string; subject: string; text: string; date?: Date }): string {
  const domain = addressOf(m.from).split('@')[1] ?? 'localhost';
  const body = Buffer.from(m.text.normalize('NFC').replace(/\r?\n/g, '\r\n'), 'utf8');
  const headers = [
    `From: ${formatMailbox(m.from)}`,
    `To: ${m.to}`,
    `Subject: ${encodeHeaderValue(m.subject)}`,
    `Date: ${(m.date ?? new Date()).toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${base64Lines(body)}\r\n`;
}

/** SMTP DATA transparency (RFC 5321 §4.5.2): a line starting with "." gets another "." */
export function dotStuff(message: string): string {
  return message.replace(/(^|\r\n)\./g, '$1..');
}
