import {
  fill,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';

/** A QR symbol's module matrix: `dark[row][col]`, row 0 at the top. */
export interface QrMatrix {
  size: number;
  dark: boolean[][];
}

/**
 * Encodes `text` as a QR code (ISO/IEC 18004) with error correction level M (15 % of the symbol
 * may be lost: a fold or a stamp over a printed copy) using the `qrcode` package.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
  return { size: modules.size, dark };
}

const n = (v: number) => Number(v.toFixed(3));

/**
 * Draws the symbol as vector rectangles (one filled path, each run of dark modules in a row
 * one rectangle), `width` points wide including the 4-module quiet zone the standard asks for,
 * its lower left corner at (x, y). Vectors stay sharp at any print or zoom.
 */
export function drawQr(page: PDFPage, matrix: QrMatrix, x: number, y: number, width: number): void {
  const quiet = 4;
  const unit = width / (matrix.size + 2 * quiet);
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  matrix.dark.forEach((row, r) => {
    const top = y + width - (quiet + r) * unit;
    for (let c = 0; c < matrix.size; c++) {
      if (!row[c]) continue;
      const start = c;
      while (row[c + 1]) c++;
      const left = x + (quiet + start) * unit;
      const right = x + (quiet + c + 1) * unit;
      ops.push(rectangle(n(left), n(top - unit), n(right - left), n(unit)));
    }
  });
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
