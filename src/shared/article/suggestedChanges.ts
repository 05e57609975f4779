import type { ArticleBody, SerializedNodeJSON } from '../domain/articles';

/**
 * Suggested changes (track changes) live in the article body as inline `suggested-change`
 * nodes around the text they insert or delete, so autosave, revisions and the desk's Yjs
 * binding carry them like any other text. This module is the JSON side: the shape the store
 * accepts, the "accepted only" view clean exports use, and the list of what is pending.
 */

export const SUGGESTED_CHANGE_TYPE = 'suggested-change';
export const SUGGESTION_KINDS = ['insert', 'delete'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface SuggestionInfo {
  id: string;
  kind: SuggestionKind;
  author: string;
  /** ISO 8601 time the change was made. */
  date: string;
}

export const SUGGESTION_ID_PATTERN = /^s-[A-Za-z0-9-]{1,64}$/;
export const SUGGESTION_AUTHOR_MAX = 120;

/** Nodes a suggested change may wrap: text and what lives inline with it (a claim mark or link may sit inside). */
const ALLOWED_CHILDREN = new Set(['text', 'tab', 'linebreak', 'mark', 'link', 'autolink']);
/** Nodes a suggested change may sit in. */
const ALLOWED_PARENTS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'mark', 'link', 'autolink']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface ShapeProblem {
  /** Relative to the node: '' for the node itself, else a property name. */
  field: string;
  message: string;
}

/**
 * The strict shape of one `suggested-change` node, its place and its children. The store
 * refuses a body with any problem, naming the JSON path, so a crafted body cannot smuggle
 * nested changes, block content or unbounded author names into an article.
 */
export function suggestionShapeProblems(
  node: SerializedNodeJSON,
  parentType: string | null,
  insideSuggestion: boolean,
): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  if (insideSuggestion)
    problems.push({ field: 'type', message: 'a suggested change may not contain another one' });
  if (parentType === null || !ALLOWED_PARENTS.has(parentType))
    problems.push({
      field: 'type',
      message: `a suggested change may not sit directly in "${String(parentType).slice(0, 40)}"`,
    });
  if (node.kind !== 'insert' && node.kind !== 'delete')
    problems.push({ field: 'kind', message: 'must be insert or delete' });
  if (typeof node.suggestionId !== 'string' || !SUGGESTION_ID_PATTERN.test(node.suggestionId))
    problems.push({
      field: 'suggestionId',
      message: 'must be "s-" followed by up to 64 letters, digits or hyphens',
    });
  if (
    typeof node.author !== 'string' ||
    node.author.trim() === '' ||
    node.author.length > SUGGESTION_AUTHOR_MAX
  )
    problems.push({ field: 'author', message: `must be a name of 1 to ${SUGGESTION_AUTHOR_MAX} characters` });
  if (typeof node.date !== 'string' || !ISO_DATE.test(node.date) || Number.isNaN(Date.parse(node.date)))
    problems.push({ field: 'date', message: 'must be an ISO 8601 date and time' });
  if (!Array.isArray(node.children)) problems.push({ field: 'children', message: 'must be a list' });
  else
    node.children.forEach((child, i) => {
      const type =
        typeof child === 'object' && child !== null ? (child as SerializedNodeJSON).type : undefined;
      if (typeof type === 'string' && !ALLOWED_CHILDREN.has(type) && type !== SUGGESTED_CHANGE_TYPE)
        problems.push({
          field: `children.${i}.type`,
          message: `"${type.slice(0, 40)}" may not sit inside a suggested change`,
        });
    });
  return problems;
}

export function suggestionInfoOf(node: SerializedNodeJSON): SuggestionInfo | null {
  if (node.type !== SUGGESTED_CHANGE_TYPE) return null;
  if ((node.kind !== 'insert' && node.kind !== 'delete') || typeof node.suggestionId !== 'string')
    return null;
  return {
    id: node.suggestionId,
    kind: node.kind,
    author: typeof node.author === 'string' ? node.author : '',
    date: typeof node.date === 'string' ? node.date : '',
  };
}

function mapChildren(
  node: SerializedNodeJSON,
  fn: (child: SerializedNodeJSON) => SerializedNodeJSON[],
): SerializedNodeJSON {
  if (!Array.isArray(node.children)) return node;
  return { ...node, children: node.children.flatMap(fn) };
}

/**
 * The body as it reads with only accepted changes: pending insertions left out, pending
 * deletions kept as plain text. Clean exports use this, so nothing unaccepted is published.
 * An element left empty by a dropped insertion (a claim mark, a link) is dropped with it.
 */
export function withoutPendingSuggestions(body: ArticleBody): ArticleBody {
  const clean = (node: SerializedNodeJSON): SerializedNodeJSON[] => {
    const info = suggestionInfoOf(node);
    if (info?.kind === 'insert') return [];
    if (info?.kind === 'delete') return (node.children ?? []).flatMap(clean);
    if (!Array.isArray(node.children)) return [node];
    const next = mapChildren(node, clean);
    const inline = node.type === 'mark' || node.type === 'link' || node.type === 'autolink';
    return inline && next.children!.length === 0 && node.children.length > 0 ? [] : [next];
  };
  const root = mapChildren(body.editorState.root, clean);
  return { ...body, editorState: { ...body.editorState, root } };
}

export interface PendingSuggestion extends SuggestionInfo {
  /** The inserted or deleted text, all parts joined (a deletion across paragraphs is one change). */
  text: string;
}

function textOf(node: SerializedNodeJSON): string {
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(textOf).join('');
}

/** Every pending change in document order, one entry per suggestion id. */
export function pendingSuggestions(body: ArticleBody): PendingSuggestion[] {
  const byId = new Map<string, PendingSuggestion>();
  const visit = (node: SerializedNodeJSON) => {
    const info = suggestionInfoOf(node);
    if (info) {
      const known = byId.get(info.id);
      if (known) known.text += textOf(node);
      else byId.set(info.id, { ...info, text: textOf(node) });
    }
    for (const child of node.children ?? []) if (typeof child === 'object' && child !== null) visit(child);
  };
  visit(body.editorState.root);
  return [...byId.values()];
}

/** A stable colour slot (0–7) per author, so everyone sees the same person in the same colour. */
export function authorColourSlot(author: string): number {
  let hash = 0;
  for (let i = 0; i < author.length; i++) hash = (hash * 31 + author.charCodeAt(i)) >>> 0;
  return hash % 8;
}
