import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { declaredUnpackedSize } from './zipSize';

describe('declaredUnpackedSize', () => {
  it('adds up the sizes a real DOCX declares for its parts', async () => {
    const bytes = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ text: 'SV Rotheide gewinnt 2:1.' })] }] }),
    );
    const size = declaredUnpackedSize(bytes);
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(200_000);
  });

  it('answers null for bytes that are no ZIP package or are cut off', async () => {
    expect(declaredUnpackedSize(new TextEncoder().encode('PK not really a zip'))).toBeNull();
    const bytes = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ text: 'x' })] }] }),
    );
    expect(declaredUnpackedSize(bytes.subarray(0, bytes.length - 30))).toBeNull();
  });
});
