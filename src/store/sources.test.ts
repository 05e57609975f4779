import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quoteInput, sourceUpdate } from '../shared/domain/fact-inputs';
import { auditTrail } from './audit-trail';
import { openTempStore, seedFacts, tester, type TempStore } from './fact-fixtures';
import { storedFilePath } from './files';
import { createQuote, deleteQuote, quoteView } from './quotes';
import { attachFile, cleanFileName, deleteSource, detachFile, sourceView, updateSource } from './sources';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  seedFacts(store.db);
});
afterEach(() => store.close());

describe('sources and their files', () => {
  it('stores an attached file once under its SHA-256, however many sources attach it', () => {
    const bytes = new TextEncoder().encode('Protokoll der Pressekonferenz (erfunden)');
    const first = attachFile(store.db, store.dir, 'src-kurier', 'protokoll.txt', bytes, tester);
    const second = attachFile(store.db, store.dir, 'src-pk', 'kopie.txt', bytes, tester);
    expect(first.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.fileHash).toBe(first.fileHash);
    const folder = path.dirname(storedFilePath(store.dir, first.fileHash!));
    expect(fs.readdirSync(folder)).toEqual([first.fileHash]);
    expect(sourceView(store.db, store.dir, 'src-pk').file).toEqual({ stored: true, size: bytes.length });
  });

  it('keeps the attachment when the description is edited, and audits attach and detach', () => {
    attachFile(store.db, store.dir, 'src-pk', 'mitschnitt.mp3', new Uint8Array([1, 2, 3]), tester);
    const view = sourceView(store.db, store.dir, 'src-pk');
    const { fileHash: _hash, fileName: _name, ...fields } = view.source;
    const edited = updateSource(
      store.db,
      sourceUpdate.parse({ ...fields, title: 'Pressekonferenz FC Almental, März' }),
      tester,
    );
    expect(edited.fileName).toBe('mitschnitt.mp3');
    detachFile(store.db, 'src-pk', tester);
    expect(auditTrail(store.db, 'source', 'src-pk').map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
    ]);
  });

  it('refuses empty files and strips folders from file names', () => {
    expect(() => attachFile(store.db, store.dir, 'src-pk', 'leer.txt', new Uint8Array(), tester)).toThrow(
      /file is empty/,
    );
    expect(cleanFileName('C:\\Users\\jana\\..\\vertrag.pdf')).toBe('vertrag.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('refuses to delete a source while facts cite it', () => {
    expect(() => deleteSource(store.db, 'src-kurier', tester)).toThrow(/backs 1 fact/);
    expect(sourceView(store.db, store.dir, 'src-kurier').citedBy).toEqual([
      expect.objectContaining({
        factType: 'deal',
        factId: 'deal-strivo',
        locator: 'Absatz 2',
        label: 'Streamingrechte für die Heimspiele in München und Rotheide',
      }),
    ]);
  });
});

describe('quotes and translations', () => {
  it('links a translation to its original both ways', () => {
    const view = quoteView(store.db, 'quote-goetze-de');
    expect(view.translations.map((t) => t.id)).toEqual(['quote-goetze-en']);
    expect(quoteView(store.db, 'quote-goetze-en').translationOf?.id).toBe('quote-goetze-de');
  });

  it('refuses to delete an original while translations point at it', () => {
    expect(() => deleteQuote(store.db, 'quote-goetze-de', tester)).toThrow(
      /a translation refers to it \(en\)/,
    );
  });

  it('refuses a translation loop and a missing speaker', () => {
    expect(() =>
      createQuote(
        store.db,
        quoteInput.parse({
          speakerId: 'ent-ghost',
          wording: 'x',
          language: 'de',
          occasion: 'other',
          status: 'unverified',
        }),
        tester,
      ),
    ).toThrow(/speakerId refers to an entity that does not exist/);
  });
});
