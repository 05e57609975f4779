import { describe, expect, it } from 'vitest';
import { bytesToBase64, uniqueNames } from './files';

describe('uniqueNames', () => {
  it('numbers repeated names before the extension and keeps distinct ones', () => {
    expect(
      uniqueNames([
        '2026-11-24-derby.annotated.pdf',
        '2026-11-24-derby.annotated.pdf',
        '2026-11-24-pokal.pdf',
        '2026-11-24-derby.annotated.pdf',
      ]),
    ).toEqual([
      '2026-11-24-derby.annotated.pdf',
      '2026-11-24-derby-2.annotated.pdf',
      '2026-11-24-pokal.pdf',
      '2026-11-24-derby-3.annotated.pdf',
    ]);
  });

  it('does not hand out a number that an original name already uses', () => {
    expect(uniqueNames(['2026-11-24-derby-2.md', '2026-11-24-derby.md', '2026-11-24-derby.md'])).toEqual([
      '2026-11-24-derby-2.md',
      '2026-11-24-derby.md',
      '2026-11-24-derby-3.md',
    ]);
  });
});

describe('bytesToBase64', () => {
  it('encodes files larger than one chunk so that they decode to the same bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('Grüße'))).toBe('R3LDvMOfZQ==');
  });
});
