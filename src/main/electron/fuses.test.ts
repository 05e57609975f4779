import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFuses, readFuses } from './fuses';

// Electron marks its fuse wire with this sentinel, then a version byte, the wire's length and
// one byte per fuse ('0' off, '1' on, 'r' removed). Electron 45 ships nine fuses.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_45_WIRE = '101100011';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeBinary(wire: string | null): string {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-fuses-'));
  const path = join(dir, 'electron');
  const parts = [randomBytes(4096)];
  if (wire !== null) parts.push(Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire));
  parts.push(randomBytes(4096));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

describe('Electron fuses', () => {
  it('switches off run-as-node, NODE_OPTIONS and --inspect and loads only the checked app.asar', async () => {
    const binary = fakeBinary(ELECTRON_45_WIRE);
    const before = readFileSync(binary);
    const report = await applyFuses(binary);
    expect(report.wire).toMatchObject({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'on',
    });
    // A fuse newer than this app's list is named and left as Electron set it.
    expect(report.unknown).toEqual(['fuse 8']);
    expect(report.wire['fuse 8']).toBe('on');
    // Only the wire's bytes changed: the binary is otherwise untouched.
    const after = readFileSync(binary);
    const changed = [...after].flatMap((b, i) => (b === before[i] ? [] : [i]));
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(changed.every((i) => i >= wireStart && i < wireStart + ELECTRON_45_WIRE.length)).toBe(true);
    expect((await readFuses(binary)).wire).toEqual(report.wire);
  });

  it('refuses a file that is not an Electron binary with fuses', async () => {
    const binary = fakeBinary(null);
    await expect(applyFuses(binary)).rejects.toThrow(/sentinel/);
  });

  it('refuses an Electron too old to have the fuses the app relies on', async () => {
    const binary = fakeBinary('1011');
    await expect(applyFuses(binary)).rejects.toThrow(/not long enough/);
  });

  // Where Electron's binary was downloaded (not on this project's CI machines), flip a copy of it.
  const realBinary = join(process.cwd(), 'node_modules', 'electron', 'dist', 'electron');
  it.skipIf(!existsSync(realBinary))('flips the fuses of the real Electron binary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-fuses-'));
    const copy = join(dir, 'electron');
    copyFileSync(realBinary, copy);
    const report = await applyFuses(copy);
    expect(report.wire.RunAsNode).toBe('off');
    expect(report.wire.OnlyLoadAppFromAsar).toBe('on');
  });
});
