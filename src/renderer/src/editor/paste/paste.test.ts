// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $insertNodes, $isElementNode, type LexicalNode } from 'lexical';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { ARTICLE_NODES } from '../nodes/articleNodes';
import { sanitizePastedHtml } from './sanitizeHtml';
import { $nodesFromPlainText, $nodesFromSanitizedHtml } from './pasteNodes';

function pasteHtml(html: string) {
  const editor = createHeadlessEditor({
    nodes: [...ARTICLE_NODES],
    onError: (e) => {
      throw e;
    },
  });
  const doc = sanitizePastedHtml(html, window);
  editor.update(
    () => {
      $getRoot().clear().select();
      $insertGeneratedNodes(editor, $nodesFromSanitizedHtml(editor, doc), $getSelection()!);
    },
    { discrete: true },
  );
  return {
    editor,
    doc,
    json: editor.getEditorState().toJSON(),
    text: editor.getEditorState().read(() => $getRoot().getTextContent()),
  };
}

function types(node: { type: string; children?: unknown[] }): string[] {
  const kids = (node.children ?? []) as { type: string; children?: unknown[] }[];
  return [node.type, ...kids.flatMap(types)];
}

describe('pasting HTML', () => {
  const webPage = `
    <html><head><style>p { color: red }</style><script>window.pwned = 1</script></head>
    <body>
      <h1 class="title" onclick="steal()">Almental steigt auf</h1>
      <p style="text-align:center" class="lead">Die <b>Entscheidung</b> fiel <span style="font-style:italic">spät</span>.</p>
      <img src="https://tracker.example/pixel.gif" onerror="window.pwned = 2" width="1" height="1">
      <iframe src="https://ads.example/frame"></iframe>
      <p>Mehr bei <a href="https://rotheide.example/bericht" target="_blank" onclick="x()">Rotheide</a>
         und <a href="javascript:alert(1)">nirgends</a>.</p>
      <h5>Stimmen</h5>
      <ul><li>Eins</li><li><u>Zwei</u></li></ul>
      <blockquote>Wir bleiben oben.</blockquote>
      <table><tr><td>Zelle</td></tr></table>
    </body></html>`;

  it('keeps the text but no scripts, styles, images, frames or event handlers', () => {
    const { doc, text } = pasteHtml(webPage);
    const html = doc.body.innerHTML;
    expect(html).not.toMatch(/script|style|onerror|onclick|img|iframe|class=|javascript:/i);
    expect(text).toContain('Almental steigt auf');
    expect(text).toContain('Die Entscheidung fiel spät.');
    expect(text).toContain('Zelle');
    expect(text).not.toContain('pwned');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('reduces the page to article nodes: h1 becomes a subheading, h5 a minor one', () => {
    const { json } = pasteHtml(webPage);
    const all = types(json.root as { type: string; children?: unknown[] });
    expect(new Set(all)).toEqual(
      new Set(['root', 'heading', 'paragraph', 'text', 'link', 'list', 'listitem', 'quote']),
    );
    const headings = (json.root.children as { type: string; tag?: string }[])
      .filter((n) => n.type === 'heading')
      .map((n) => n.tag);
    expect(headings).toEqual(['h2', 'h3']);
  });

  it('keeps bold and italic, drops underline, alignment and link targets, and unlinks unsafe addresses', () => {
    const { editor } = pasteHtml(webPage);
    const found: { type: string; format?: number | string; url?: string; target?: string | null }[] = [];
    editor.getEditorState().read(() => {
      const walk = (n: LexicalNode) => {
        found.push(n.exportJSON() as never);
        if ($isElementNode(n)) n.getChildren().forEach(walk);
      };
      $getRoot().getChildren().forEach(walk);
    });
    expect(
      found.find((n) => n.type === 'text' && (n as { text?: string }).text === 'Entscheidung')?.format,
    ).toBe(1);
    expect(found.find((n) => n.type === 'text' && (n as { text?: string }).text === 'spät')?.format).toBe(2);
    expect(found.find((n) => n.type === 'text' && (n as { text?: string }).text === 'Zwei')?.format).toBe(0);
    expect(found.filter((n) => n.type === 'paragraph').every((n) => n.format === '')).toBe(true);
    const links = found.filter((n) => n.type === 'link');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ url: 'https://rotheide.example/bericht', target: null });
  });

  it('does not make a Google Docs paste bold just because of its wrapper', () => {
    const { editor } = pasteHtml(
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">Fett</span> und normal</p></b>',
    );
    const formats = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((t) => [t.getTextContent(), t.getFormat()]),
    );
    expect(formats).toEqual([
      ['Fett', 1],
      [' und normal', 0],
    ]);
  });
});

describe('pasting plain text', () => {
  function pastePlain(text: string): string[] {
    const editor = createHeadlessEditor({
      nodes: [...ARTICLE_NODES],
      onError: (e) => {
        throw e;
      },
    });
    editor.update(
      () => {
        $getRoot().clear().select();
        $insertNodes($nodesFromPlainText(text));
      },
      { discrete: true },
    );
    return editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((c) => c.getTextContent()),
    );
  }

  it('makes a paragraph of every non-empty line', () => {
    expect(pastePlain('Erster Absatz.\r\n\r\nZweiter Absatz.\nDritter.')).toEqual([
      'Erster Absatz.',
      'Zweiter Absatz.',
      'Dritter.',
    ]);
  });

  it('inserts a single line as text without new paragraphs', () => {
    expect(pastePlain('Jana Kowalczyk')).toEqual(['Jana Kowalczyk']);
  });
});
