import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinaryInfo {
  present: boolean;
  path: string | null;
  version: string | null;
  note: string;
}

/**
 * Where the Electron binary is, or why it is not there. Reads the package's files directly:
 * require('electron') would try to download a missing binary, and doctor must stay offline.
 */
export function electronBinary(): ElectronBinaryInfo {
  const require = createRequire(import.meta.url);
  let pkgFile: string;
  try {
    pkgFile = require.resolve('electron/package.json');
  } catch {
    return { present: false, path: null, version: null, note: 'the electron package is not installed' };
  }
  const dir = path.dirname(pkgFile);
  const version = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : 'electron',
    );
    if (fs.existsSync(exe))
      return { present: true, path: exe, version, note: 'ready (ELECTRON_OVERRIDE_DIST_PATH)' };
  }
  if (fs.existsSync(pathFile)) {
    const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    if (fs.existsSync(exe)) return { present: true, path: exe, version, note: 'ready' };
  }
  return { present: false, path: null, version, note: 'binary not downloaded (npm start tries to fetch it)' };
}
