import { describe, expect, it } from 'vitest';
import { $getSelection, $setSelection } from 'lexical';
import { createHeadlessEditor } from '@lexical/headless';
import { plainText } from '../../../shared/article/blocks';
import { sampleBody } from '../../../shared/article/sampleArticle.fixture';
import { detect } from '../../../shared/detect';
import type { ArticleBody, SerializedNodeJSON } from '../../../shared/domain/articles';
import { ARTICLE_NODES } from '../editor/nodes/articleNodes';
import { $editorTextMap, $selectionOf, overlapsMarked, pointsOf } from './editorText';

function load(body: ArticleBody) {
  const editor = createHeadlessEditor({
    nodes: [...ARTICLE_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body.editorState)));
  return editor;
}

const text = (t: string, format = 0): SerializedNodeJSON => ({
  type: 'text',
  version: 1,
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: t,
});
const el = (
  type: string,
  children: SerializedNodeJSON[],
  extra: Record<string, unknown> = {},
): SerializedNodeJSON => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const p = (...children: SerializedNodeJSON[]) => el('paragraph', children, { textFormat: 0, textStyle: '' });
const item = (value: number, ...children: SerializedNodeJSON[]) => el('listitem', children, { value });
const list = (...items: SerializedNodeJSON[]) =>
  el('list', items, { listType: 'bullet', start: 1, tag: 'ul' });
const body = (...children: SerializedNodeJSON[]): ArticleBody => ({
  schemaVersion: 1,
  editorState: { root: el('root', children) },
});

// Invented copy; every node type an article body may hold.
const TRICKY = body(
  el('heading', [text('Rotheide im Glück')], { tag: 'h2' }),
  p(
    text('„Wir bleiben zusammen“, sagte '),
    el('link', [text('Jana', 1), text(' Kowalczyk')], {
      url: 'https://rotheide.example',
      rel: null,
      target: null,
      title: null,
    }),
    text('.'),
    { type: 'linebreak', version: 1 },
    text('Strivo soll '),
    el('mark', [text('sieben Millionen Euro')], { ids: ['claim-0001'] }),
    text(' zahlen.'),
  ),
  p(),
  p(
    text('Spalte'),
    { type: 'tab', version: 1, detail: 2, format: 0, mode: 'normal', style: '', text: '\t' },
    text('Wert'),
  ),
  list(item(1, list(item(1, text('Tief verschachtelt')))), item(1, text('Erster Punkt'))),
  el('quote', [text('Am 3. März spielt Almental in Rotheide.')]),
  list(
    item(1, text('Oben')),
    item(2, list(item(1, text('Unten eins')), item(2, text('Unten zwei')))),
    item(2, text('Wieder oben')),
  ),
);

describe('$editorTextMap', () => {
  it('reads exactly the plain text of the saved body for the sample article', () => {
    const editor = load(sampleBody);
    const map = editor.getEditorState().read($editorTextMap);
    expect(map.text).toBe(plainText(sampleBody));
  });

  it('reads exactly the plain text of the saved body for links, breaks, tabs, marks, empty lines and nested lists', () => {
    const editor = load(TRICKY);
    const saved: ArticleBody = {
      schemaVersion: 1,
      editorState: editor.getEditorState().toJSON() as ArticleBody['editorState'],
    };
    const map = editor.getEditorState().read($editorTextMap);
    expect(map.text).toBe(plainText(saved));
    expect(map.text).toBe(plainText(TRICKY));
    expect(map.text.split('\n')[0]).toBe('Rotheide im Glück');
  });

  it('records where claim marks already cover text', () => {
    const map = load(TRICKY).getEditorState().read($editorTextMap);
    const at = map.text.indexOf('sieben Millionen Euro');
    expect(map.marked).toEqual([{ start: at, end: at + 'sieben Millionen Euro'.length }]);
    expect(overlapsMarked(map, at + 3, at + 5)).toBe(true);
    expect(overlapsMarked(map, 0, at)).toBe(false);
  });

  it('answers overlap questions like a scan of every marked stretch, nested and unsorted ones included', () => {
    const marked = [
      { start: 50, end: 60 },
      { start: 10, end: 40 },
      { start: 12, end: 15 },
      { start: 70, end: 71 },
    ];
    for (let start = 0; start < 80; start++)
      for (let end = start + 1; end <= 80; end++)
        expect(overlapsMarked({ marked }, start, end)).toBe(
          marked.some((m) => m.start < end && start < m.end),
        );
    expect(overlapsMarked({ marked: [] }, 0, 10)).toBe(false);
  });
});

describe('mapping suggestions back to text nodes', () => {
  it('selects exactly the text of every suggestion the detector finds, across formatting and links', () => {
    const editor = load(TRICKY);
    const map = editor.getEditorState().read($editorTextMap);
    const suggestions = detect(map.text, { lang: 'de' });
    expect(suggestions.map((s) => s.kind)).toEqual(expect.arrayContaining(['quote', 'amount', 'date']));
    for (const s of suggestions) {
      let selected = '';
      editor.update(
        () => {
          const selection = $selectionOf($editorTextMap(), s.start, s.end, s.text);
          $setSelection(selection);
          selected = $getSelection()?.getTextContent() ?? '';
        },
        { discrete: true },
      );
      expect(selected).toBe(s.text);
    }
  });

  it('starts a range in the node holding its first character, not at the end of the node before', () => {
    const map = load(TRICKY).getEditorState().read($editorTextMap);
    const start = map.text.indexOf('Kowalczyk') - 1; // the space, first character of the second text node in the link
    const points = pointsOf(map, start, start + 10)!;
    const second = map.segments.find((s) => s.start === start)!;
    expect(points.anchor).toEqual({ key: second.key, offset: 0 });
  });

  it('refuses a range whose text has changed since detection', () => {
    const editor = load(TRICKY);
    editor.getEditorState().read(() => {
      const map = $editorTextMap();
      const at = map.text.indexOf('Strivo');
      expect($selectionOf(map, at, at + 6, 'Strivo')).not.toBeNull();
      expect($selectionOf(map, at, at + 6, 'Stravo')).toBeNull();
      expect($selectionOf(map, at, at, '')).toBeNull();
    });
  });
});
