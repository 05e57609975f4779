import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The target exists and the caller did not ask to replace it. */
export class FileExistsError extends Error {
  readonly code = 'EXISTS';
  constructor(readonly path: string) {
    super(`"${path}" already exists`);
    this.name = 'FileExistsError';
  }
}

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is a FileExistsError and stays untouched. */
  overwrite?: boolean;
}

export async function fileExists(target: string): Promise<boolean> {
  try {
    await access(target, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a whole file or nothing: the bytes go to a hidden temporary file in the same folder,
 * are flushed to disk, and only then take the file's name. A reader, a crash or a full disk
 * never leaves a half-written export under the real name. Without `overwrite` the final step is
 * a hard link, which the file system refuses atomically when the name is taken — so a file that
 * appears between the check and the write is not replaced either.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  if (!options.overwrite && (await fileExists(target))) throw new FileExistsError(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    if (options.overwrite) {
      await rename(temp, target);
      return;
    }
    try {
      await link(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(target);
      // Some file systems (FAT on USB sticks, some network shares) have no hard links; check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      if (await fileExists(target)) throw new FileExistsError(target);
      await rename(temp, target);
      return;
    }
    await rm(temp, { force: true });
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
