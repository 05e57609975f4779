import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESK_MIRRORED_TYPE, mirrorReportMessage, parseMirrorReport } from './mirror-report';

const MEMBER = '6f1c2e3a-1b2c-4d5e-8f90-123456789abc';

describe('mirror reports from members to the desk', () => {
  it('carries a state vector there and back, or none for "still here"', () => {
    const doc = new Y.Doc();
    doc.getArray('changes').push([{ id: 'c1' }]);
    const sv = Y.encodeStateVector(doc);
    expect(parseMirrorReport(mirrorReportMessage(MEMBER, sv))).toEqual({ member: MEMBER, stateVector: sv });
    expect(parseMirrorReport(mirrorReportMessage(MEMBER, null))).toEqual({
      member: MEMBER,
      stateVector: null,
    });
  });

  it('refuses other messages, junk, a member id that is not one and a state vector Yjs cannot read', () => {
    const report = (fields: Record<string, unknown>) =>
      parseMirrorReport(JSON.stringify({ type: DESK_MIRRORED_TYPE, member: MEMBER, ...fields }));
    expect(parseMirrorReport('{"type":"desk:user","user":{"name":"x","role":"editor"}}')).toBeNull();
    expect(parseMirrorReport('not json')).toBeNull();
    expect(parseMirrorReport('null')).toBeNull();
    expect(report({ member: 'ida' })).toBeNull();
    expect(report({ member: MEMBER.toUpperCase() })).toBeNull();
    expect(report({ sv: 42 })).toBeNull();
    expect(report({ sv: '!!!' })).toBeNull();
    // One client announced, its clock missing.
    expect(report({ sv: btoa(String.fromCharCode(5, 1)) })).toBeNull();
    expect(report({ sv: 'A'.repeat(100_000) })).toBeNull();
  });
});
