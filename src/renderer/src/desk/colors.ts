/** A stable caret colour per person: the same name gets the same hue on every machine. */
export function colorForName(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 70% 40%)`;
}
