import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sampleContext } from '../article/sampleArticle.fixture';
import { exportFactCheckReport } from './factCheckReport';

describe('exportFactCheckReport', () => {
  const ctx = sampleContext({
    gateOverride: {
      reason: 'Strivo-Zahl bleibt als Zitat des Kuriers stehen',
      by: 'Chefin vom Dienst Ruth Okafor',
      at: '2026-11-24T09:55:00.000Z',
    },
    warnings: [
      { claimId: 'c-role', code: 'role_not_current', message: 'Funktion laut Faktenbank erst ab 2024' },
    ],
  });
  const html = exportFactCheckReport(ctx, { generatedAt: '2026-11-24T10:00:00.000Z' });

  it('lists every claim, including unchecked ones and those deleted from the text', () => {
    for (let n = 1; n <= 6; n++) expect(html).toContain(`<h3>Behauptung ${n}</h3>`);
    expect(html).toContain('1. Januar 2027');
    expect(html).toContain('ein Vorvertrag aus dem Sommer');
  });

  it('counts the claims per status', () => {
    expect(html).toContain('<tr><th>bestätigt</th><td>2</td></tr>');
    expect(html).toContain('<tr><th>ungeprüft</th><td>1</td></tr>');
    expect(html).toContain('<tr><th>falsch</th><td>1</td></tr>');
    expect(html).toContain('Artikelstatus: im Faktencheck');
  });

  it('shows the gate override reason with who released the article and when', () => {
    expect(html).toContain(
      '<h2>Freigabe trotz offener Punkte</h2><p>Strivo-Zahl bleibt als Zitat des Kuriers stehen</p>',
    );
    expect(html).toContain('freigegeben von Chefin vom Dienst Ruth Okafor, 2026-11-24 09:55 UTC');
  });

  it('shows open and dismissed warnings, notes, linked facts with sources, and the checker', () => {
    expect(html).toContain('Funktion laut Faktenbank erst ab 2024 <code>role_not_current</code>');
    expect(html).toContain(
      'verworfen: <code>amount_mismatch</code> – Kurier-Zahl bewusst zitiert (Tobias Lenhardt, 2026-11-24 08:50 UTC)',
    );
    expect(html).toContain('Notiz:</strong> Amtsantritt laut Satzung erst 2025?');
    expect(html).toContain('Elke Maiwald: Präsidentin, FC Almental (seit 2024-07-01)');
    expect(html).toContain('Fundstelle: Impressum');
    expect(html).toContain('Übertragungsrechte: Strivo → SV Rotheide, etwa 800.000');
    expect(html).toContain('Fundstelle: dritter Absatz');
    expect(html).toContain(
      'Markiert von Lena Kowalczyk, 2026-11-23 17:10 UTC · Geprüft von Tobias Lenhardt, 2026-11-24 08:45 UTC',
    );
  });

  it('names who marked a claim still unchecked and says it is not checked yet, never calling the marker its checker', () => {
    const dateClaim = html.slice(html.indexOf('1. Januar 2027'));
    const line = /<p class="checked">([^<]*)<\/p>/.exec(dateClaim)?.[1];
    expect(line).toBe('Markiert von Lena Kowalczyk, 2026-11-23 17:10 UTC · noch nicht geprüft');
    expect(html).not.toContain('Geprüft von Lena Kowalczyk');
  });

  it('leaves out the override section when there was none and is well-formed', () => {
    const plain = exportFactCheckReport(sampleContext());
    expect(plain).not.toContain('Freigabe trotz offener Punkte');
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>\n', ''))).toBe(true);
  });
});
