import { describe, expect, it } from 'vitest';
import { NBSP, sampleBody, sampleMeta } from '../article/sampleArticle.fixture';
import { exportText } from './text';

describe('exportText', () => {
  const out = exportText(sampleMeta, sampleBody);

  it('starts with kicker and headline, then lead, then byline and dateline', () => {
    expect(out.split('\n\n').slice(0, 3)).toEqual([
      'Fußball · Regionalliga Süd\nMünchen zahlt sieben Millionen – und Rotheide jubelt',
      sampleMeta.lead,
      'Von Jana Kowalczyk\nMünchen, 24. November 2026',
    ]);
  });

  it('separates blocks by blank lines, marks quotes and list items and keeps the no-break space', () => {
    expect(out).toContain('\n\n> „Wir haben lange verhandelt');
    expect(out).toContain(
      `- Ablöse: 7${NBSP}Mio. Euro, zahlbar in zwei Raten\n- Vertragslaufzeit bis Juni 2029\n  - Option auf ein weiteres Jahr`,
    );
    expect(out).toContain('1. 41 Tore in 38 Spielen\n2. Spielerin des Jahres 2025');
    expect(out).not.toContain('**');
    expect(out.endsWith('für die Rechte.\nDer Sender selbst äußerte sich nicht.\n')).toBe(true);
  });
});
