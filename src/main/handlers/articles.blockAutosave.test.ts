import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../store/articleBody.fixture';
import { plainText } from '../../shared/article/blocks';
import { fail } from '../../shared/result';
import type { ArticleDocument, BlockPatch } from '../../shared/contract/articles';
import {
  ArticleSession,
  type BlockSource,
  type BodySource,
  type SaveFn,
} from '../../shared/autosave/articleSession';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

/**
 * Autosave that sends only changed blocks, against the real handlers and database: whatever
 * blocks were sent, what is stored is the editor's whole text.
 */

let ctx: HandlerContext;
let sent: { blocks?: BlockPatch; body?: unknown }[];
let failNext = 0;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-block-autosave-' });
  sent = [];
  failNext = 0;
});
afterEach(() => disposeContext(ctx));

const save: SaveFn = async (input) => {
  sent.push({ blocks: input.blocks, body: input.body });
  if (failNext > 0) {
    failNext--;
    return fail('unavailable', 'The server did not answer.');
  }
  return dispatch('articles:save', input, ctx);
};

/** Stands in for Lexical's editor state: blocks with keys that stay with a block while it lives. */
function editorState(blocks: [key: string, text: string][]): BlockSource {
  const byKey = new Map(blocks);
  return {
    toJSON: () => ({ root: { type: 'root', version: 1, children: blocks.map(([, t]) => paragraph(t)) } }),
    blockKeys: () => blocks.map(([k]) => k),
    blockJSON: (key) => paragraph(byKey.get(key)!),
    rootJSON: () => ({ type: 'root', version: 1 }),
  };
}
const blockSource = (s: BodySource) => ('blockKeys' in s ? (s as BlockSource) : null);

async function newDoc(paragraphs: string[]): Promise<ArticleDocument> {
  const c = await dispatch('articles:create', { headline: 'Rotheide' }, ctx);
  if (!c.ok) throw new Error(c.error.message);
  const body = {
    schemaVersion: 1 as const,
    editorState: editorState(paragraphs.map((t, i) => [`k${i}`, t])).toJSON(),
  };
  const s = await dispatch('articles:save', { id: c.value.meta.id, baseRev: c.value.rev, body }, ctx);
  if (!s.ok) throw new Error(s.error.message);
  return stored(c.value.meta.id);
}

async function stored(id: string): Promise<ArticleDocument> {
  const r = await dispatch('articles:get', { id }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function settled(session: ArticleSession): Promise<void> {
  const end = Date.now() + 5000;
  while (session.dirty || session.state.kind !== 'saved') {
    if (Date.now() > end) throw new Error(`not saved in time: ${JSON.stringify(session.state)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('block autosave', () => {
  it('sends only the block that changed once the loaded blocks are matched', async () => {
    const doc = await newDoc(['SV Rotheide gewinnt.', 'Lena Kowalczyk trifft.', 'FC Nordhafen verliert.']);
    const session = new ArticleSession(doc, save, { debounceMs: 10, blockSource });
    session.setBaseline(
      editorState([
        ['k0', 'SV Rotheide gewinnt.'],
        ['k1', 'Lena Kowalczyk trifft.'],
        ['k2', 'FC Nordhafen verliert.'],
      ]),
    );
    session.noteBody(
      editorState([
        ['k0', 'SV Rotheide gewinnt.'],
        ['k1', 'Lena Kowalczyk trifft zweimal.'],
        ['k2', 'FC Nordhafen verliert.'],
      ]),
      ['k1'],
    );
    await settled(session);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toBeUndefined();
    expect(sent[0].blocks!.changed).toEqual([
      { id: doc.blockIds![1], node: paragraph('Lena Kowalczyk trifft zweimal.') },
    ]);
    expect(sent[0].blocks!.order).toEqual(doc.blockIds);
    expect(plainText((await stored(doc.meta.id)).body)).toBe(
      'SV Rotheide gewinnt.\nLena Kowalczyk trifft zweimal.\nFC Nordhafen verliert.',
    );

    // A new block, a deleted one, and a block edited while it moved.
    session.noteBody(
      editorState([
        ['k2', 'FC Nordhafen verliert knapp.'],
        ['k9', 'Neu.'],
        ['k0', 'SV Rotheide gewinnt.'],
      ]),
      ['k2', 'k9'],
    );
    await settled(session);
    expect(sent).toHaveLength(2);
    expect(sent[1].blocks!.changed.map((c) => c.node)).toEqual([
      paragraph('FC Nordhafen verliert knapp.'),
      paragraph('Neu.'),
    ]);
    const after = await stored(doc.meta.id);
    expect(plainText(after.body)).toBe('FC Nordhafen verliert knapp.\nNeu.\nSV Rotheide gewinnt.');
    expect(after.blockIds).toEqual(sent[1].blocks!.order);
  });

  it('sends every block under new ids when the loaded blocks were never matched', async () => {
    const doc = await newDoc(['Eins.', 'Zwei.']);
    const session = new ArticleSession(doc, save, { debounceMs: 10, blockSource });
    session.noteBody(
      editorState([
        ['a', 'Eins.'],
        ['b', 'Zwei!'],
      ]),
      ['b'],
    );
    await settled(session);
    expect(sent[0].blocks!.changed).toHaveLength(2);
    expect(sent[0].blocks!.order.some((id) => doc.blockIds!.includes(id))).toBe(false);
    const after = await stored(doc.meta.id);
    expect(plainText(after.body)).toBe('Eins.\nZwei!');
    expect(after.blockIds).toEqual(sent[0].blocks!.order);
  });

  it('sends a block again after its save failed, and the whole text after a conflict', async () => {
    const doc = await newDoc(['Eins.', 'Zwei.']);
    const session = new ArticleSession(doc, save, { debounceMs: 10, blockSource, backoffMs: [20] });
    session.setBaseline(
      editorState([
        ['a', 'Eins.'],
        ['b', 'Zwei.'],
      ]),
    );
    failNext = 1;
    session.noteBody(
      editorState([
        ['a', 'Eins!'],
        ['b', 'Zwei.'],
      ]),
      ['a'],
    );
    await settled(session);
    expect(sent).toHaveLength(2);
    expect(sent[1].blocks!.changed.map((c) => c.node)).toEqual([paragraph('Eins!')]);

    // Another window saves meanwhile; this one keeps its text on top.
    const other = await stored(doc.meta.id);
    const r = await dispatch(
      'articles:save',
      {
        id: doc.meta.id,
        baseRev: other.rev,
        blocks: { root: { type: 'root', version: 1 }, order: other.blockIds!.slice(1), changed: [] },
      },
      ctx,
    );
    expect(r.ok).toBe(true);
    session.noteBody(
      editorState([
        ['a', 'Eins!'],
        ['b', 'Zwei?'],
      ]),
      ['b'],
    );
    const end = Date.now() + 5000;
    while (session.state.kind !== 'failed' && Date.now() < end)
      await new Promise((res) => setTimeout(res, 5));
    expect(session.state).toMatchObject({ kind: 'failed', code: 'conflict' });
    await session.rebase(r.ok ? r.value.rev : 0);
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Eins!\nZwei?');
    expect(sent.at(-1)!.blocks!.changed).toHaveLength(2);
  });
});

describe('articles:save with blocks', () => {
  it('refuses patches that could not produce a valid body, naming the field', async () => {
    const doc = await newDoc(['Eins.']);
    const root = { type: 'root', version: 1 };
    const attempt = (blocks: unknown, extra: Record<string, unknown> = {}) =>
      dispatch('articles:save', { id: doc.meta.id, baseRev: doc.rev, blocks, ...extra } as never, ctx);
    const twice = await attempt({ root, order: ['x1', 'x1'], changed: [{ id: 'x1', node: paragraph('A') }] });
    expect(!twice.ok && twice.error.fields?.[0].path).toBe('blocks.order.1');
    const strange = await attempt({
      root,
      order: ['x1'],
      changed: [{ id: 'x1', node: { type: 'image', version: 1 } }],
    });
    expect(!strange.ok && strange.error.code).toBe('validation');
    expect(!strange.ok && strange.error.fields?.[0].path).toBe('blocks.changed.0.node.type');
    const outside = await attempt({ root, order: [], changed: [{ id: 'x1', node: paragraph('A') }] });
    expect(!outside.ok && outside.error.fields?.[0].path).toBe('blocks.changed.0.id');
    const badId = await attempt({ root, order: ['../x'], changed: [] });
    expect(!badId.ok && badId.error.fields?.[0].path).toBe('blocks.order.0');
    const both = await attempt(
      { root, order: doc.blockIds, changed: [] },
      { body: { schemaVersion: 1, editorState: { root: { ...root, children: [] } } } },
    );
    expect(!both.ok && both.error.fields?.[0].path).toBe('blocks');
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Eins.');
    expect((await stored(doc.meta.id)).rev).toBe(doc.rev);
  });
});
