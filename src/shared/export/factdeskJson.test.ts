import { describe, expect, it } from 'vitest';
import { sampleBody, sampleMeta } from '../article/sampleArticle.fixture';
import {
  describeArticleFileProblems,
  looksLikeFactdeskArticle,
  parseFactdeskArticle,
  parseFactdeskArticleText,
  serializeFactdeskArticle,
  type FactdeskArticleFile,
} from './factdeskJson';

function file(): FactdeskArticleFile {
  return {
    format: 'factdesk-article',
    version: 1,
    exportedAt: '2026-11-24T10:00:00.000Z',
    generator: 'Factdesk test',
    article: { ...sampleMeta },
    body: sampleBody,
    claims: [
      {
        id: 'c-quote',
        articleId: sampleMeta.id,
        kind: 'quote',
        status: 'verified',
        text: '„Das ist ein großer Tag für unseren Verein“',
        note: '',
        links: [{ type: 'quote', id: 'q-maiwald' }],
        inText: true,
        history: [
          { status: 'unchecked', checker: 'Tobias Lenhardt', at: '2026-11-24T08:00:00.000Z' },
          { status: 'verified', checker: 'Tobias Lenhardt', at: '2026-11-24T08:10:00.000Z' },
        ],
        dismissedWarnings: [],
        createdAt: '2026-11-24T08:00:00.000Z',
        updatedAt: '2026-11-24T08:10:00.000Z',
        context: { text: 'Ein Satz.', start: 0, end: 3 },
      },
    ],
    gatePasses: [
      { by: 'Tobias Lenhardt', at: '2026-11-24T09:00:00.000Z', overrideReason: null, openClaims: [] },
    ],
    detectDismissals: [],
    corrections: [
      {
        id: 'k-1',
        wrong: 'sieben Millionen Euro',
        right: '7\u00A0Mio. Euro',
        claimIds: ['c-quote'],
        facts: [{ type: 'quote', id: 'q-maiwald' }],
        createdBy: 'Tobias Lenhardt',
        createdAt: '2026-11-24T11:00:00.000Z',
        updatedAt: '2026-11-24T11:00:00.000Z',
        exportedAt: null,
        withdrawnAt: null,
        history: [
          {
            action: 'created',
            wrong: 'sieben Millionen Euro',
            right: '7\u00A0Mio. Euro',
            by: 'Tobias Lenhardt',
            at: '2026-11-24T11:00:00.000Z',
          },
        ],
      },
    ],
    factPack: {
      format: 'factdesk-factpack',
      version: 1,
      title: null,
      exportedAt: null,
      entities: [],
      roles: [],
      deals: [],
      quotes: [],
      sources: [],
      citations: [],
      files: [],
    },
  };
}

describe('Factdesk article file', () => {
  it('reads back what it writes, with umlauts, „…“ and no-break spaces as characters', () => {
    const text = serializeFactdeskArticle(file());
    expect(text).toContain('„Das ist ein großer Tag für unseren Verein“');
    expect(text).toContain('7\u00A0Mio. Euro');
    expect(text).not.toMatch(/\\u00a0/i);
    expect(looksLikeFactdeskArticle(text)).toBe(true);
    const parsed = parseFactdeskArticleText(text);
    expect(parsed.ok && parsed.file).toEqual(file());
  });

  it('names every wrong field by its JSON path', () => {
    const raw = JSON.parse(serializeFactdeskArticle(file()));
    raw.article.status = 'fertig';
    raw.claims[0].links[0].type = 'person';
    delete raw.claims[0].createdAt;
    raw.claims[0].extra = true;
    const parsed = parseFactdeskArticle(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).sort()).toEqual(
      ['$.article.status', '$.claims[0].createdAt', '$.claims[0].extra', '$.claims[0].links[0].type'].sort(),
    );
    expect(parsed.problems.find((p) => p.path === '$.claims[0].createdAt')?.message).toBe('is missing');
    expect(describeArticleFileProblems(parsed.problems)).toContain('$.article.status must be one of draft');
  });

  it('refuses claims of another article, repeated claim ids and contexts that do not fit', () => {
    const f = file();
    f.claims.push({ ...f.claims[0], articleId: 'other' });
    f.claims[0].context = { text: 'kurz', start: 2, end: 9 };
    const parsed = parseFactdeskArticle(JSON.parse(JSON.stringify(f)));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual([
      '$.claims[0].context.end',
      '$.claims[1].articleId',
      '$.claims[1].id',
    ]);
  });

  it('refuses corrections with a repeated id, a claim not in the article, a bad step or no history', () => {
    const f = file();
    f.corrections.push({ ...f.corrections[0], claimIds: ['c-fremd'] });
    const raw = JSON.parse(JSON.stringify(f));
    let parsed = parseFactdeskArticle(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual([
      '$.corrections[1].id',
      '$.corrections[1].claimIds[0]',
    ]);
    raw.corrections[1].history = [];
    raw.corrections[0].history[0].action = 'deleted';
    parsed = parseFactdeskArticle(raw);
    expect(parsed.ok || parsed.problems.map((p) => p.path).sort()).toEqual([
      '$.corrections[0].history[0].action',
      '$.corrections[1].history',
    ]);
    // Files written before corrections travelled still read, with none.
    delete raw.corrections;
    parsed = parseFactdeskArticle(raw);
    expect(parsed.ok && parsed.file.corrections).toEqual([]);
  });

  it('tells a newer version, a fact pack and broken JSON apart', () => {
    const newer = parseFactdeskArticle({ ...file(), version: 2 });
    expect(!newer.ok && newer.problems[0].message).toMatch(/written by a newer Factdesk/);
    const pack = parseFactdeskArticle({ format: 'factdesk-factpack', version: 1 });
    expect(!pack.ok && pack.problems[0].message).toMatch(/this is a fact pack, not an article/);
    const broken = parseFactdeskArticleText('{"format": "factdesk-article",');
    expect(!broken.ok && broken.problems[0]).toMatchObject({
      path: '$',
      message: expect.stringMatching(/^is not valid JSON/),
    });
    expect(looksLikeFactdeskArticle('{"format": "factdesk-factpack"}')).toBe(false);
  });
});
