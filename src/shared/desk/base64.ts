/**
 * Yjs updates cross the contract as base64 text: both transports (IPC and the browser shell's
 * JSON) carry strings, and btoa/atob exist in Node and in the browser alike.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode takes arguments, and a large spread would overflow the call stack.
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
