import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { blocksToBody, type Inline } from '../../shared/article/blocks';
import { sampleMeta } from '../../shared/article/sampleArticle.fixture';
import type { CommentThread } from '../../shared/domain/comments';
import { exportDocx } from './docx';

const text = (t: string): Inline => ({ type: 'text', text: t, format: {} });
const marked = (ids: string[], ...children: Inline[]): Inline => ({ type: 'claim', ids, children });

// "Strivo zahlt [sieben] [Millionen] Euro an [den SV Rotheide]." — one thread in two parts, one claim.
const body = blocksToBody([
  {
    type: 'paragraph',
    content: [
      text('Strivo zahlt '),
      marked(['t-amount'], text('sieben ')),
      marked(['t-amount', 'c-club'], text('Millionen')),
      text(' Euro an '),
      marked(['c-club'], text('den SV Rotheide')),
      text('.'),
    ],
  },
]);

const at = (h: number) => `2026-11-24T0${h}:00:00.000Z`;
const thread = (
  over: Partial<CommentThread> & Pick<CommentThread, 'id' | 'quote' | 'comments'>,
): CommentThread => ({
  articleId: sampleMeta.id,
  claimId: null,
  status: 'open',
  detached: false,
  createdAt: at(1),
  updatedAt: at(1),
  ...over,
});
const comment = (id: string, author: string, body: string, h = 1) => ({
  id,
  author,
  body,
  createdAt: at(h),
  editedAt: null,
});

const threads: CommentThread[] = [
  thread({
    id: 't-amount',
    quote: 'sieben Millionen',
    comments: [
      comment('k-1', 'Lena Kowalczyk', 'Quelle? <w:t>&amp;</w:t>'),
      comment('k-2', 'Ruth Okafor', 'Pressemitteilung\nvom 3. März', 2),
    ],
  }),
  thread({
    id: 't-claim',
    quote: 'den SV Rotheide',
    claimId: 'c-club',
    status: 'resolved',
    createdAt: at(2),
    comments: [comment('k-3', 'Ruth Okafor', 'Name geprüft')],
  }),
  thread({
    id: 't-gone',
    quote: 'zweimal',
    detached: true,
    createdAt: at(3),
    comments: [comment('k-4', 'Lena Kowalczyk', 'Dreimal?')],
  }),
];

async function parts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    comments: (await zip.file('word/comments.xml')?.async('string')) ?? null,
    extended: (await zip.file('word/commentsExtended.xml')?.async('string')) ?? null,
  };
}

describe('DOCX with comment threads as Word comments', () => {
  it('writes no comments part and no markers unless threads are asked for', async () => {
    const { document, comments } = await parts(await exportDocx(sampleMeta, body));
    expect(comments).toBeNull();
    expect(document).not.toContain('w:commentRangeStart');
  });

  it('writes each comment with author and date, replies under the first, the range over the thread’s words', async () => {
    const buffer = await exportDocx(sampleMeta, body, { threads });
    const { document, comments, extended } = await parts(buffer);
    expect(comments).not.toBeNull();
    const entries = [...comments!.matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(
      (m) => ({
        head: m[0].slice(0, m[0].indexOf('>')),
        id: Number(m[1]),
        text: [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'),
      }),
    );
    expect(entries.map((e) => e.text)).toEqual([
      'Quelle? &lt;w:t&gt;&amp;amp;&lt;/w:t&gt;',
      'Pressemitteilung|vom 3. März',
      'Zur Behauptung: Name geprüft',
      'Zu gelöschtem Text: „zweimal“ Dreimal?',
    ]);
    expect(entries[0].head).toContain('w:author="Lena Kowalczyk"');
    expect(entries[0].head).toContain('w:initials="LK"');
    expect(entries[0].head).toContain('w:date="2026-11-24T01:00:00');
    expect(entries[1].head).toContain('w:author="Ruth Okafor"');

    // The thread on words opens before "sieben" and closes after "Millionen"; the claim's thread spans the claim.
    const order = [
      ...document.matchAll(
        /<w:comment(RangeStart|RangeEnd|Reference) w:id="(\d+)"\/>|<w:t[^>]*>([^<]*)<\/w:t>/g,
      ),
    ].map((m) => (m[3] !== undefined ? m[3] : `${m[1]}:${m[2]}`));
    const slice = order.slice(order.indexOf('Strivo zahlt '));
    expect(slice.slice(0, 4)).toEqual(['Strivo zahlt ', 'RangeStart:0', 'RangeStart:1', 'sieben ']);
    expect(slice).toContain('RangeStart:2');
    expect(slice.indexOf('RangeStart:2')).toBeLessThan(slice.indexOf('Millionen'));
    expect(slice.indexOf('RangeEnd:0')).toBe(slice.indexOf('Millionen') + 1);
    expect(slice.indexOf('RangeEnd:2')).toBeGreaterThan(slice.indexOf('den SV Rotheide'));
    // The detached thread hangs on the headline.
    expect(order.slice(0, order.indexOf('Strivo zahlt ')).join(' ')).toMatch(
      /RangeStart:3 .*München zahlt.* RangeEnd:3/,
    );

    // Replies and the resolved thread, as Word 2013+ records them.
    expect(extended).toMatch(/w15:paraIdParent=/);
    expect(extended).toMatch(/w15:done="1"/);

    // A Word reader still sees the article's words in order.
    const raw = await mammoth.extractRawText({ buffer });
    expect(raw.value).toContain('Strivo zahlt sieben Millionen Euro an den SV Rotheide.');
  });
});
