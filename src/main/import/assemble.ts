import {
  blocksToBody,
  inlineText,
  type Block,
  type Inline,
  type ListBlock,
} from '../../shared/article/blocks';
import { allowedLinkUrl } from '../../shared/article/links';
import type { ArticleBody, ArticleMeta } from '../../shared/domain/articles';

export interface ImportedArticle {
  meta: Partial<ArticleMeta>;
  body: ArticleBody;
  /** Things that were dropped or guessed, for the editor to review. */
  warnings: string[];
}

/** A heading as found in the source, before one of them is taken as the headline. */
export interface SourceHeading {
  type: 'sourceHeading';
  level: number;
  content: Inline[];
}

export type DraftBlock = Block | SourceHeading;

function hasText(inlines: Inline[]): boolean {
  return inlineText(inlines).trim() !== '';
}

function blockHasText(block: DraftBlock): boolean {
  if (block.type === 'list') return block.items.some((i) => hasText(i.content) || i.lists.some(blockHasText));
  return hasText(block.content);
}

/** Unwraps links whose target is not http(s)/mailto, keeping their text. */
function safeLinks(inlines: Inline[], dropped: string[]): Inline[] {
  return inlines.flatMap((inline): Inline[] => {
    if (inline.type === 'link') {
      const children = safeLinks(inline.children, dropped);
      const url = allowedLinkUrl(inline.url);
      if (!url) {
        dropped.push(inline.url);
        return children;
      }
      return [{ ...inline, url, children }];
    }
    if (inline.type === 'claim') return safeLinks(inline.children, dropped);
    return [inline];
  });
}

function safeList(list: ListBlock, dropped: string[]): ListBlock {
  return {
    ...list,
    items: list.items.map((item) => ({
      content: safeLinks(item.content, dropped),
      lists: item.lists.map((l) => safeList(l, dropped)),
    })),
  };
}

/**
 * Turns what an importer found into an article: the first heading becomes the headline when it
 * is a level-1 heading or nothing but empty blocks precede it (a subhead halfway down is not a
 * headline); remaining headings map to h2 (levels 1–2) or h3 (3–6); empty paragraphs go; links
 * to anything but http(s)/mailto lose their target; claim marks from foreign sources are dropped.
 */
export function assemble(
  drafts: DraftBlock[],
  meta: Partial<ArticleMeta>,
  warnings: string[] = [],
): ImportedArticle {
  const result: Partial<ArticleMeta> = { ...meta };
  let blocks = drafts.filter(blockHasText);
  if (!result.headline) {
    const index = blocks.findIndex((b) => b.type === 'sourceHeading');
    const heading = blocks[index] as SourceHeading | undefined;
    if (heading && (heading.level === 1 || index === 0)) {
      // A no-break space (between 7 and Mio.) is part of the text, not layout: only other whitespace is collapsed.
      result.headline = inlineText(heading.content)
        .replace(/[^\S\u00A0]+/g, ' ')
        .trim();
      blocks = blocks.filter((_, i) => i !== index);
    }
  }
  const dropped: string[] = [];
  const final: Block[] = blocks.map((block): Block => {
    if (block.type === 'sourceHeading')
      return { type: 'heading', level: block.level <= 2 ? 2 : 3, content: safeLinks(block.content, dropped) };
    if (block.type === 'list') return safeList(block, dropped);
    return { ...block, content: safeLinks(block.content, dropped) };
  });
  if (dropped.length > 0)
    warnings.push(
      `Removed ${dropped.length} link target(s) that were not http, https or mailto: ${dropped.slice(0, 3).join(', ')}`,
    );
  return { meta: result, body: blocksToBody(final), warnings };
}
