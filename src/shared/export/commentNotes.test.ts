import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { blocksToBody, type Inline } from '../article/blocks';
import { sampleClaims, sampleContext } from '../article/sampleArticle.fixture';
import type { CommentThread } from '../domain/comments';
import { exportAnnotatedHtml } from './annotated';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { exportText } from './text';

const text = (t: string): Inline => ({ type: 'text', text: t, format: {} });
const marked = (ids: string[], ...children: Inline[]): Inline => ({ type: 'claim', ids, children });
const claim = sampleClaims[0];

// "Strivo zahlt [sieben Millionen] Euro an [den SV [Rotheide]]." — a thread alone, and one nested in a claim.
const body = blocksToBody([
  {
    type: 'paragraph',
    content: [
      text('Strivo zahlt '),
      marked(['t-amount'], text('sieben Millionen')),
      text(' Euro an '),
      marked([claim.id], text('den SV '), marked(['t-club'], text('Rotheide'))),
      text('.'),
    ],
  },
]);

const HOSTILE = '<img src=x onerror="alert(1)"> & </q><script>alert(2)</script>';
const at = '2026-11-24T09:00:00.000Z';
const thread = (over: Partial<CommentThread> & Pick<CommentThread, 'id' | 'quote'>): CommentThread => ({
  articleId: 'art-2026-0042',
  claimId: null,
  status: 'open',
  detached: false,
  comments: [
    { id: `k-${over.id}`, author: 'Lena Kowalczyk', body: 'Quelle?', createdAt: at, editedAt: null },
  ],
  createdAt: at,
  updatedAt: at,
  ...over,
});
const threads: CommentThread[] = [
  thread({ id: 't-club', quote: 'Rotheide', status: 'resolved', createdAt: '2026-11-24T08:00:00.000Z' }),
  thread({
    id: 't-amount',
    quote: 'sieben Millionen',
    comments: [
      { id: 'k-1', author: 'Lena Kowalczyk', body: HOSTILE, createdAt: at, editedAt: null },
      { id: 'k-2', author: 'Ruth Okafor', body: 'Laut Pressemitteilung @Lena', createdAt: at, editedAt: at },
    ],
  }),
  thread({ id: 't-gone', quote: 'zweimal', detached: true }),
  thread({ id: 't-on-claim', quote: claim.text, claimId: claim.id }),
];

describe('comment threads in the annotated export', () => {
  const ctx = sampleContext({ body });

  it('leaves commented words plain when threads are not asked for, and never calls them claims', () => {
    const html = exportAnnotatedHtml(ctx, { generatedAt: at });
    expect(html).toContain('<p>Strivo zahlt sieben Millionen Euro an <mark');
    expect(html).not.toContain('<mark class="claim claim-unknown"');
    expect(html).not.toContain('comment-notes');
    expect(html).not.toContain('Kommentare');
  });

  it('numbers threads in reading order, then those on claims, then those on deleted text, all escaped', () => {
    const html = exportAnnotatedHtml(ctx, { generatedAt: at, threads });
    expect(html).toContain(
      '<span class="commented">sieben Millionen</span><sup class="comment-ref">[<a href="#comment-note-K1">K1</a>]</sup>',
    );
    expect(html).toContain(
      '<span class="commented">Rotheide</span><sup class="comment-ref">[<a href="#comment-note-K2">K2</a>]</sup></mark>',
    );
    const notes = html.slice(html.indexOf('<section class="comment-notes">'));
    expect(notes).toContain('<h2>Kommentare</h2>');
    expect(notes).toContain('<li id="comment-note-K1"><p><strong>K1</strong> <q>sieben Millionen</q></p>');
    expect(notes).toContain('<q>Rotheide</q> <span class="comment-resolved">(erledigt)</span>');
    expect(notes).toMatch(/<strong>K3<\/strong> Zur Behauptung \[\d+\]: /);
    expect(notes).toContain('<strong>K4</strong> Zu gelöschtem Text: <q>zweimal</q>');
    expect(notes).toContain(
      'Ruth Okafor, 2026-11-24 09:00 UTC (bearbeitet):</span> Laut Pressemitteilung @Lena',
    );
    // A hostile comment is text, never markup.
    expect(notes).toContain(
      '&lt;img src=x onerror="alert(1)"&gt; &amp; &lt;/q&gt;&lt;script&gt;alert(2)&lt;/script&gt;',
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true);
  });

  it('uses English labels for an English record', () => {
    const html = exportAnnotatedHtml(sampleContext({ body, uiLanguage: 'en' }), { generatedAt: at, threads });
    expect(html).toContain('<h2>Comments</h2>');
    expect(html).toContain('On deleted text: <q>zweimal</q>');
  });

  it('keeps threads out of the clean exports: marks vanish, the words stay', () => {
    for (const out of [
      exportHtml(ctx.meta, body),
      exportMarkdown(ctx.meta, body),
      exportText(ctx.meta, body),
    ]) {
      expect(out).toContain('sieben Millionen Euro an den SV Rotheide.');
      expect(out).not.toMatch(/t-amount|t-club|Quelle|commented/);
    }
  });
});
