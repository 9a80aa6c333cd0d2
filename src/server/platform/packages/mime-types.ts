/**
 * MIME types by file extension, for what runs inside a simulation zip and for the files of an
 * offline package. Inside a zip the bytes were checked when the zip was uploaded (the upload
 * service sniffs the container); its members are served by name, with `nosniff`, so a member
 * whose name says .png is only ever treated as an image.
 */
const TEXT = '; charset=utf-8';

/** The types a simulation may contain: what a browser needs to run a page, and its media. */
export const SIMULATION_TYPES: Readonly<Record<string, string>> = {
  html: `text/html${TEXT}`,
  htm: `text/html${TEXT}`,
  js: `text/javascript${TEXT}`,
  mjs: `text/javascript${TEXT}`,
  css: `text/css${TEXT}`,
  json: `application/json${TEXT}`,
  map: `application/json${TEXT}`,
  txt: `text/plain${TEXT}`,
  wasm: 'application/wasm',
  // Images. SVG can carry script; inside the sandbox it runs with no origin and no network.
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
  // Fonts.
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  // Audio and video.
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
};

/** The extension (lower case, without the dot) of a path, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The MIME type of a simulation member, or null when its type is not allowed. */
export function simulationMimeType(path: string): string | null {
  return SIMULATION_TYPES[extensionOf(path)] ?? null;
}

/** Extensions for the files of an offline package, by MIME type (parameters ignored). */
const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/msword': 'doc',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/epub+zip': 'epub',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'text/plain': 'txt',
  'text/html': 'html',
};

/** The extension under which a file of this MIME type is written into a package ('bin' if unknown). */
export function extensionForMime(mime: string): string {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSION_BY_MIME[base] ?? 'bin';
}

/**
 * Whether deflating is worth it: text and uncompressed formats shrink, while JPEG, MP4, MP3,
 * PDF streams and the Office formats (zips themselves) are stored as they are.
 */
export function isCompressible(mime: string): boolean {
  return /^(text\/|application\/(json|javascript|wasm|xml)|image\/(svg\+xml|bmp)|audio\/wav)/.test(mime);
}
