import { describe, expect, it } from 'vitest';
import { bufferReader, type FileKind, sniffFile, sniffHead } from './sniff.ts';

/** A ZIP of empty stored entries (APPNOTE.TXT §4.3): local headers, central directory, end record. */
function makeZip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** An OLE2 compound file whose first directory sector (sector 0, 512-byte sectors) names `stream`. */
function makeOle2(stream: string): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(9, 0x1e);
  b.writeUInt32LE(0, 0x30);
  const entry = (p: number, name: string) => {
    b.write(name, 512 + p, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, 512 + p + 0x40);
  };
  entry(0, 'Root Entry');
  entry(128, stream);
  return b;
}

const head = (...parts: (string | number[])[]) =>
  Buffer.concat([
    ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
    Buffer.alloc(64),
  ]);

describe('sniffFile', () => {
  const cases: [string, Buffer, FileKind | null][] = [
    ['PDF', head('%PDF-1.7\n'), 'pdf'],
    ['JPEG', head([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['PNG', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    ['GIF', head('GIF89a'), 'gif'],
    ['WebP', head('RIFF', [1, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['RIFF that is not WebP (WAV)', head('RIFF', [1, 0, 0, 0], 'WAVEfmt '), null],
    ['MP4', head([0, 0, 0, 0x20], 'ftypisom'), 'mp4'],
    ['M4A', head([0, 0, 0, 0x20], 'ftypM4A '), 'm4a'],
    ['QuickTime', head([0, 0, 0, 0x14], 'ftypqt  '), 'mov'],
    ['WebM', head([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'webm'],
    ['Matroska', head([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska'), 'mkv'],
    ['MP3 with ID3v2', head('ID3', [4, 0]), 'mp3'],
    ['MP3 frame sync', head([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['AAC ADTS (layer 00) is not MP3', head([0xff, 0xf1, 0x50, 0x80]), null],
    ['Ogg', head('OggS', [0]), 'ogg'],
    ['plain ZIP', makeZip(['index.html', 'js/app.js']), 'zip'],
    ['DOCX', makeZip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']), 'docx'],
    ['PPTX', makeZip(['[Content_Types].xml', 'ppt/presentation.xml']), 'pptx'],
    ['XLSX', makeZip(['[Content_Types].xml', 'xl/workbook.xml']), 'xlsx'],
    ['a ZIP with word/document.xml but no [Content_Types].xml', makeZip(['word/document.xml']), 'zip'],
    ['DOC', makeOle2('WordDocument'), 'doc'],
    ['PPT', makeOle2('PowerPoint Document'), 'ppt'],
    ['XLS', makeOle2('Workbook'), 'xls'],
    ['an OLE2 file of another program', makeOle2('Contents'), null],
    ['an executable', head('MZ', [0x90, 0]), null],
    ['HTML', head('<!doctype html><script>'), null],
    ['empty', Buffer.alloc(0), null],
  ];
  it.each(cases)('%s', async (_name, bytes, kind) => {
    expect(await sniffFile(bufferReader(bytes), bytes.length)).toBe(kind);
  });

  it('does not take the JPEG start of image for an MPEG frame sync', () => {
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('jpeg');
  });
});
