import { describe, expect, it } from 'vitest';
import type { DeskUser } from './names';
import { PRESENCE_STATE_MAX_BYTES, presenceProblem, shownPresenceName } from './presence';

const lena: DeskUser = { name: 'Lena Kowalczyk', role: 'editor' };
const check = (state: unknown, user: DeskUser = lena) => presenceProblem(JSON.stringify(state), user);

/** What the app sends: the index document's presence and @lexical/yjs' caret state around it. */
const indexState = {
  user: { name: 'Lena Kowalczyk', color: 'hsl(212 70% 40%)', role: 'editor' },
  articleId: 'a1',
};
const caretState = {
  anchorPos: { type: { client: 1234, clock: 7 }, tname: null, item: { client: 1234, clock: 9 }, assoc: 0 },
  awarenessData: indexState,
  color: 'hsl(212 70% 40%)',
  focusPos: null,
  focusing: true,
  name: 'Lena Kowalczyk',
};

describe('presenceProblem', () => {
  it("lets the app's own presence and caret states through, and a client leaving", () => {
    expect(check(indexState)).toBeNull();
    expect(check({ user: indexState.user })).toBeNull();
    expect(check(caretState)).toBeNull();
    expect(check(null)).toBeNull();
  });

  it('refuses a state under another name, wherever the name is', () => {
    expect(check({ ...indexState, user: { ...indexState.user, name: 'Jonas Brehm' } })).toBe(
      'an awareness state under another name ("Jonas Brehm" in "user.name")',
    );
    expect(check({ ...caretState, name: 'Jonas Brehm' })).toBe(
      'an awareness state under another name ("Jonas Brehm" in "name")',
    );
    expect(
      check({ ...caretState, awarenessData: { user: { ...indexState.user, name: 'Chefredaktion' } } }),
    ).toBe('an awareness state under another name ("Chefredaktion" in "awarenessData.user.name")');
    // A look-alike: Cyrillic "е" in "Lena".
    expect(check({ user: { ...indexState.user, name: 'L\u0435na Kowalczyk' } })).toMatch(
      /under another name/,
    );
    expect(check({ name: 'x'.repeat(500) })).toBe(
      `an awareness state under another name ("${'x'.repeat(80)}"… in "name")`,
    );
  });

  it('takes the same name in another spelling (decomposed accent, extra spaces) as the same', () => {
    const jose: DeskUser = { name: 'José Pérez', role: 'checker' };
    expect(check({ user: { name: 'Jose\u0301  Pe\u0301rez', role: 'checker' } }, jose)).toBeNull();
    expect(check({ user: { name: 'José Pérez', role: 'editor' } }, jose)).toBe(
      'an awareness state with another role ("editor" in "user.role", the token\'s is checker)',
    );
  });

  it('refuses control and invisible characters, unknown fields, odd values and oversized states', () => {
    expect(check({ ...caretState, name: 'Lena\u202eKowalczyk' })).toBe(
      'an awareness state with control or invisible characters',
    );
    expect(check({ ...indexState, articleId: 'a1\n' })).toBe(
      'an awareness state with control or invisible characters',
    );
    expect(check({ ...indexState, userId: 'jonas' })).toBe(
      'an awareness state with a field the desk does not know ("userId")',
    );
    expect(check({ user: { ...indexState.user, id: 'jonas' } })).toBe(
      'an awareness state with a field the desk does not know ("user.id")',
    );
    expect(check({ ...caretState, color: 'red; background: url(https://example.org/x)' })).toBe(
      'an awareness state whose "color" is not a colour',
    );
    expect(check({ ...indexState, articleId: '../etc' })).toBe(
      'an awareness state whose "articleId" is not an article id',
    );
    expect(check({ focusing: true })).toBe("an awareness state without the member's name");
    expect(check([1, 2])).toBe('an awareness state that is not an object');
    expect(check({ ...caretState, anchorPos: { a: { b: { c: { d: { e: 1 } } } } } })).toBe(
      'an awareness state nested deeper than 5 levels',
    );
    const huge = {
      ...caretState,
      anchorPos: { type: { client: 1, clock: 1 }, tname: 'x'.repeat(PRESENCE_STATE_MAX_BYTES) },
    };
    expect(check(huge)).toMatch(/^an awareness state of \d+ bytes \(at most 4096\)$/);
  });
});

describe('shownPresenceName', () => {
  it('shows a name in its one spelling and none that no desk user can have', () => {
    expect(shownPresenceName('Zoe\u0308  Brandt ')).toBe('Zoë Brandt');
    expect(shownPresenceName('Lena\u202eKowalczyk')).toBeNull();
    expect(shownPresenceName('x'.repeat(81))).toBeNull();
    expect(shownPresenceName('  ')).toBeNull();
    expect(shownPresenceName(42)).toBeNull();
  });
});
