import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The fonts of generated PDFs: Be Vietnam Pro (regular and bold), a typeface drawn for
 * Vietnamese, with every precomposed letter of the language (ạ ả ấ ầ ẩ ẫ ậ … đ ơ ư).
 * Licence: SIL Open Font License 1.1 (redistribution allowed, also embedded in documents),
 * shipped by the npm package @expo-google-fonts/be-vietnam-pro (see its LICENSE_FONT).
 * PDF's 14 standard fonts only cover WinAnsi, which has no "ắ" or "ệ": they cannot be used.
 */
export type FontWeight = 'regular' | 'bold';

const FILES: Readonly<Record<FontWeight, string>> = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<FontWeight, Promise<Uint8Array>>();

/** The TrueType bytes of a weight, read once per process. */
export function fontBytes(weight: FontWeight): Promise<Uint8Array> {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(FILES[weight])).then((b) => new Uint8Array(b));
    bytes.catch(() => cache.delete(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}
