import { describe, expect, it } from 'vitest';
import { bodyToBlocks, plainText } from '../../shared/article/blocks';
import { sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportText } from '../../shared/export/text';
import { importText } from './text';

describe('importText', () => {
  it('splits paragraphs on blank lines and takes a short first line as headline', () => {
    const imported = importText(
      'Rotheide gewinnt Derby\r\n\r\nErster Absatz\r\nmit Umbruch.\r\n\r\n\r\nZweiter Absatz.\r\n',
    );
    expect(imported.meta).toEqual({ headline: 'Rotheide gewinnt Derby' });
    expect(plainText(imported.body)).toBe('Erster Absatz\nmit Umbruch.\nZweiter Absatz.');
    expect(bodyToBlocks(imported.body)[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Erster Absatz', format: {} },
        { type: 'break' },
        { type: 'text', text: 'mit Umbruch.', format: {} },
      ],
    });
  });

  it('keeps a long first paragraph as text and takes no headline from a lone paragraph', () => {
    const long =
      'Der FC Almental hat am Montag nach wochenlangen Verhandlungen die Verpflichtung der Torjägerin bekanntgegeben, die zuletzt beim SV Rotheide spielte.';
    expect(importText(`${long}\n\nMehr.`).meta.headline).toBeUndefined();
    expect(importText('Nur eine Zeile').meta.headline).toBeUndefined();
  });

  it('reads its own export back: kicker, headline, quote, lists and the same body text', () => {
    const imported = importText(exportText(sampleMeta, sampleBody));
    expect(imported.meta).toEqual({ kicker: sampleMeta.kicker, headline: sampleMeta.headline });
    const text = plainText(imported.body);
    // Lead, byline and dateline come back as the first body lines; the rest equals the article.
    expect(text).toBe(
      [sampleMeta.lead, sampleMeta.byline, sampleMeta.dateline, plainText(sampleBody)].join('\n'),
    );
    const types = bodyToBlocks(imported.body).map((b) => b.type);
    expect(types).toContain('quote');
    expect(types.filter((t) => t === 'list')).toHaveLength(2);
  });
});
