import { Paragraph, TextRun, type ICommentOptions } from 'docx';
import type { Block, Inline } from '../../shared/article/blocks';
import type { CommentThread } from '../../shared/domain/comments';
import type { ArticleLanguage } from '../../shared/domain/articles';
import { commentLabels } from '../../shared/export/commentNotes';

/**
 * Comment threads as Word comments: every comment of a thread is one w:comment, replies point at
 * the first (commentsExtended), a resolved thread's first comment is marked done. A thread on
 * words spans its marks from the first to the last; a thread on a claim spans the claim's marks;
 * a thread whose words are gone (or whose claim has no mark) cannot span anything in the body
 * and is put on the headline with its quote.
 */
export interface WordComments {
  /** Word comment ids whose range starts at a mark carrying these ids. */
  open(markIds: readonly string[]): number[];
  /** Word comment ids whose range ends after a mark carrying these ids. */
  close(markIds: readonly string[]): number[];
  /** Word comment ids with no words in the body. */
  unanchored(): number[];
  definitions(): ICommentOptions[];
}

function countMarks(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'claim') for (const id of inline.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      if (inline.type === 'claim' || inline.type === 'link') visit(inline.children);
    }
  };
  const block = (b: Block) => {
    if (b.type === 'list') {
      for (const item of b.items) {
        visit(item.content);
        item.lists.forEach(block);
      }
    } else visit(b.content);
  };
  blocks.forEach(block);
  return counts;
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 4);

export function wordComments(
  blocks: readonly Block[],
  threads: readonly CommentThread[],
  language: ArticleLanguage,
): WordComments {
  const l = commentLabels(language);
  const marks = countMarks(blocks);
  const byAnchor = new Map<string, number[]>();
  const loose: number[] = [];
  const definitions: ICommentOptions[] = [];
  let next = 0;
  for (const thread of [...threads].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )) {
    if (thread.comments.length === 0) continue;
    const anchor = thread.claimId ?? thread.id;
    const anchored = (marks.get(anchor) ?? 0) > 0 && !(thread.claimId === null && thread.detached);
    const prefix = !anchored
      ? `${l.detached}: „${thread.quote}“`
      : thread.claimId !== null
        ? `${l.onClaim}:`
        : null;
    const rootId = next;
    const ids: number[] = [];
    thread.comments.forEach((c, i) => {
      const id = next++;
      ids.push(id);
      const lines = c.body.split(/\r?\n/);
      const paragraphs = lines.map(
        (line, j) =>
          new Paragraph({
            children: [new TextRun(i === 0 && j === 0 && prefix ? `${prefix} ${line}` : line)],
          }),
      );
      definitions.push({
        id,
        author: c.author,
        initials: initialsOf(c.author),
        date: new Date(c.createdAt),
        children: paragraphs,
        ...(i > 0 ? { parentId: rootId } : {}),
        ...(i === 0 && thread.status === 'resolved' ? { resolved: true } : {}),
      });
    });
    if (anchored) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), ...ids]);
    else loose.push(...ids);
  }

  const seen = new Map<string, number>();
  const hits = (markIds: readonly string[], atFirst: boolean) => {
    const out: number[] = [];
    for (const id of markIds) {
      const ids = byAnchor.get(id);
      if (!ids) continue;
      const n = seen.get(id) ?? 0;
      if (atFirst ? n === 0 : n + 1 === marks.get(id)) out.push(...ids);
    }
    return out;
  };
  return {
    open: (markIds) => hits(markIds, true),
    close: (markIds) => {
      // Counting happens on close: a mark's opening and closing are asked about in that order.
      const out = hits(markIds, false);
      for (const id of markIds) seen.set(id, (seen.get(id) ?? 0) + 1);
      return out;
    },
    unanchored: () => loose,
    definitions: () => definitions,
  };
}
