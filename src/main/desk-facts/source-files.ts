import { fetchDeskFile, uploadDeskFile, type DeskEndpoint } from '../../shared/desk/files-client';
import type { Db } from '../../store/db';
import { readDeskConfig } from '../../store/desk-config';
import { filesToUpload, markFileUploaded } from '../../store/desk-file-uploads';
import { readStoredFile, sha256Hex, storeFile } from '../../store/files';

/**
 * Attached source files over the desk (issue 13): the record carries only the SHA-256; the
 * bytes go to the desk server once, by that hash, and a colleague's app fetches them when
 * someone opens the file, checked against the hash before they are stored.
 */

export interface UploadRound {
  uploaded: number;
  /** Set when the desk cannot be reached; the caller tries again later. */
  unavailable: boolean;
}

/**
 * Gives the desk the files of shared sources it does not have from here yet. `skip` collects
 * hashes this app cannot give (not in its data folder — another member's file — or refused),
 * so they are not asked for again in this session.
 */
export async function uploadSourceFiles(
  db: Db,
  dataDir: string,
  desk: DeskEndpoint,
  skip: Set<string>,
  report: (message: string) => void,
): Promise<UploadRound> {
  let uploaded = 0;
  for (const hash of filesToUpload(db, 200).filter((h) => !skip.has(h))) {
    if (!db.open) break;
    const bytes = readStoredFile(dataDir, hash);
    if (!bytes) {
      skip.add(hash);
      continue;
    }
    if (sha256Hex(bytes) !== hash) {
      // A damaged copy must not reach the desk under another hash.
      skip.add(hash);
      report(
        `the attached file ${hash.slice(0, 12)}… in this data folder is damaged (its SHA-256 no longer matches); it is not sent to the desk`,
      );
      continue;
    }
    const result = await uploadDeskFile(desk, bytes);
    if (result.ok) {
      if (db.open) markFileUploaded(db, hash, new Date().toISOString());
      uploaded++;
      continue;
    }
    if (result.error.code === 'unavailable') return { uploaded, unavailable: true };
    skip.add(hash);
    report(`the desk did not take the attached file ${hash.slice(0, 12)}…: ${result.error.message}`);
  }
  return { uploaded, unavailable: false };
}

/** Hashes of shared sources' files that this app can still give the desk. */
export function uploadsWaiting(db: Db, skip: Set<string>): number {
  return filesToUpload(db, 200).filter((h) => !skip.has(h)).length;
}

/**
 * A source's file that is not in this data folder (it came with a colleague's record): fetched
 * from the configured desk, verified against its SHA-256, then stored here like an attached file.
 * Null when no desk is configured; a sentence in `error` when the desk could not give it.
 */
export async function fetchSourceFile(
  db: Db,
  dataDir: string,
  hash: string,
): Promise<{ bytes: Buffer } | { error: string } | null> {
  const desk = readDeskConfig(db);
  if (!desk.enabled || !desk.url || !desk.token) return null;
  const result = await fetchDeskFile({ url: desk.url, token: desk.token }, hash);
  if (!result.ok) return { error: result.error.message };
  const bytes = Buffer.from(result.value);
  storeFile(dataDir, bytes);
  // The desk has it (that is where it came from): nothing to upload from here.
  markFileUploaded(db, hash, new Date().toISOString());
  return { bytes };
}
