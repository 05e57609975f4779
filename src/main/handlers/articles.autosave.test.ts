import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraphBody } from '../../store/articleBody.fixture';
import { plainText } from '../../shared/article/blocks';
import { fail } from '../../shared/result';
import type { ArticleDocument } from '../../shared/contract/articles';
import { ArticleSession, type SaveFn } from '../../shared/autosave/articleSession';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

/**
 * The renderer's autosave session against the real handlers and a real database: what the
 * editor hands over is what ends up stored.
 */

let ctx: HandlerContext;
let calls: number;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-autosave-', userName: 'kowalczyk', locale: 'de_DE.UTF-8' });
  calls = 0;
});
afterEach(() => disposeContext(ctx));

const save: SaveFn = (input) => {
  calls++;
  return dispatch('articles:save', input, ctx);
};

async function newDoc(): Promise<ArticleDocument> {
  const r = await dispatch('articles:create', { headline: 'Rotheide' }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Stands in for a Lexical EditorState: immutable, serialised only when asked. */
const state = (paragraphs: string[]) => ({ toJSON: () => paragraphBody(paragraphs).editorState });

async function stored(id: string) {
  const r = await dispatch('articles:get', { id }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls instead of sleeping a fixed time, so a slow machine does not fail the test. */
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await wait(5);
  }
}

describe('autosave session', () => {
  it('saves once after a burst of changes, with body and fields in one call', async () => {
    const doc = await newDoc();
    const session = new ArticleSession(doc, save, { debounceMs: 30 });
    session.noteBody(state(['S']));
    session.noteBody(state(['SV Rot']));
    session.setMeta({ kicker: 'Derby' });
    session.noteBody(state(['SV Rotheide gewinnt.']));
    expect(session.state.kind).toBe('pending');
    await until(() => session.state.kind === 'saved');
    expect(calls).toBe(1);
    expect(session.state.kind).toBe('saved');
    const back = await stored(doc.meta.id);
    expect(plainText(back.body)).toBe('SV Rotheide gewinnt.');
    expect(back.meta.kicker).toBe('Derby');
    expect(session.rev).toBe(back.rev);
  });

  it('saves at the latest after the maximum wait while changes keep coming without a pause', async () => {
    const doc = await newDoc();
    const states: string[] = [];
    const session = new ArticleSession(doc, save, { debounceMs: 200, maxWaitMs: 300 });
    session.subscribe(() => states.push(session.state.kind));
    // A steady typist: a change every 40 ms for 1.2 s never leaves the 200 ms quiet gap.
    const words: string[] = [];
    for (let i = 0; i < 30; i++) {
      words.push(`Wort${i}`);
      session.noteBody(state([words.join(' ')]));
      await wait(40);
    }
    const savesDuringBurst = calls;
    const storedDuringBurst = plainText((await stored(doc.meta.id)).body);
    await session.flush();
    expect(savesDuringBurst).toBeGreaterThanOrEqual(2);
    expect(storedDuringBurst).toMatch(/^Wort0 Wort1/);
    // "saving" only ever follows a real save call, never stands for "changes waiting".
    expect(states.filter((s) => s === 'saving').length).toBe(calls);
  });

  it("saves colleagues' edits within their window, never postponed by more of them, and they do not delay a local save", async () => {
    const doc = await newDoc();
    const session = new ArticleSession(doc, save, { debounceMs: 30, maxWaitMs: 100 });
    // A colleague types steadily: a remote change every 20 ms for 400 ms.
    const words: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      words.push(`Tor${i}`);
      session.noteBodyLater(state([words.join(' ')]), 150);
      await wait(20);
    }
    const savesDuringBurst = calls;
    // A debounce would not have saved yet; a save per change would have saved 20 times.
    expect(savesDuringBurst).toBeGreaterThanOrEqual(1);
    expect(savesDuringBurst).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 150) + 1);
    await until(() => session.state.kind === 'saved');
    expect(plainText((await stored(doc.meta.id)).body)).toBe(words.join(' '));
    // A local edit after a remote one is saved on the local schedule, not the remote one.
    const before = calls;
    session.noteBodyLater(state(['Tor von Lena Kowalczyk']), 10_000);
    session.noteBody(state(['Tor von Lena Kowalczyk, SV Rotheide']));
    await until(() => calls > before, 2000);
    await until(() => session.state.kind === 'saved');
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Tor von Lena Kowalczyk, SV Rotheide');
  });

  it('does not call the store when the text is unchanged', async () => {
    const doc = await newDoc();
    const session = new ArticleSession(doc, save, { debounceMs: 10 });
    session.noteBody({ toJSON: () => doc.body.editorState });
    await session.flush();
    expect(calls).toBe(0);
    expect(session.state.kind).toBe('saved');
  });

  it('flushes pending text immediately, as closing the window does', async () => {
    const doc = await newDoc();
    const session = new ArticleSession(doc, save, { debounceMs: 60_000 });
    session.noteBody(state(['Letzter Satz vor dem Schließen.']));
    await session.flush();
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Letzter Satz vor dem Schließen.');
  });

  it('keeps saving in order while typing continues during a save', async () => {
    const doc = await newDoc();
    const session = new ArticleSession(doc, save, { debounceMs: 5 });
    for (let i = 1; i <= 20; i++) {
      session.noteBody(state([`Fassung ${i}`]));
      await wait(i % 5 === 0 ? 20 : 1);
    }
    await session.flush();
    const back = await stored(doc.meta.id);
    expect(plainText(back.body)).toBe('Fassung 20');
    expect(back.rev).toBe(session.rev);
    expect(session.state.kind).toBe('saved');
  });

  it('reports a failed save with its reason and retries until it goes through', async () => {
    const doc = await newDoc();
    let offline = 2;
    const flaky: SaveFn = (input) =>
      offline-- > 0
        ? Promise.resolve(fail('unavailable', "Factdesk's local server did not answer."))
        : save(input);
    const seen: string[] = [];
    const session = new ArticleSession(doc, flaky, { debounceMs: 5, backoffMs: [20, 40] });
    session.subscribe(() =>
      seen.push(session.state.kind === 'failed' ? `failed: ${session.state.reason}` : session.state.kind),
    );
    session.noteBody(state(['Trotz Funkloch gespeichert.']));
    await until(() => seen[seen.length - 1] === 'saved');
    expect(seen).toContain("failed: Factdesk's local server did not answer.");
    expect(seen[seen.length - 1]).toBe('saved');
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Trotz Funkloch gespeichert.');
  });

  it('stops on a conflict instead of overwriting text saved elsewhere', async () => {
    const doc = await newDoc();
    await dispatch(
      'articles:save',
      { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Anderes Fenster.']) },
      ctx,
    );
    const session = new ArticleSession(doc, save, { debounceMs: 5, backoffMs: [10] });
    session.noteBody(state(['Dieses Fenster.']));
    await session.flush();
    expect(session.state).toMatchObject({ kind: 'failed', retryAt: null });
    await wait(50);
    expect(calls).toBe(1);
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Anderes Fenster.');
  });
});

describe('autosave after a conflict', () => {
  it('saves this window’s text on top once the other version is kept as a revision', async () => {
    const doc = await newDoc();
    await dispatch(
      'articles:save',
      { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Anderes Fenster.']) },
      ctx,
    );
    const session = new ArticleSession(doc, save, { debounceMs: 5 });
    session.noteBody(state(['Dieses Fenster.']));
    await session.flush();
    expect(session.state).toMatchObject({ kind: 'failed', code: 'conflict' });

    const other = await stored(doc.meta.id);
    const kept = await dispatch('revisions:create', { articleId: doc.meta.id, name: 'Anderes Fenster' }, ctx);
    expect(kept.ok).toBe(true);
    await session.rebase(other.rev);

    expect(session.state.kind).toBe('saved');
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Dieses Fenster.');
    const revisions = await dispatch('revisions:list', { articleId: doc.meta.id }, ctx);
    const named = revisions.ok ? revisions.value.find((r) => r.name === 'Anderes Fenster') : undefined;
    const body = named ? await dispatch('revisions:get', { id: named.id }, ctx) : null;
    expect(body?.ok && plainText(body.value.body)).toBe('Anderes Fenster.');
  });

  it('keeps saving the words when the ready gate refuses a status change made in the same save', async () => {
    const doc = await newDoc();
    const claim = await dispatch(
      'claims:create',
      {
        articleId: doc.meta.id,
        id: 'c-gate-01',
        text: 'sieben Millionen',
        context: { text: 'sieben Millionen', start: 0, end: 16 },
      },
      ctx,
    );
    expect(claim.ok).toBe(true);
    const refused: string[] = [];
    const session = new ArticleSession(doc, save, {
      debounceMs: 10,
      onStatusRefused: (m) => refused.push(m),
    });
    session.setMeta({ status: 'ready' });
    session.noteBody(state(['Strivo zahlt sieben Millionen.']));
    await until(() => session.state.kind === 'saved' && !session.dirty);
    expect(refused).toHaveLength(1);
    expect(session.meta.status).toBe('draft');
    const after = await stored(doc.meta.id);
    expect(after.meta.status).toBe('draft');
    expect(plainText(after.body)).toBe('Strivo zahlt sieben Millionen.');

    // Autosave goes on after the refusal.
    session.noteBody(state(['Strivo zahlt sieben Millionen Euro.']));
    await until(() => session.state.kind === 'saved' && !session.dirty);
    expect(plainText((await stored(doc.meta.id)).body)).toBe('Strivo zahlt sieben Millionen Euro.');
  });
});
