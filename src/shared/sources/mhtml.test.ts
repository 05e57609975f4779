import { describe, expect, it } from 'vitest';
import { decodeHeaderWords, parseMhtml } from './mhtml';
import { detectFormat, textSegments } from './document';

describe('parseMhtml', () => {
  it('reads the HTML part (quoted-printable, UTF-8), subject, snapshot URL and date', () => {
    const file = [
      'Snapshot-Content-Location: https://www.fc-almental.example/news/1',
      'Subject: =?utf-8?Q?Almental_verl=C3=A4ngert?=',
      'Date: Tue, 1 Dec 2026 18:00:00 +0000',
      'Content-Type: multipart/related; type="text/html"; boundary="B"',
      '',
      '--B',
      'Content-Type: text/css',
      '',
      'p { color: red }',
      '--B',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Gr=C3=BC=C3=9Fe aus Almental, l=',
      'ange Zeile.</p>',
      '--B--',
    ].join('\n');
    expect(parseMhtml(file)).toEqual({
      html: '<p>Grüße aus Almental, lange Zeile.</p>\n',
      title: 'Almental verlängert',
      originalUrl: 'https://www.fc-almental.example/news/1',
      savedAt: '2026-12-01T18:00:00.000Z',
    });
  });

  it('says why a file is not a page', () => {
    expect(() => parseMhtml('just text')).toThrow(/no MIME headers/);
    expect(() =>
      parseMhtml(
        'Content-Type: multipart/related; boundary="B"\n\n--B\nContent-Type: image/png\n\nxx\n--B--',
      ),
    ).toThrow(/no HTML page/);
    expect(() => parseMhtml('Content-Type: multipart/related\n\nx')).toThrow(/no MIME boundary/);
  });

  it('decodes base64 header words', () => {
    expect(decodeHeaderWords('=?UTF-8?B?U8O4cmVuc2Vu?= sagt')).toBe('Sørensen sagt');
  });
});

describe('detectFormat', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('trusts signatures over names, and names the rest', () => {
    expect(detectFormat('scan.bin', new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(detectFormat('foto.jpg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image');
    expect(detectFormat('foto.png', bytes(1, 2, 3))).toBe('other');
    expect(detectFormat('bericht.docx', bytes(0x50, 0x4b, 0x03, 0x04))).toBe('docx');
    expect(detectFormat('tabelle.xlsx', bytes(0x50, 0x4b, 0x03, 0x04))).toBe('other');
    expect(detectFormat('seite.HTM', bytes(0x3c))).toBe('html');
    expect(detectFormat('seite.mht', bytes(0x46))).toBe('mhtml');
    expect(detectFormat('notiz.txt', bytes(0x41))).toBe('text');
  });

  it('splits plain text at blank lines', () => {
    expect(textSegments('Eins\r\nzwei\r\n\r\n  \r\nDrei').map((s) => [s.paragraph, s.text])).toEqual([
      [1, 'Eins\nzwei'],
      [2, 'Drei'],
    ]);
  });
});
