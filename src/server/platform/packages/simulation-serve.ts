import type { FastifyReply } from 'fastify';
import { openSimulation, type SimulationArchive } from './simulation-zip.ts';
import { readZipEntry } from './zip-reader.ts';

/**
 * Headers that turn a simulation member into a sandboxed document (issue 4 item 1: "served
 * sandboxed in an iframe … with a strict CSP"), directive by directive:
 *
 * - `sandbox allow-scripts allow-pointer-lock` (CSP3 §6.3.2, HTML "sandboxing flag set"): the
 *   page runs scripts but, without `allow-same-origin`, in an opaque origin: it cannot read
 *   the platform's cookies or storage, and a request it makes is cross-origin, so it cannot
 *   call the platform's API as the signed-in teacher. Without `allow-forms`, `allow-popups`,
 *   `allow-top-navigation`, `allow-modals` and `allow-downloads` it cannot post forms, open
 *   windows, navigate the platform's page away or pop dialogs. Pointer lock is for 3D labs.
 *   The header sandboxes the page even when it is opened directly rather than in the iframe.
 * - `default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:`: simulations are authors'
 *   code, often exported by tools that inline scripts and use eval (Emscripten, game engines);
 *   the sandbox, not the script list, is the boundary. Loads come only from this host (the
 *   zip's own members), data: and blob: URLs: no CDN, no tracker, so it also runs on a school
 *   network without internet access.
 * - `connect-src 'none'`: no fetch, XHR, WebSocket, EventSource or beacon, even to this host:
 *   nothing typed into a simulation leaves the browser. The limit: a simulation that fetches
 *   its own JSON files fails (it must inline its data or load it as a script).
 * - `frame-ancestors 'self'`: only the platform's own pages may frame it (no clickjacking, no
 *   hot-linking from other sites).
 */
export const SIMULATION_CSP =
  "sandbox allow-scripts allow-pointer-lock; default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src 'none'; frame-ancestors 'self'";

export interface ServeSimulationOptions {
  /** Cache-Control; the default lets the browser keep a member for a day, privately (visibility rules). */
  cacheControl?: string;
  /** The zip's SHA-256, to make ETags that change when the zip does. */
  zipSha256?: string;
}

/**
 * The member path asked for, relative to the simulation's root: leading slashes, empty and
 * `.` segments dropped, '' and folders mean their index.html; null when a `..` segment,
 * a backslash or a control character could reach outside the simulation.
 */
export function normaliseMemberPath(requested: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (requested.includes('\\') || /[\u0000-\u001f\u007f]/.test(requested)) return null;
  const parts = requested.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return null;
  const path = parts.join('/').normalize('NFC');
  return path === '' || requested.endsWith('/') ? `${path}${path ? '/' : ''}index.html` : path;
}

/**
 * Answers one member of a simulation zip with its MIME type and the sandboxing headers; 404
 * for a path that is not a member (or not of an allowed type). Only that member is inflated,
 * but the zip is in memory: pass a `SimulationArchive` (from `openSimulation`, kept per zip)
 * to skip re-reading the directory on every request. The limit: the whole zip is read from
 * storage into memory (200 MiB at most by the default limits); reading the central directory
 * and one member by byte ranges of the stored file is the step after. No byte ranges are
 * answered either, so a long video inside a simulation plays but cannot seek before it loads.
 */
export async function serveSimulationEntry(
  reply: FastifyReply,
  source: Uint8Array | SimulationArchive,
  requestedPath: string,
  options: ServeSimulationOptions = {},
): Promise<FastifyReply> {
  const archive = source instanceof Uint8Array ? openSimulation(source).archive : source;
  const path = normaliseMemberPath(requestedPath);
  const member = path === null ? undefined : archive.members.get(path);
  if (!member) {
    return reply
      .code(404)
      .header('content-security-policy', SIMULATION_CSP)
      .header('x-content-type-options', 'nosniff')
      .type('text/plain; charset=utf-8')
      .send('Không tìm thấy tệp / Not found');
  }
  const { entry, mime } = member;
  const etag = `"${options.zipSha256 ? `${options.zipSha256.slice(0, 16)}-` : ''}${entry.crc32.toString(16)}-${entry.size.toString(16)}"`;
  reply
    .header('content-security-policy', SIMULATION_CSP)
    .header('x-content-type-options', 'nosniff')
    // Not `same-origin`: the sandboxed page has an opaque origin, so its own scripts and images
    // are cross-origin requests, and Chromium refuses them under `same-origin` or `same-site`
    // (ERR_BLOCKED_BY_RESPONSE.NotSameOrigin, measured). Those requests carry no session cookie
    // either (SameSite=Lax, opaque initiator), so a route serving a non-public simulation must
    // authorise its members by a capability in the URL, not the cookie.
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', options.cacheControl ?? 'private, max-age=86400')
    .header('etag', etag);
  const ifNoneMatch = reply.request.headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  const body = readZipEntry(archive.zip, entry);
  return reply.code(200).type(mime).header('content-length', body.length).send(body);
}
