import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/facts';
import type { Source } from '../../../shared/domain/facts';
import type { ChannelResult } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { api } from '../bridge';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode below the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** Sends a file picked or dropped in the renderer to the store, which keeps it by SHA-256. */
export async function uploadSourceFile(
  sourceId: string,
  file: File,
): Promise<Result<Source> | { ok: false; tooLarge: true }> {
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, tooLarge: true };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return api.facts.sourceAttachFile({ sourceId, fileName: file.name, base64: toBase64(bytes) });
}

/** A new source from a file: stored, its text read (a PDF in the background), title and address taken from a saved page. */
export async function addSourceFromFile(
  file: File,
): Promise<Result<ChannelResult<'sources:add'>> | { ok: false; tooLarge: true }> {
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, tooLarge: true };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const lastModified =
    Number.isFinite(file.lastModified) && file.lastModified > 0
      ? new Date(file.lastModified).toISOString()
      : null;
  return api.sources.add({ fileName: file.name, base64: toBase64(bytes), lastModified });
}

/** Offers data as a download (a fact pack, an attached file). */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
