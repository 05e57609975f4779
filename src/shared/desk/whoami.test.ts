import { describe, expect, it } from 'vitest';
import { parseWhoami, whoamiMessage } from './whoami';

describe('parseWhoami', () => {
  it('reads the desk:user message in the one spelling of the name', () => {
    expect(parseWhoami(whoamiMessage({ name: 'Ida Sommer', role: 'viewer' }))).toEqual({
      name: 'Ida Sommer',
      role: 'viewer',
    });
    // An older desk sends the name as it was stored: decomposed accent, doubled space.
    expect(parseWhoami(whoamiMessage({ name: 'Jose\u0301  Pe\u0301rez', role: 'editor' }))).toEqual({
      name: 'José Pérez',
      role: 'editor',
    });
  });

  it('ignores other messages and junk', () => {
    expect(parseWhoami('{"type":"desk:mirrored"}')).toBeNull();
    expect(parseWhoami('{"type":"desk:user","user":{"name":"","role":"editor"}}')).toBeNull();
    expect(parseWhoami('{"type":"desk:user","user":{"name":"x","role":"admin"}}')).toBeNull();
    expect(parseWhoami('not json')).toBeNull();
  });
});
