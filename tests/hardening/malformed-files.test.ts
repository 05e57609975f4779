import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { disposeContext, tempContext } from '../../src/main/handlers/testing';
import { bundleForNode } from './bundle';
import { storeState, unchangedSince } from './canonicalDump';
import { DATABASE_FILE, openDatabase } from '../../src/store/db';
import { recordFigure } from './figures';
import { sized } from './size';
import { docxEntries, documentXml, paragraphXml, writeZip } from './zipWriter';

/**
 * Malformed files: each is handed to the app the way the CLI and the native dialogs do (by path)
 * or as a fact pack, in a child process of its own. Each must be refused with a message naming
 * the problem (or imported with a warning saying what was guessed), never crash or answer
 * `internal`, leave the store as it was when refused, and keep memory bounded.
 */
const MB = 1024 * 1024;
const BOMB_BYTES = sized(160 * MB, 1024 * MB - 1);
const BIG_TEXT_BYTES = sized(25 * MB, 200 * MB);
const NESTING = sized(20_000, 200_000);
const MD_NESTING = sized(2_000, 20_000);
const PACK_RECORDS = sized(20_000, 1_000_000);

interface Outcome {
  ok: boolean;
  code: string | null;
  refused: boolean;
  message: string;
  unchanged: boolean;
  leaked: string[];
  seconds: number;
  peakRssMb: number;
}

let ctx: ReturnType<typeof tempContext>;
let files: string;
let runner: string;
const outcomes: { name: string; outcome: Outcome | null; exit: string }[] = [];

function withDb<T>(use: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(path.join(ctx.dataDir, DATABASE_FILE));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function runCase(name: string, spec: Record<string, unknown>): Outcome {
  const before = withDb((db) => storeState(db, ctx.dataDir));
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', runner, JSON.stringify({ dataDir: ctx.dataDir, ...spec })],
    {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
      timeout: 10 * 60_000,
    },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  const outcome = line.startsWith('{') ? (JSON.parse(line) as Outcome) : null;
  if (outcome) outcome.unchanged = withDb((db) => unchangedSince(before, db, ctx.dataDir));
  outcomes.push({ name, outcome, exit: child.signal ?? String(child.status) });
  if (!outcome)
    throw new Error(
      `${name}: the app process died (${child.signal ?? child.status})\n${child.stderr.slice(-2000)}`,
    );
  expect(outcome.code, `${name}: ${outcome.message}`).not.toBe('internal');
  expect(outcome.leaked, name).toEqual([]);
  if (outcome.refused) expect(outcome.unchanged, `${name} was refused but changed the store`).toBe(true);
  return outcome;
}

const file = (name: string) => path.join(files, name);

beforeAll(async () => {
  runner = await bundleForNode('tests/hardening/malformedCase.ts', 'malformed-case');
  ctx = tempContext({ prefix: 'factdesk-malformed-' });
  await dispatch('facts:load-sample', {}, ctx);
  await dispatch('articles:create', { headline: 'SV Rotheide vor dem Derby', language: 'de' }, ctx);
  ctx.db.close();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-malformed-files-'));
});
afterAll(() => {
  disposeContext(ctx);
  fs.rmSync(files, { recursive: true, force: true });
  const done = outcomes.filter((o) => o.outcome);
  recordFigure({
    suite: 'Malformed files',
    tried: `${outcomes.length} files: ${done.filter((o) => o.outcome!.refused).length} refused, ${done.filter((o) => !o.outcome!.refused).length} imported with warnings`,
    lost: 0,
    executed: outcomes.filter(
      (o) => !o.outcome || o.outcome.code === 'internal' || o.outcome.leaked.length > 0,
    ).length,
    partial: done.filter((o) => o.outcome!.refused && !o.outcome!.unchanged).length,
    peakRssMb: Math.max(0, ...done.map((o) => o.outcome!.peakRssMb)),
    note: done.map((o) => `${o.name} ${o.outcome!.peakRssMb} MB`).join(', '),
  });
});

describe(
  'malformed files are refused or handled, with bounded memory and nothing written',
  { timeout: sized(10, 30) * 60_000 },
  () => {
    it('a truncated DOCX', () => {
      writeZip(file('good.docx'), docxEntries(documentXml(paragraphXml('FC Nordhafen gewinnt 2:1.'))));
      const bytes = fs.readFileSync(file('good.docx'));
      fs.writeFileSync(file('truncated.docx'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const out = runCase('truncated DOCX', { channel: 'import:path', file: file('truncated.docx') });
      expect(out.refused).toBe(true);
      expect(out.message).toMatch(/truncated\.docx.*not a readable DOCX/);
    });

    it(`a zip-bomb DOCX unpacking to ${Math.round(BOMB_BYTES / MB)} MB`, () => {
      const head = Buffer.from(documentXml('<w:p><w:r><w:t>').replace('</w:body></w:document>', ''));
      const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
      const fill = Buffer.alloc(BOMB_BYTES - head.length - tail.length, 0x61);
      writeZip(file('bomb.docx'), docxEntries(Buffer.concat([head, fill, tail])));
      const out = runCase('zip-bomb DOCX', { channel: 'import:path', file: file('bomb.docx') });
      expect(out.refused).toBe(true);
      expect(out.message).toMatch(/bomb\.docx.*unpacks to more than/);
    });

    it('a DOCX whose XML declares external and expanding entities', () => {
      const prolog =
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "ROTHEIDE"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
      writeZip(
        file('entities.docx'),
        docxEntries(
          documentXml(
            `${paragraphXml('Vorbericht')}${paragraphXml('&xxe;')}${paragraphXml('&d;&d;&d;&d;')}`,
            prolog,
          ),
        ),
      );
      const out = runCase('DOCX with entities', {
        channel: 'import:path',
        file: file('entities.docx'),
        mustNotContain: ['root:x:0', 'ROTHEIDEROTHEIDE'],
      });
      if (out.refused) expect(out.message).toMatch(/entities\.docx/);
    });

    it('a DOCX with external relationships (linked image, file: and web targets)', () => {
      const rels =
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>' +
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="http://xss.invalid/ole.bin" TargetMode="External"/>';
      const drawing =
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rId7"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
      const link = '<w:p><w:hyperlink r:id="rId8"><w:r><w:t>Zum Spielbericht</w:t></w:r></w:hyperlink></w:p>';
      writeZip(
        file('external.docx'),
        docxEntries(documentXml(`${paragraphXml('Lena Kowalczyk trifft doppelt.')}${drawing}${link}`), rels),
      );
      const out = runCase('DOCX with external relationships', {
        channel: 'import:path',
        file: file('external.docx'),
        mustNotContain: ['root:x:0', 'javascript:', 'xss.invalid'],
      });
      if (out.refused) expect(out.message).toMatch(/external\.docx/);
    });

    it('a text file that is not valid UTF-8 is read as Windows-1252 with a warning; a Factdesk JSON file is refused', () => {
      fs.writeFileSync(
        file('latin.txt'),
        Buffer.from([
          ...Buffer.from('Stra'),
          0xdf,
          ...Buffer.from('e in M'),
          0xfc,
          ...Buffer.from('nchen '),
          0xc3,
          0x28,
          0xff,
        ]),
      );
      const txt = runCase('invalid UTF-8 text', { channel: 'import:path', file: file('latin.txt') });
      expect(txt.refused).toBe(false);
      expect(txt.message).toMatch(/not UTF-8; it was read as Windows-1252/);
      fs.writeFileSync(file('broken.factdesk.json'), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
      const json = runCase('invalid UTF-8 JSON', {
        channel: 'import:path',
        file: file('broken.factdesk.json'),
      });
      expect(json.refused).toBe(true);
      expect(json.message).toMatch(/broken\.factdesk\.json.*not UTF-8/);
    });

    it(`a ${Math.round(BIG_TEXT_BYTES / MB)} MB text file and a 1 GB sparse file`, () => {
      const fd = fs.openSync(file('big.txt'), 'w');
      const line = Buffer.from(
        'Der SV Rotheide gewinnt das Derby gegen den FC Nordhafen mit 2:1.\n'.repeat(1000),
      );
      for (let written = 0; written < BIG_TEXT_BYTES; written += line.length)
        fs.writeSync(fd, line, 0, Math.min(line.length, BIG_TEXT_BYTES - written));
      fs.closeSync(fd);
      const big = runCase('big text file', { channel: 'import:path', file: file('big.txt') });
      expect(big.refused).toBe(true);
      expect(big.message).toMatch(/big\.txt.*larger than 20 MB/);
      fs.closeSync(fs.openSync(file('sparse.md'), 'w'));
      fs.truncateSync(file('sparse.md'), 1024 * MB);
      const sparse = runCase('1 GB sparse file', { channel: 'import:path', file: file('sparse.md') });
      expect(sparse.refused).toBe(true);
      expect(sparse.message).toMatch(/sparse\.md.*larger than/);
    });

    it(`HTML and Markdown nested ${NESTING.toLocaleString('en')} levels deep`, () => {
      fs.writeFileSync(
        file('nested.html'),
        `<!doctype html><html><body>${'<div>'.repeat(NESTING)}SV Rotheide${'</div>'.repeat(NESTING)}</body></html>`,
      );
      const html = runCase('deeply nested HTML', { channel: 'import:path', file: file('nested.html') });
      if (html.refused) expect(html.message).toMatch(/nested\.html/);
      fs.writeFileSync(
        file('nested.md'),
        `# Tief\n\n${'> '.repeat(MD_NESTING)}FC Nordhafen\n\n${Array.from({ length: Math.min(MD_NESTING, 2000) }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n')}\n`,
      );
      const md = runCase('deeply nested Markdown', { channel: 'import:path', file: file('nested.md') });
      if (md.refused) expect(md.message).toMatch(/nested\.md/);
    });

    it(`a fact pack of ${PACK_RECORDS.toLocaleString('en')} records whose last one is wrong, and packs with circular references`, () => {
      const out = fs.openSync(file('million.json'), 'w');
      fs.writeSync(out, '{"format":"factdesk-factpack","version":1,"title":"Viele","entities":[');
      for (let i = 0; i < PACK_RECORDS; i += 10_000) {
        const chunk: string[] = [];
        for (let j = i; j < Math.min(i + 10_000, PACK_RECORDS); j++) {
          const kind = j === PACK_RECORDS - 1 ? 'stadium' : 'person';
          chunk.push(JSON.stringify({ id: `ent-many-${j}`, kind, name: `Spielerin ${j} Kowalczyk` }));
        }
        fs.writeSync(out, (i > 0 ? ',' : '') + chunk.join(','));
      }
      fs.writeSync(out, ']}');
      fs.closeSync(out);
      const many = runCase('fact pack, many records', {
        channel: 'facts:import-pack',
        file: file('million.json'),
      });
      expect(many.refused).toBe(true);
      expect(many.message).toContain(`entities[${PACK_RECORDS - 1}].kind`);

      const cycle = {
        format: 'factdesk-factpack',
        version: 1,
        entities: [{ id: 'ent-cyc-lena', kind: 'person', name: 'Lena Kowalczyk' }],
        quotes: [
          {
            id: 'q-cyc-a',
            speakerId: 'ent-cyc-lena',
            wording: 'Wir bleiben oben.',
            language: 'de',
            occasion: 'interview',
            status: 'verified',
            translationOfId: 'q-cyc-b',
          },
          {
            id: 'q-cyc-b',
            speakerId: 'ent-cyc-lena',
            wording: 'We stay on top.',
            language: 'en',
            occasion: 'interview',
            status: 'verified',
            translationOfId: 'q-cyc-a',
          },
        ],
      };
      fs.writeFileSync(file('cycle.json'), JSON.stringify(cycle));
      runCase('fact pack, translation cycle', { channel: 'facts:import-pack', file: file('cycle.json') });
      const selfRef = runCase('fact pack, object cycle', {
        channel: 'facts:import-pack',
        file: file('cycle.json'),
        cyclic: true,
      });
      expect(selfRef.refused).toBe(true);
    });
  },
);
