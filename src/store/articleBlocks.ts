import { randomBytes } from 'node:crypto';
import { plainText } from '../shared/article/blocks';
import { ARTICLE_BODY_SCHEMA_VERSION } from '../shared/contract/articles';
import type { SerializedNodeJSON } from '../shared/domain/articles';
import { countWords } from '../shared/typography/counts';

/**
 * An article body is stored as its root node's own fields (`articles.body`, without children),
 * the order of its top-level blocks (`articles.block_order`, a JSON array of block ids) and one
 * `article_blocks` row per block. An autosave then writes the few blocks that changed instead of
 * the whole body: for a 100,000-word article that is the difference between megabytes and a few
 * hundred bytes per save. Each row also keeps what the library needs without parsing JSON: the
 * block's words and its lower-cased text for search.
 */

export interface StoredBlock {
  id: string;
  json: string;
  /** Lower-cased plain text, for the library's search. */
  text: string;
  words: number;
}

/** A block id no other block of the same article has. */
export function newBlockId(taken: Set<string>): string {
  for (;;) {
    const id = randomBytes(6).toString('base64url');
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export function blockRecord(id: string, node: SerializedNodeJSON): StoredBlock {
  const text = plainText({
    schemaVersion: ARTICLE_BODY_SCHEMA_VERSION,
    editorState: { root: { type: 'root', version: 1, children: [node] } },
  });
  return { id, json: JSON.stringify(node), text: text.toLowerCase(), words: countWords(text) };
}

/** The root node's own fields as stored in `articles.body`: the editor state without its blocks. */
export function rootShellJson(root: SerializedNodeJSON): string {
  const { children: _blocks, ...fields } = root;
  return JSON.stringify({ root: fields });
}

/** Splits a whole body into a shell and blocks with fresh ids. */
export function splitBody(root: SerializedNodeJSON): { shellJson: string; blocks: StoredBlock[] } {
  const taken = new Set<string>();
  return {
    shellJson: rootShellJson(root),
    blocks: (root.children ?? []).map((node) => blockRecord(newBlockId(taken), node)),
  };
}

/**
 * The editor-state JSON of a whole body from its shell and its blocks' JSON in order, joined as
 * text (no parse of the blocks). `children` comes first; JSON readers do not care about key order.
 */
export function assembleBodyJson(shellJson: string, blockJsons: readonly string[]): string {
  const fields = (JSON.parse(shellJson) as { root?: Record<string, unknown> }).root;
  if (fields === undefined) return shellJson;
  return `{"root":{"children":[${blockJsons.join(',')}],${JSON.stringify(fields).slice(1)}}`;
}
