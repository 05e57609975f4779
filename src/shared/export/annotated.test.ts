import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { blocksToBody } from '../article/blocks';
import { NBSP, sampleContext } from '../article/sampleArticle.fixture';
import { exportAnnotatedHtml } from './annotated';

function noteOf(html: string, n: number): string {
  const start = html.indexOf(`<li id="claim-note-${n}"`);
  return html.slice(start, html.indexOf('</li>\n', html.indexOf('class="checked"', start)));
}

describe('exportAnnotatedHtml', () => {
  const html = exportAnnotatedHtml(sampleContext(), { generatedAt: '2026-11-24T10:00:00.000Z' });

  it('numbers the marked claims in reading order right after their text', () => {
    expect(html).toContain(
      '<mark class="claim claim-verified" data-claim="c-quote">„Das ist ein großer Tag für unseren Verein“</mark><sup class="claim-ref">[<a href="#claim-note-1">1</a>]</sup>',
    );
    expect(html).toContain(
      'data-claim="c-role">Elke Maiwald</mark><sup class="claim-ref">[<a href="#claim-note-2">2</a>]</sup>',
    );
    expect(html).toContain(
      `<strong>7${NBSP}Mio. Euro</strong></mark><sup class="claim-ref">[<a href="#claim-note-3">3</a>]</sup>`,
    );
    expect(html).toContain(
      'claim-unchecked" data-claim="c-date">1. Januar 2027</mark><sup class="claim-ref">[<a href="#claim-note-4">4</a>]</sup>',
    );
  });

  it('lists status, kind, the deal in words, sources with locators and the checker in the note', () => {
    const note = noteOf(html, 3);
    expect(note).toContain('status-verified">bestätigt</span>');
    expect(note).toContain('Art: Betrag');
    expect(note).toContain(
      `Transfer: FC Almental → SV Rotheide, 7.000.000${NBSP}€ – Wechsel von Mia Sturzenegger (bestätigt, seit 2027-01-01)`,
    );
    expect(note).toContain(
      'FC Almental verpflichtet Mia Sturzenegger</a> (FC Almental, Pressemitteilung, 2026-11-23) – Fundstelle: Absatz 2',
    );
    expect(note).toContain('Geprüft von Tobias Lenhardt, 2026-11-24 08:45 UTC');
  });

  it('describes a linked quote with speaker and wording and a source file with its locator', () => {
    const note = noteOf(html, 1);
    expect(note).toContain(
      'Elke Maiwald (Präsidentin FC Almental): „Das ist ein großer Tag für unseren Verein“ (Pressekonferenz, 2026-11-23, verifiziert)',
    );
    expect(note).toContain(
      'Mitschnitt Pressekonferenz Almental (Interviewaufnahme, 2026-11-23) [pk-almental.m4a] – Fundstelle: Minute 03:12',
    );
  });

  it('shows an unchecked claim as not checked and keeps claims deleted from the text in their own section', () => {
    expect(noteOf(html, 4)).toContain('noch nicht geprüft');
    const gone = html.slice(html.indexOf('<h3>Nicht mehr im Text</h3>'));
    expect(gone).toContain('<li id="claim-note-6" value="6">');
    expect(gone).toContain('ein Vorvertrag aus dem Sommer');
  });

  it('highlights a mark whose claim record is missing without numbering it', () => {
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [
          { type: 'claim', ids: ['verwaist'], children: [{ type: 'text', text: 'Rekord', format: {} }] },
        ],
      },
    ]);
    const out = exportAnnotatedHtml(sampleContext({ body, claims: [] }));
    expect(out).toContain(
      '<mark class="claim claim-unknown" title="unbekannte Behauptung">Rekord</mark></p>',
    );
    expect(out).not.toContain('<sup class="claim-ref">');
  });

  it('uses English labels when asked and stays well-formed', () => {
    const en = exportAnnotatedHtml(sampleContext({ uiLanguage: 'en' }), {
      generatedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(en).toContain('Checked by Tobias Lenhardt');
    expect(en).toContain('<h3>No longer in the text</h3>');
    expect(en).toContain(`transfer: FC Almental → SV Rotheide, €7,000,000`);
    expect(XMLValidator.validate(en.replace('<!DOCTYPE html>\n', ''))).toBe(true);
  });
});
