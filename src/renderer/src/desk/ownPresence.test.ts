import { describe, expect, it } from 'vitest';
import { presenceProblem } from '../../../shared/desk/presence';
import { colorForName } from './colors';
import { ownPresence } from './ownPresence';

const tim = { name: 'Tim Brandt', role: 'checker' } as const;

describe('ownPresence', () => {
  it('announces nothing before the desk has confirmed whose token this is', () => {
    expect(ownPresence({ name: 'Tim (local)', color: '#000' }, null)).toBeNull();
    expect(ownPresence(null, tim)).toBeNull();
  });

  it("puts the desk's name, role and colour into a caret state the local name was set in, and the desk accepts it", () => {
    const caret = {
      anchorPos: null,
      awarenessData: {
        user: { name: 'Tim (local)', color: colorForName('Tim (local)'), role: 'editor' },
        articleId: 'a1',
      },
      color: colorForName('Tim (local)'),
      focusPos: null,
      focusing: false,
      name: 'Tim (local)',
    };
    const stamped = ownPresence(caret, tim)!;
    const user = { name: 'Tim Brandt', color: colorForName('Tim Brandt'), role: 'checker' };
    expect(stamped).toEqual({
      ...caret,
      name: 'Tim Brandt',
      color: user.color,
      awarenessData: { user, articleId: 'a1' },
    });
    expect(presenceProblem(JSON.stringify(caret), tim)).toMatch(/under another name/);
    expect(presenceProblem(JSON.stringify(stamped), tim)).toBeNull();
    expect(
      presenceProblem(JSON.stringify(ownPresence({ user: caret.awarenessData.user }, tim)), tim),
    ).toBeNull();
  });

  it('announces a name with accents so that the desk takes it for the token stored in another spelling', () => {
    const jose = { name: 'José Pérez', role: 'editor' } as const;
    const stamped = ownPresence(
      { user: { name: 'José (local)', color: '#000', role: 'editor' }, articleId: 'a1' },
      jose,
    );
    expect(
      presenceProblem(JSON.stringify(stamped), { name: 'Jose\u0301 Pe\u0301rez', role: 'editor' }),
    ).toBeNull();
  });
});
