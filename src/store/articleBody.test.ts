import { describe, expect, it } from 'vitest';
import { BodyVersionError, checkBody, emptyBody, parseStoredBody, upgradeBody } from './articleBody';
import { bodyOf, heading, paragraph, textNode } from './articleBody.fixture';
import type { SerializedNodeJSON } from '../shared/domain/articles';

const link = (url: string): SerializedNodeJSON => ({
  type: 'link',
  version: 1,
  url,
  rel: null,
  target: null,
  title: null,
  direction: null,
  format: '',
  indent: 0,
  children: [textNode('Strivo')],
});

describe('article body checks', () => {
  it('accepts paragraphs, subheadings, quotes, lists, links and claim marks', () => {
    const body = bodyOf([
      heading('Zweite Halbzeit', 'h3'),
      {
        ...paragraph(''),
        children: [
          textNode('Laut '),
          link('https://strivo.example/rechte'),
          { type: 'mark', version: 1, ids: ['c1'], children: [textNode('12 Mio.')] },
        ],
      },
      { type: 'quote', version: 1, children: [textNode('Wir bleiben oben.')] },
      {
        type: 'list',
        version: 1,
        listType: 'number',
        start: 1,
        tag: 'ol',
        children: [{ type: 'listitem', version: 1, value: 1, children: [textNode('Eins')] }],
      },
    ]);
    expect(checkBody(body)).toEqual([]);
    expect(checkBody(emptyBody())).toEqual([]);
  });

  it('names the path of a node type an article cannot hold', () => {
    const body = bodyOf([paragraph('ok'), { type: 'table', version: 1, children: [] }]);
    expect(checkBody(body)).toEqual([
      { path: 'body.editorState.root.children.1.type', message: '"table" is not allowed in an article' },
    ]);
  });

  it('refuses javascript links, h1 headings and check lists', () => {
    const body = bodyOf([
      { ...paragraph(''), children: [link('javascript:alert(1)')] },
      heading('Titel', 'h1' as 'h2'),
      { type: 'list', version: 1, listType: 'check', children: [] },
    ]);
    expect(checkBody(body).map((p) => p.path)).toEqual([
      'body.editorState.root.children.0.children.0.url',
      'body.editorState.root.children.1.tag',
      'body.editorState.root.children.2.listType',
    ]);
  });
});

describe('article body versions', () => {
  it('reads a current body unchanged', () => {
    const json = JSON.stringify(emptyBody().editorState);
    expect(parseStoredBody(json, 1)).toEqual(emptyBody());
  });

  it('refuses a body written by a newer app instead of guessing', () => {
    expect(() => upgradeBody(emptyBody().editorState, 2)).toThrow(BodyVersionError);
  });
});

describe('tabs in an article body', () => {
  const tab = (text: string): SerializedNodeJSON => ({
    detail: 2,
    format: 0,
    mode: 'normal',
    style: '',
    text,
    type: 'tab',
    version: 1,
  });

  it('accepts Lexical’s tab node', () => {
    expect(
      checkBody(
        bodyOf([{ ...paragraph(''), children: [textNode('SV Rotheide'), tab('\t'), textNode('24')] }]),
      ),
    ).toEqual([]);
  });

  it('refuses a tab node that carries other text', () => {
    expect(checkBody(bodyOf([{ ...paragraph(''), children: [tab('<b>x</b>')] }]))).toEqual([
      { path: 'body.editorState.root.children.0.children.0.text', message: 'must be a single tab' },
    ]);
  });
});
