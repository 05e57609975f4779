import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Writes ZIP packages by hand, so tests can build what no DOCX library would: a gigabyte entry
 * that deflates to a few megabytes (a zip bomb), XML with external entities, relationships to
 * other machines. `declaredSize` lets a header lie about how large an entry unpacks.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  declaredSize?: number;
}

export function writeZip(file: string, entries: ZipEntry[]): void {
  fs.writeFileSync(file, zipBytes(entries));
}

export function zipBytes(entries: ZipEntry[]): Buffer {
  const out: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    out.push(b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const crc = zlib.crc32(entry.data) >>> 0;
    const compressed = zlib.deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const name = Buffer.from(entry.name);
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      let i = 0;
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, i);
      i += 4;
      if (central) {
        h.writeUInt16LE(20, i);
        i += 2;
      }
      h.writeUInt16LE(20, i); // version needed
      h.writeUInt16LE(0, i + 2); // flags
      h.writeUInt16LE(8, i + 4); // deflate
      h.writeUInt32LE(0, i + 6); // time and date
      h.writeUInt32LE(crc, i + 10);
      h.writeUInt32LE(compressed.length, i + 14);
      h.writeUInt32LE(Math.min(size, 0xffffffff), i + 18);
      h.writeUInt16LE(name.length, i + 22);
      return h;
    };
    const at = offset;
    push(header(false));
    push(name);
    push(compressed);
    const cd = header(true);
    cd.writeUInt32LE(at, 42);
    central.push(cd, name);
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  push(end);
  return Buffer.concat(out);
}

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The smallest DOCX Word and mammoth open: content types, the package relationship, the document and its relationships. */
export function docxEntries(documentXml: string | Buffer, documentRels = ''): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: typeof documentXml === 'string' ? Buffer.from(documentXml) : documentXml,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels}</Relationships>`,
      ),
    },
  ];
}

export function documentXml(bodyXml: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W}><w:body>${bodyXml}</w:body></w:document>`;
}

export const paragraphXml = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
