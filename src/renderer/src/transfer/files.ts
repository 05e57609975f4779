import { MAX_IMPORT_BASE64 } from '../../../shared/contract/transfer';

/** The largest file the renderer sends for import (its base64 must fit the contract's limit). */
export const MAX_IMPORT_FILE_BYTES = Math.floor((MAX_IMPORT_BASE64 / 4) * 3) - 4;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode below the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Numbers repeated names within one batch (`…-derby.pdf`, `…-derby-2.pdf`), so one export never meets another of the same run. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.indexOf('.', name.lastIndexOf('-') + 1);
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let n = 2; used.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    used.add(candidate);
    return candidate;
  });
}
