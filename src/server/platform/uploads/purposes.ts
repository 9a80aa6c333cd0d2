import type { FileKind } from './sniff.ts';

/** What an upload is for, and so which kinds of file it accepts and how large. */
export interface UploadPurpose {
  kinds: readonly FileKind[];
  /** Below the platform's UPLOAD_MAX_BYTES; unset: that limit. */
  maxBytes?: number;
}

/**
 * Purposes a client may name in Upload-Metadata (`purpose`). A module adds its own with
 * `registerUploadPurpose` when it registers its routes.
 */
const PURPOSES = new Map<string, UploadPurpose>([
  [
    // The shared learning library (issue 4): documents, images, video, audio, HTML5 simulations (zip).
    'library',
    {
      kinds: [
        'pdf',
        'docx',
        'pptx',
        'xlsx',
        'doc',
        'ppt',
        'xls',
        'jpeg',
        'png',
        'gif',
        'webp',
        'mp4',
        'webm',
        'm4a',
        'mp3',
        'ogg',
        'zip',
      ],
    },
  ],
]);

export function registerUploadPurpose(name: string, purpose: UploadPurpose): void {
  PURPOSES.set(name, purpose);
}

export function findUploadPurpose(name: string): UploadPurpose | undefined {
  return PURPOSES.get(name);
}
