import { allowedLinkUrl } from '../shared/article/links';
import { SUGGESTED_CHANGE_TYPE, suggestionShapeProblems } from '../shared/article/suggestedChanges';
import {
  ARTICLE_BODY_SCHEMA_VERSION,
  ARTICLE_NODE_TYPES,
  type BlockPatch,
} from '../shared/contract/articles';
import type { ArticleBody, SerializedEditorStateJSON, SerializedNodeJSON } from '../shared/domain/articles';

/**
 * Body versions: each entry upgrades editor-state JSON from version `n` to `n + 1`. Old bodies
 * are upgraded when read, so an article written years ago opens in today's editor; the upgraded
 * JSON is written back on the next save.
 */
const BODY_UPGRADES: Record<number, (state: SerializedEditorStateJSON) => SerializedEditorStateJSON> = {};

export class BodyVersionError extends Error {
  constructor(readonly version: number) {
    super(
      `This article body was written by a newer Factdesk (body version ${version}; this app knows up to ${ARTICLE_BODY_SCHEMA_VERSION}).`,
    );
    this.name = 'BodyVersionError';
  }
}

export function upgradeBody(state: SerializedEditorStateJSON, fromVersion: number): ArticleBody {
  if (fromVersion > ARTICLE_BODY_SCHEMA_VERSION) throw new BodyVersionError(fromVersion);
  let current = state;
  for (let v = fromVersion; v < ARTICLE_BODY_SCHEMA_VERSION; v++) {
    const step = BODY_UPGRADES[v];
    if (!step) throw new Error(`No upgrade for article body version ${v}.`);
    current = step(current);
  }
  return { schemaVersion: ARTICLE_BODY_SCHEMA_VERSION, editorState: current };
}

/** Reads a stored body column (the editor state JSON) written at `schema`. */
export function parseStoredBody(json: string, schema: number): ArticleBody {
  return upgradeBody(JSON.parse(json) as SerializedEditorStateJSON, schema);
}

/** An empty article: one empty paragraph, shaped as Lexical exports it. */
export function emptyBody(): ArticleBody {
  return {
    schemaVersion: ARTICLE_BODY_SCHEMA_VERSION,
    editorState: {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [],
          },
        ],
      },
    },
  };
}

const ALLOWED_TYPES = new Set<string>(ARTICLE_NODE_TYPES);

export interface BodyProblem {
  path: string;
  message: string;
}

/**
 * Checks that a body only uses the article's node types, subheadings h2/h3, bullet or
 * numbered lists and http/https/mailto links. Returns at most `limit` problems, each naming
 * its JSON path so the caller can show where the body is wrong.
 */
export function checkBody(body: ArticleBody, limit = 10): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (
    node: SerializedNodeJSON,
    path: string,
    depth: number,
    parentType: string | null,
    inSuggestion: boolean,
  ): void => {
    if (problems.length >= limit) return;
    if (depth > 64) {
      problems.push({ path, message: 'is nested too deeply' });
      return;
    }
    if (typeof node !== 'object' || node === null || typeof node.type !== 'string') {
      problems.push({ path, message: 'must be a node with a type' });
      return;
    }
    if (!ALLOWED_TYPES.has(node.type)) {
      problems.push({
        path: `${path}.type`,
        message: `"${node.type.slice(0, 40)}" is not allowed in an article`,
      });
      return;
    }
    if (node.type === 'root' && depth > 0)
      problems.push({ path: `${path}.type`, message: 'root may only be the top node' });
    if (node.type === 'heading' && node.tag !== 'h2' && node.tag !== 'h3')
      problems.push({ path: `${path}.tag`, message: 'must be h2 or h3' });
    if (node.type === 'list' && node.listType !== 'bullet' && node.listType !== 'number')
      problems.push({ path: `${path}.listType`, message: 'must be bullet or number' });
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      (typeof node.url !== 'string' || allowedLinkUrl(node.url) === null)
    )
      problems.push({ path: `${path}.url`, message: 'must be an http, https or mailto link' });
    if (node.type === SUGGESTED_CHANGE_TYPE) {
      for (const p of suggestionShapeProblems(node, parentType, inSuggestion)) {
        if (problems.length < limit)
          problems.push({ path: p.field ? `${path}.${p.field}` : path, message: p.message });
      }
    }
    if (node.type === 'text' && typeof node.text !== 'string')
      problems.push({ path: `${path}.text`, message: 'must be text' });
    // Lexical's own node for a tab character (a .txt file or a paste with tabs makes them).
    if (node.type === 'tab' && node.text !== '\t')
      problems.push({ path: `${path}.text`, message: 'must be a single tab' });
    if (node.children !== undefined) {
      if (!Array.isArray(node.children)) {
        problems.push({ path: `${path}.children`, message: 'must be a list' });
        return;
      }
      const inside = inSuggestion || node.type === SUGGESTED_CHANGE_TYPE;
      node.children.forEach((child, i) =>
        visit(child, `${path}.children.${i}`, depth + 1, node.type, inside),
      );
    }
  };
  visit(body.editorState.root, 'body.editorState.root', 0, null, false);
  return problems;
}

/**
 * The editor writes no inline CSS: every text run and block has `style: ''` and
 * `textStyle: ''`. A body from elsewhere (a Factdesk JSON file, a crafted call) may carry
 * anything there, such as a `background-image:url(…)` beacon that only the CSP would stop;
 * it is cleared before the body is stored. Returns the same object when there is nothing to clear.
 */
export function withoutInlineStyles(body: ArticleBody): ArticleBody {
  const clean = (node: SerializedNodeJSON): SerializedNodeJSON => {
    let out = node;
    for (const key of ['style', 'textStyle'] as const) {
      if (key in node && node[key] !== '') out = { ...out, [key]: '' };
    }
    if (Array.isArray(node.children)) {
      const children = node.children.map(clean);
      if (children.some((c, i) => c !== node.children![i])) out = { ...out, children };
    }
    return out;
  };
  const root = clean(body.editorState.root as SerializedNodeJSON);
  return root === body.editorState.root
    ? body
    : { ...body, editorState: { ...body.editorState, root: root as typeof body.editorState.root } };
}

/**
 * `checkBody` for a block patch: the root's own fields and every block it sends, each as a child
 * of the root, which is where it will sit. Blocks the patch keeps were checked when they were
 * stored, so a patch that passes can only produce a body that `checkBody` accepts. Paths name
 * the patch, e.g. `blocks.changed.2.node.children.0.type`.
 */
export function checkBlockPatch(patch: BlockPatch, limit = 10): BodyProblem[] {
  const root = { ...patch.root, children: patch.changed.map((c) => c.node) };
  const problems = checkBody({ schemaVersion: ARTICLE_BODY_SCHEMA_VERSION, editorState: { root } }, limit);
  return problems.map((p) => ({
    ...p,
    path: p.path
      .replace(/^body\.editorState\.root\.children\.(\d+)/, 'blocks.changed.$1.node')
      .replace(/^body\.editorState\.root/, 'blocks.root'),
  }));
}
