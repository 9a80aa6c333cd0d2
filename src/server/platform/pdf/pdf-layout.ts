/** Line breaking for PDF text, pure (the width of a string is given by the caller's font). */

export type MeasureText = (text: string) => number;

/**
 * Breaks `text` into lines no wider than `width`: at spaces first, inside a word only when the
 * word alone is too wide (a long code or URL). Newlines in the text are kept as line breaks;
 * an empty paragraph gives one empty line. Text is NFC so that each Vietnamese letter is one
 * precomposed glyph of the font ("ế", not "e" + two combining marks the PDF would stack wrongly).
 * `firstWidth`, when given, is the width of the first line only (after a bold lead-in).
 */
export function wrapText(text: string, width: number, measure: MeasureText, firstWidth = width): string[] {
  const lines: string[] = [];
  const limit = () => (lines.length === 0 ? firstWidth : width);
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= limit()) {
        line = candidate;
        continue;
      }
      if (line || (lines.length === 0 && measure(word) <= width)) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > limit()) {
        let cut = 1;
        while (cut < rest.length && measure(rest.slice(0, cut + 1)) <= limit()) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
