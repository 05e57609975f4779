import { describe, expect, it } from 'vitest';
import { bodyToBlocks, canonicalBlocks, plainText, withoutClaimMarks } from '../../shared/article/blocks';
import { sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportDocx } from '../export/docx';
import { importDocx } from './docx';
import { ImportError } from './errors';
import { docxEntries, documentXml, paragraphXml, zipBytes } from '../../../tests/hardening/zipWriter';

describe('importDocx', () => {
  it('reads a DOCX written by the exporter back into the same article', async () => {
    const imported = await importDocx(await exportDocx(sampleMeta, sampleBody), 'artikel.docx');
    expect(imported.meta).toEqual({
      kicker: sampleMeta.kicker,
      headline: sampleMeta.headline,
      lead: sampleMeta.lead,
      byline: sampleMeta.byline,
      dateline: sampleMeta.dateline,
    });
    expect(plainText(imported.body)).toBe(plainText(sampleBody));
    expect(bodyToBlocks(imported.body)).toEqual(canonicalBlocks(withoutClaimMarks(bodyToBlocks(sampleBody))));
  });

  it('fails with a CORRUPT ImportError naming the file for a damaged DOCX', async () => {
    const good = await exportDocx(sampleMeta, sampleBody);
    const damaged = good.subarray(0, Math.floor(good.length / 2));
    const error = await importDocx(damaged, 'kaputt.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('CORRUPT');
    expect((error as ImportError).message).toMatch(
      /^Cannot import "kaputt\.docx": the file is not a readable DOCX document/,
    );
  });

  // Found by the malformed-files suite (tests/hardening): a 64 MB zip bomb was inflated by mammoth and imported whole.
  it('refuses a DOCX whose parts unpack to more than 100 MB before inflating any of them', async () => {
    const entries = docxEntries(documentXml(paragraphXml('FC Nordhafen')));
    entries[2]!.declaredSize = 1024 * 1024 * 1024;
    await expect(importDocx(zipBytes(entries), 'bombe.docx')).rejects.toThrow(
      'Cannot import "bombe.docx": the DOCX unpacks to more than 100 MB',
    );
    await expect(
      importDocx(zipBytes(docxEntries(documentXml(paragraphXml('FC Nordhafen')))), 'klein.docx'),
    ).resolves.toBeTruthy();
  });
});
