/**
 * Hostile and broken uploads, generated at test time: DOCX zip bombs, PDFs that are expensive to read
 * (a flate bomb, thousands of pages, deep nesting, an xref loop, truncation) and files whose content
 * is not what their name says.
 */
import { createDeflate, crc32, deflateRawSync } from 'node:zlib';

/** A zip archive of the given parts (deflated), with the sizes declared truthfully. */
export function zipArchive(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A minimal DOCX whose body is `body` (WordprocessingML). */
export function docxWithBody(body: Buffer | string): Buffer {
  const doc = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    Buffer.from('</w:body></w:document>'),
  ]);
  return zipArchive([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: doc },
  ]);
}

/** A small valid DOCX with a few paragraphs. */
export function smallDocx(): Buffer {
  return docxWithBody(['Kommunkompassen', 'Burlöv 2020'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join(''));
}

/** A DOCX of about `mb` MB of one-letter paragraphs (compresses to well under a megabyte). */
export function paragraphBombDocx(mb = 60): Buffer {
  const para = Buffer.from('<w:p><w:r><w:t>a</w:t></w:r></w:p>');
  return docxWithBody(Buffer.alloc(mb * 1024 * 1024 - (mb * 1024 * 1024) % para.length, para));
}

/** A DOCX whose central directory understates document.xml (declares 1 kB, inflates to `mb` MB). */
export function lyingDocx(mb = 200): Buffer {
  const zip = docxWithBody(Buffer.alloc(mb * 1024 * 1024, 0x20));
  // Rewrite the declared uncompressed size of every entry in the central directory to 1024.
  const eocd = zip.length - 22;
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i += 1) {
    zip.writeUInt32LE(1024, p + 24);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** Assembles a PDF from object bodies (1-based numbering), with a correct xref table. */
export function pdfFromObjects(objects: Buffer[], root: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (data: Buffer, dict = ''): Buffer => Buffer.concat([Buffer.from(`<< /Length ${data.length}${dict} >>\nstream\n`), data, Buffer.from('\nendstream')]);

/** A PDF of `pages` pages, each with `linesPerPage` lines of text (own content stream per page). */
export function manyPagesPdf(pages: number, linesPerPage = 1): Buffer {
  const objects: Buffer[] = [Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'), Buffer.alloc(0)];
  const kids: number[] = [];
  for (let i = 0; i < pages; i += 1) {
    const ops = Array.from({ length: linesPerPage }, (_, j) => `BT /F1 8 Tf ${30 + (j % 3) * 180} ${800 - ((Math.floor(j / 3) * 9) % 780)} Td (Rad ${j} pa sida ${i} med lite text) Tj ET`).join('\n');
    objects.push(stream(Buffer.from(ops)));
    const contents = objects.length;
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> /Contents ${contents} 0 R >>`));
    kids.push(objects.length);
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`);
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  return pdfFromObjects(objects, objects.length);
}

/** A one-page PDF whose content stream is `mb` MB of spaces, flate-compressed (about 1/1000 the size). */
export async function flateBombPdf(mb = 400): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const deflate = createDeflate({ level: 9 });
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mb; i += 1) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  const compressed = Buffer.concat(chunks);
  return pdfFromObjects(
    [
      Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
      Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
      Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
      stream(compressed, ' /Filter /FlateDecode'),
    ],
    1,
  );
}

/** A PDF whose only object is an array nested `depth` levels deep. */
export function deepNestingPdf(depth = 200_000): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n'), Buffer.alloc(depth, '['), Buffer.alloc(depth, ']'), Buffer.from('\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
}

/** A PDF whose page tree contains itself and whose xref chain points back at itself. */
export function xrefLoopPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R /Prev 150 >>\nstartxref\n150\n%%EOF\n',
  );
}

/** The first half of a valid three-page PDF. */
export function truncatedPdf(): Buffer {
  const whole = manyPagesPdf(3);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
export function noise(length: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
