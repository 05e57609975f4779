import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Attached source files live in the data folder under their SHA-256, so the same file
// attached twice (or arriving again in a fact pack) is stored once.

export { MAX_ATTACHMENT_BYTES as MAX_FILE_BYTES } from '../shared/contract/facts';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storedFilePath(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a SHA-256 hash: ${hash.slice(0, 80)}`);
  return path.join(dataDir, 'files', hash.slice(0, 2), hash);
}

/** Writes the bytes once (atomically, via a temporary name) and returns their hash. */
export function storeFile(
  dataDir: string,
  bytes: Uint8Array,
): { hash: string; size: number; created: boolean } {
  const hash = sha256Hex(bytes);
  const target = storedFilePath(dataDir, hash);
  if (fs.existsSync(target)) return { hash, size: bytes.length, created: false };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, target);
  return { hash, size: bytes.length, created: true };
}

export function storedFileInfo(dataDir: string, hash: string): { stored: boolean; size: number | null } {
  try {
    return { stored: true, size: fs.statSync(storedFilePath(dataDir, hash)).size };
  } catch {
    return { stored: false, size: null };
  }
}

export function readStoredFile(dataDir: string, hash: string): Buffer | null {
  try {
    return fs.readFileSync(storedFilePath(dataDir, hash));
  } catch {
    return null;
  }
}
