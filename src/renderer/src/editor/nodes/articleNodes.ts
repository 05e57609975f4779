import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { MarkNode } from '@lexical/mark';
import { SuggestedChangeNode } from './SuggestedChangeNode';

/**
 * Every node an article body may contain besides Lexical's built-in root, paragraph, text and
 * line break. MarkNode carries claim ids (the claims feature wraps claim text in marks), so it
 * is registered from the start: a body with marks must load and save without losing them.
 * Keep in step with ARTICLE_NODE_TYPES in shared/contract/articles.ts, which the store enforces.
 */
export const ARTICLE_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  MarkNode,
  SuggestedChangeNode,
];
