/** Hocuspocus' wire format, written by hand: what a hostile or broken client can put on the socket. */
export function writeUint(out: number[], value: number): void {
  while (value > 0x7f) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}
export function writeBytes(out: number[], bytes: Uint8Array): void {
  writeUint(out, bytes.length);
  for (const byte of bytes) out.push(byte);
}
export const writeString = (out: number[], text: string) => writeBytes(out, new TextEncoder().encode(text));

export function frame(
  doc: string,
  type: number,
  write: (out: number[]) => void = () => undefined,
): Uint8Array {
  const out: number[] = [];
  writeString(out, doc);
  writeUint(out, type);
  write(out);
  return Uint8Array.from(out);
}
export const auth = (doc: string, token: string) =>
  frame(doc, 2, (out) => {
    writeUint(out, 0);
    writeString(out, token);
  });
export const update = (doc: string, bytes: Uint8Array) =>
  frame(doc, 0, (out) => {
    writeUint(out, 2);
    writeBytes(out, bytes);
  });

/** An awareness update as y-protocols encodes it: per client its id, clock and state as JSON. */
export function awarenessFrame(
  doc: string,
  entries: readonly { clientId: number; clock: number; state: unknown }[],
): Uint8Array {
  const body: number[] = [];
  writeUint(body, entries.length);
  for (const entry of entries) {
    writeUint(body, entry.clientId);
    writeUint(body, entry.clock);
    writeString(body, JSON.stringify(entry.state));
  }
  return frame(doc, 1, (out) => writeBytes(out, Uint8Array.from(body)));
}
