/**
 * A client's file name made safe to keep and to send back in Content-Disposition: the base name
 * only (no folders), NFC, without control or path characters, at most 200 characters.
 */
export function cleanFilename(clientName: string | undefined): string {
  const base = (clientName ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 200);
  return base || 'tep-tai-len';
}

/** The name with the extension of what the bytes are ("bai-giang.pdf" that is a PPTX → "bai-giang.pptx"). */
export function withExtension(name: string, ext: string): string {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'tep-tai-len';
  return `${stem}.${ext}`;
}
