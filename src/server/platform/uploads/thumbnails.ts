import { spawn, spawnSync } from 'node:child_process';
import type { FileKind } from './sniff.ts';

/** Width of previews in lists and cards. */
export const THUMBNAIL_WIDTH = 320;

export interface Thumbnail {
  data: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
}

/**
 * The part of sharp used here. Typed by hand: sharp 0.35's ESM declaration file does not declare
 * its default export (the constructor), though the module exports it.
 */
interface SharpPipeline {
  rotate(): SharpPipeline;
  resize(o: { width: number; withoutEnlargement: boolean }): SharpPipeline;
  webp(o: { quality: number }): SharpPipeline;
  toBuffer(o: { resolveWithObject: true }): Promise<{ data: Buffer; info: { width: number; height: number } }>;
}
type Sharp = (input: string | Buffer, options: { limitInputPixels: number }) => SharpPipeline;
let sharpLoaded: Promise<Sharp | null> | undefined;

/** sharp (libvips, prebuilt N-API binaries) when it is installed and loads; null otherwise. */
function loadSharp(): Promise<Sharp | null> {
  sharpLoaded ??= import('sharp').then(
    (m: { default: unknown }) => m.default as Sharp,
    () => null,
  );
  return sharpLoaded;
}

let ffmpegFound: boolean | undefined;
/** Whether an `ffmpeg` binary answers on PATH (checked once per process). */
export function hasFfmpeg(): boolean {
  ffmpegFound ??= spawnSync('ffmpeg', ['-version'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return ffmpegFound;
}

const IMAGES: readonly FileKind[] = ['jpeg', 'png', 'gif', 'webp'];
const VIDEOS: readonly FileKind[] = ['mp4', 'webm', 'mov', 'mkv'];

/** One frame a second into the video (or its first), as JPEG bytes, by ffmpeg; null on failure. */
function videoFrame(localPath: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-ss', '1', '-i', localPath, '-frames:v', '1'];
    const p = spawn('ffmpeg', [...args, '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', () => resolve(null));
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && chunks.length ? Buffer.concat(chunks) : null);
    });
  });
}

/**
 * A 320 px wide WebP preview of an image (sharp) or of a video's frame at 1 s (ffmpeg, then
 * sharp), from the file on local disk. Null when the kind has no preview, the tool is missing,
 * or the file cannot be decoded: a preview is a convenience, never a reason to refuse a file.
 */
export async function makeThumbnail(localPath: string, kind: FileKind): Promise<Thumbnail | null> {
  const isImage = IMAGES.includes(kind);
  if (!isImage && !VIDEOS.includes(kind)) return null;
  const sharp = await loadSharp();
  if (!sharp) return null;
  const input = isImage ? localPath : hasFfmpeg() ? await videoFrame(localPath) : null;
  if (!input) return null;
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 100_000_000 })
      .rotate() // honour the EXIF orientation of phone photos
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, contentType: 'image/webp' };
  } catch {
    return null;
  }
}
