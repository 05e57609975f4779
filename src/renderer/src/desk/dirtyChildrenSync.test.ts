import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import { boundEditor, linkedDocs } from './boundEditor.testing';
import { collabNodeOf, mirrorOnlyDirtyChildren } from './dirtyChildrenSync';

function seed(editor: LexicalEditor, paragraphs: number): void {
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (let i = 0; i < paragraphs; i++)
        root.append($createParagraphNode().append($createTextNode(`Absatz ${i}: Der Ball rollte weiter.`)));
    },
    { discrete: true },
  );
}

/** The editor bound to the receiving document commits what arrived in a microtask. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const stateOf = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed. */
function random(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of the kinds typing produces: insert, delete, split, join, bold, new or removed paragraph. */
function randomEdit(editor: LexicalEditor, next: () => number): void {
  editor.update(
    () => {
      const root = $getRoot();
      const blocks = root.getChildren().filter($isParagraphNode) as ParagraphNode[];
      if (blocks.length === 0) {
        root.append($createParagraphNode().append($createTextNode('neu')));
        return;
      }
      const block = blocks[Math.floor(next() * blocks.length)];
      const texts = block.getChildren().filter($isTextNode);
      const text = texts[Math.floor(next() * texts.length)];
      const kind = Math.floor(next() * 7);
      if (!text || kind === 0) {
        block.append($createTextNode(`+${Math.floor(next() * 100)}`));
      } else if (kind === 1) {
        const at = Math.floor(next() * (text.getTextContentSize() + 1));
        text.spliceText(at, 0, 'x', false);
      } else if (kind === 2 && text.getTextContentSize() > 1) {
        const at = Math.floor(next() * (text.getTextContentSize() - 1));
        text.spliceText(at, 1, '', false);
      } else if (kind === 3 && text.getTextContentSize() > 2) {
        // Split the paragraph at a point inside this text, as Enter does.
        const [, after] = text.splitText(Math.floor(text.getTextContentSize() / 2));
        const moved = $createParagraphNode();
        let node: LexicalNode | null = after ?? null;
        while (node) {
          const following: LexicalNode | null = node.getNextSibling();
          moved.append(node);
          node = following;
        }
        block.insertAfter(moved);
      } else if (kind === 4 && block.getNextSibling()) {
        // Join with the next paragraph, as Delete at the end does.
        const following = block.getNextSibling() as ParagraphNode;
        for (const child of following.getChildren()) block.append(child);
        following.remove();
      } else if (kind === 5) {
        text.toggleFormat('bold');
      } else if (blocks.length > 3) {
        block.remove();
      } else {
        block.insertBefore($createParagraphNode().append($createTextNode('davor')));
      }
    },
    { discrete: true },
  );
}

describe('mirroring only dirty children into the desk document', () => {
  it('mirrors a keystroke in one paragraph of fifty without visiting the other forty-nine', () => {
    const doc = new Y.Doc();
    const { editor, binding } = boundEditor(doc);
    seed(editor, 50);
    // Spied on before the wrapping, so the wrapper's calls into the library count too.
    const proto = Object.getPrototypeOf(binding.root) as Record<string, (...args: unknown[]) => void>;
    const visit = vi.spyOn(proto, '_syncChildFromLexical');
    try {
      expect(mirrorOnlyDirtyChildren(binding.root)).toBe(true);
      editor.update(
        () => {
          const text = $getRoot().getChildAtIndex<ParagraphNode>(30)!.getFirstChildOrThrow();
          if ($isTextNode(text)) text.spliceText(3, 0, 'q', false);
        },
        { discrete: true },
      );
      const onRoot = visit.mock.contexts.filter((c) => c === binding.root).length;
      expect(onRoot).toBe(1);
      expect(binding.root.getSharedType().toString()).toContain('Absqatz 30');
    } finally {
      visit.mockRestore();
    }
  });

  it('finds the binding root on the root XmlText once the binding exists', () => {
    const doc = new Y.Doc();
    const xml = doc.get('root', Y.XmlText);
    expect(collabNodeOf(xml)).toBeNull();
    const { binding } = boundEditor(doc);
    expect(collabNodeOf(xml)).toBe(binding.root);
  });

  it('leaves both members with the same article after random edits on both sides', async () => {
    for (const seedValue of [1, 2, 3, 4, 5]) {
      const [docA, docB] = linkedDocs();
      const a = boundEditor(docA);
      const b = boundEditor(docB);
      seed(a.editor, 12);
      await flush();
      expect(mirrorOnlyDirtyChildren(a.binding.root)).toBe(true);
      const next = random(seedValue);
      for (let step = 0; step < 150; step++) {
        randomEdit(next() < 0.75 ? a.editor : b.editor, next);
        await flush();
        expect(stateOf(b.editor), `seed ${seedValue}, step ${step}`).toBe(stateOf(a.editor));
      }
      // A third member that only reads the document gets the same article.
      const docC = new Y.Doc();
      const c = boundEditor(docC);
      Y.applyUpdate(docC, Y.encodeStateAsUpdate(docA));
      await flush();
      expect(stateOf(c.editor), `seed ${seedValue}`).toBe(stateOf(a.editor));
    }
  });
});

describe('a newcomer whose article came from the desk', () => {
  it('keeps what it types offline at the start of the article and merges it on reconnect', async () => {
    const docA = new Y.Doc();
    const a = boundEditor(docA);
    seed(a.editor, 20);
    await flush();
    // The newcomer builds its editor from the desk's state, then wraps its binding.
    const docB = new Y.Doc();
    const b = boundEditor(docB);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    await flush();
    expect(mirrorOnlyDirtyChildren(b.binding.root)).toBe(true);
    expect(stateOf(b.editor)).toBe(stateOf(a.editor));
    // Offline: each side types; B at the very start, A at the very end.
    b.editor.update(
      () => {
        const first = $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow();
        if ($isTextNode(first)) first.spliceText(0, 0, 'Abends: ', false);
      },
      { discrete: true },
    );
    a.editor.update(
      () => {
        const last = $getRoot().getLastChildOrThrow<ParagraphNode>().getLastChildOrThrow();
        if ($isTextNode(last)) last.spliceText(last.getTextContentSize(), 0, ' Jana war dabei.', false);
      },
      { discrete: true },
    );
    await flush();
    // Reconnect: each side sends what the other lacks.
    const toB = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB));
    const toA = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA));
    Y.applyUpdate(docA, toA);
    Y.applyUpdate(docB, toB);
    await flush();
    const text = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());
    expect(text(a.editor)).toMatch(/^Abends: Absatz 0/);
    expect(text(a.editor)).toMatch(/Jana war dabei\.$/);
    expect(stateOf(b.editor)).toBe(stateOf(a.editor));
  });
});
