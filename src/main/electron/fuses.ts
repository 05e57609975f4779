import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/**
 * The fuses a packaged Factdesk binary ships with: features of Electron the app never uses are
 * switched off in the binary itself, where code signing keeps them off (docs/security.md).
 * Development runs the unmodified Electron from node_modules; packaging calls `applyFuses`
 * (`npm run fuses -- <path to the packaged Electron binary>`).
 */
export const FACTDESK_FUSES: Readonly<Record<FuseV1Options, boolean>> = {
  // The app forks no process; ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store (the desk server's cookies, none of ours) encrypted with the OS key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the packaged, hash-checked app.asar may be loaded, never a loose app folder beside it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Kept on: the renderer is loaded from file:// as ES module scripts, which Chromium refuses from
  // an opaque file:// origin without these privileges. The session's request filter still lets
  // the page load only the app's own files (security.ts). Serving the renderer from a custom
  // protocol is what would let this fuse go off.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** Names the fuses by their @electron/fuses option names, for messages and tests. */
export function fuseName(index: number): string {
  return FuseV1Options[index] ?? `fuse ${index}`;
}

export interface FuseReport {
  /** The fuse wire read back from the binary after flipping: option name → on/off/removed/inherited. */
  wire: Record<string, 'on' | 'off' | 'removed' | 'inherited'>;
  /** Fuses the binary has that this app version does not know (a newer Electron): left as they were. */
  unknown: string[];
}

const FUSE_STATE: Record<number, FuseReport['wire'][string]> = { 0x30: 'off', 0x31: 'on', 0x72: 'removed' };

/**
 * Flips the fuses in a packaged Electron binary and reads them back, so a packaging step fails
 * when the binary did not take them (a wire version this code does not know, a missing sentinel).
 */
export async function applyFuses(binaryPath: string): Promise<FuseReport> {
  await flipFuses(binaryPath, { version: FuseVersion.V1, ...FACTDESK_FUSES });
  return readFuses(binaryPath);
}

export async function readFuses(binaryPath: string): Promise<FuseReport> {
  const current = (await getCurrentFuseWire(binaryPath)) as unknown as Record<string, number>;
  const wire: FuseReport['wire'] = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(current)) {
    if (key === 'version') continue;
    const index = Number(key);
    wire[fuseName(index)] = FUSE_STATE[value] ?? 'inherited';
    if (!(index in FACTDESK_FUSES)) unknown.push(fuseName(index));
  }
  return { wire, unknown };
}
