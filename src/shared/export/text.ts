import { bodyToBlocks, inlineText, withoutClaimMarks, type Block, type ListBlock } from '../article/blocks';
import { correctionBlocks, type CorrectionNote } from './corrections';
import type { ArticleBody, ArticleMeta } from '../domain/articles';

/**
 * Plain text for pasting into mail or foreign systems: kicker and headline first (one line each),
 * then lead, byline and dateline, then the body. Blocks are separated by blank lines, quotes are
 * prefixed with "> ", list items with "- " or their number, nested items indented by two spaces.
 */
function listLines(list: ListBlock, indent: string): string[] {
  return list.items.flatMap((item, index) => {
    const marker = list.ordered ? `${list.start + index}. ` : '- ';
    const pad = indent + ' '.repeat(marker.length);
    const text = inlineText(item.content)
      .split('\n')
      .map((line, i) => (i === 0 ? indent + marker : pad) + line)
      .join('\n');
    return [text, ...item.lists.flatMap((l) => listLines(l, indent + '  '))];
  });
}

function blockText(block: Block): string | null {
  if (block.type === 'list') return listLines(block, '').join('\n');
  const text = inlineText(block.content);
  if (text.trim() === '') return null;
  if (block.type === 'quote')
    return text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  return text;
}

export function exportText(
  meta: ArticleMeta,
  body: ArticleBody,
  options: { corrections?: readonly CorrectionNote[] } = {},
): string {
  const parts: string[] = [];
  const title = [meta.kicker, meta.headline].filter((s) => s.trim() !== '').join('\n');
  if (title) parts.push(title);
  if (meta.lead) parts.push(meta.lead);
  const credits = [meta.byline, meta.dateline].filter((s) => s.trim() !== '').join('\n');
  if (credits) parts.push(credits);
  for (const block of [
    ...withoutClaimMarks(bodyToBlocks(body)),
    ...correctionBlocks(options.corrections ?? [], meta.language),
  ]) {
    const text = blockText(block);
    if (text !== null) parts.push(text);
  }
  return parts.join('\n\n') + '\n';
}
