/**
 * "@Lena Kowalczyk" or "@lena": a mention names a desk member (or, without a desk, any name).
 * With known names the longest one that follows an "@" wins, so two-word names are found;
 * otherwise one word after "@" is taken.
 */
export interface Mention {
  name: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}._-]*/u;

export function findMentions(body: string, knownNames: readonly string[] = []): Mention[] {
  const known = [...knownNames].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  const out: Mention[] = [];
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    // "name@example.org" is an address, not a mention.
    if (at > 0 && /[\p{L}\p{N}]/u.test(body[at - 1])) continue;
    const rest = body.slice(at + 1);
    const name = known.find(
      (n) => rest.toLowerCase().startsWith(n.toLowerCase()) && !/[\p{L}\p{N}]/u.test(rest[n.length] ?? ' '),
    );
    if (name) {
      out.push({ name, start: at, end: at + 1 + name.length });
      continue;
    }
    const word = WORD.exec(rest);
    if (word && word.index === 0)
      out.push({
        name: word[0].replace(/[._-]+$/, ''),
        start: at,
        end: at + 1 + word[0].replace(/[._-]+$/, '').length,
      });
  }
  return out;
}

/** Whether `body` mentions `userName`: by the full name, or by its first word ("@Lena"). */
export function mentionsUser(body: string, userName: string, knownNames: readonly string[] = []): boolean {
  const wanted = userName.trim().toLowerCase();
  if (wanted === '') return false;
  const first = wanted.split(/\s+/)[0];
  return findMentions(body, [...knownNames, userName]).some((m) => {
    const n = m.name.toLowerCase();
    return n === wanted || n === first;
  });
}
