import { canonicalInlines, type Inline, type InlineFormat } from '../../shared/article/blocks';

/**
 * A small CommonMark-style inline parser: backslash escapes, code spans, links, autolinks,
 * emphasis with * and _ (nesting via a delimiter stack), ~~strikethrough~~, hard breaks
 * ("\" or two spaces before a newline) and soft breaks (a space). Images are dropped; other raw
 * HTML tags are dropped but their text stays, except <br> which is a break.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'break' }
  | { kind: 'link'; url: string; title: string | null; children: Node[] }
  | { kind: 'delim'; char: '*' | '_' | '~'; count: number; canOpen: boolean; canClose: boolean }
  | { kind: 'format'; format: keyof InlineFormat; children: Node[] };

const ASCII_PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

function isSpace(c: string | undefined): boolean {
  return c === undefined || SPACE.test(c);
}
function isPunct(c: string | undefined): boolean {
  return c !== undefined && PUNCT.test(c);
}

/** Finds the matching "]" for a "[" at `start`, honouring nesting and escapes. */
function closingBracket(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const run = /^`+/.exec(src.slice(i))![0];
      const end = src.indexOf(run, i + run.length);
      if (end !== -1) i = end + run.length - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Parses "(url "title")" at `start`; returns the destination, title and end index. */
function linkTail(src: string, start: number): { url: string; title: string | null; end: number } | null {
  if (src[start] !== '(') return null;
  let i = start + 1;
  while (src[i] === ' ') i++;
  let url = '';
  if (src[i] === '<') {
    const close = src.indexOf('>', i);
    if (close === -1) return null;
    url = src.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && ASCII_PUNCT.test(src[i + 1] ?? '')) {
        url += src[i + 1];
        i += 2;
        continue;
      }
      if (c === ' ' || c === '\n') break;
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      url += c;
      i++;
    }
  }
  while (src[i] === ' ' || src[i] === '\n') i++;
  let title: string | null = null;
  const quote = src[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closeChar = quote === '(' ? ')' : quote;
    let j = i + 1;
    let text = '';
    while (j < src.length && src[j] !== closeChar) {
      if (src[j] === '\\' && ASCII_PUNCT.test(src[j + 1] ?? '')) j++;
      text += src[j];
      j++;
    }
    if (j >= src.length) return null;
    title = text;
    i = j + 1;
    while (src[i] === ' ') i++;
  }
  if (src[i] !== ')') return null;
  return { url, title, end: i + 1 };
}

function tokenize(src: string): Node[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        flush();
        nodes.push({ kind: 'break' });
        i += 2;
        continue;
      }
      if (next !== undefined && ASCII_PUNCT.test(next)) {
        text += next;
        i += 2;
        continue;
      }
      text += c;
      i++;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(src.slice(i))![0];
      const end = src.indexOf(run, i + run.length);
      // A backtick run only closes with one of exactly the same length.
      let close = end;
      while (close !== -1 && (src[close + run.length] === '`' || src[close - 1] === '`'))
        close = src.indexOf(run, close + 1);
      if (close === -1) {
        text += run;
        i += run.length;
        continue;
      }
      flush();
      let code = src.slice(i + run.length, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '')
        code = code.slice(1, -1);
      nodes.push({ kind: 'code', text: code });
      i = close + run.length;
      continue;
    }
    if (c === '\n') {
      // Two or more trailing spaces make a hard break, otherwise the newline reads as a space.
      const hard = / {2,}$/.test(text);
      text = text.replace(/ +$/, '');
      if (hard) {
        flush();
        nodes.push({ kind: 'break' });
      } else text += ' ';
      i++;
      while (src[i] === ' ') i++;
      continue;
    }
    if (c === '!' && src[i + 1] === '[') {
      const close = closingBracket(src, i + 1);
      const tail = close !== -1 ? linkTail(src, close + 1) : null;
      if (tail) {
        // Images are not part of an article body; the alt text is dropped with them.
        i = tail.end;
        continue;
      }
    }
    if (c === '[') {
      const close = closingBracket(src, i);
      const tail = close !== -1 ? linkTail(src, close + 1) : null;
      if (tail) {
        flush();
        nodes.push({
          kind: 'link',
          url: tail.url,
          title: tail.title,
          children: tokenize(src.slice(i + 1, close)),
        });
        i = tail.end;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(src.slice(i));
      if (auto) {
        flush();
        const url = auto[1];
        nodes.push({
          kind: 'link',
          url,
          title: null,
          children: [{ kind: 'text', text: url.replace(/^mailto:/i, '') }],
        });
        i += auto[0].length;
        continue;
      }
      const tag = /^<\/?([a-z][a-z0-9-]*)(?:\s[^<>]*)?\/?>/i.exec(src.slice(i));
      if (tag) {
        if (tag[1].toLowerCase() === 'br') {
          flush();
          nodes.push({ kind: 'break' });
        }
        i += tag[0].length;
        continue;
      }
    }
    if (c === '*' || c === '_' || c === '~') {
      const run = new RegExp(`^\\${c}+`).exec(src.slice(i))![0];
      const before = i > 0 ? src[i - 1] : undefined;
      const after = src[i + run.length];
      const leftFlanking = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const rightFlanking = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      let canOpen = leftFlanking;
      let canClose = rightFlanking;
      if (c === '_') {
        // Underscores inside words (snake_case, Mega_Deal) are not emphasis.
        canOpen = leftFlanking && (!rightFlanking || isPunct(before));
        canClose = rightFlanking && (!leftFlanking || isPunct(after));
      }
      if (c === '~' && run.length !== 2) {
        text += run;
        i += run.length;
        continue;
      }
      flush();
      nodes.push({ kind: 'delim', char: c, count: run.length, canOpen, canClose });
      i += run.length;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return resolveEmphasis(nodes);
}

/** Pairs delimiter runs into bold/italic/strikethrough, following CommonMark's delimiter stack closely enough for articles. */
function resolveEmphasis(nodes: Node[]): Node[] {
  const list = [...nodes];
  let index = 0;
  while (index < list.length) {
    const closer = list[index];
    if (closer.kind !== 'delim' || !closer.canClose) {
      index++;
      continue;
    }
    let openerIndex = -1;
    for (let j = index - 1; j >= 0; j--) {
      const opener = list[j];
      if (opener.kind !== 'delim' || opener.char !== closer.char || !opener.canOpen) continue;
      // The "rule of three": a run that can both open and close does not pair when the sum is a multiple of 3.
      const bothSides = (opener.canClose || closer.canOpen) && closer.char !== '~';
      if (
        bothSides &&
        (opener.count + closer.count) % 3 === 0 &&
        !(opener.count % 3 === 0 && closer.count % 3 === 0)
      )
        continue;
      openerIndex = j;
      break;
    }
    if (openerIndex === -1) {
      index++;
      continue;
    }
    const opener = list[openerIndex] as Extract<Node, { kind: 'delim' }>;
    const used = closer.char === '~' ? 2 : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const format: keyof InlineFormat = closer.char === '~' ? 'strikethrough' : used === 2 ? 'bold' : 'italic';
    const inner = list.slice(openerIndex + 1, index);
    const wrapped: Node = { kind: 'format', format, children: inner };
    opener.count -= used;
    closer.count -= used;
    const replacement: Node[] = [];
    if (opener.count > 0) replacement.push(opener);
    replacement.push(wrapped);
    if (closer.count > 0) replacement.push(closer);
    list.splice(openerIndex, index - openerIndex + 1, ...replacement);
    index = openerIndex + replacement.length - (closer.count > 0 ? 1 : 0);
  }
  // Unpaired delimiters are literal text.
  return list.map((n) => (n.kind === 'delim' ? { kind: 'text', text: n.char.repeat(n.count) } : n));
}

function toInlines(nodes: Node[], format: InlineFormat): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.push({ type: 'text', text: node.text, format: { ...format } });
        break;
      case 'code':
        out.push({ type: 'text', text: node.text, format: { ...format, code: true } });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'link':
        out.push({
          type: 'link',
          url: node.url,
          title: node.title,
          children: toInlines(node.children, format),
        });
        break;
      case 'format':
        out.push(...toInlines(node.children, { ...format, [node.format]: true }));
        break;
      case 'delim':
        out.push({ type: 'text', text: node.char.repeat(node.count), format: { ...format } });
        break;
    }
  }
  return canonicalInlines(out);
}

/** Parses the inline content of one block (lines joined with "\n"). */
export function parseInline(src: string): Inline[] {
  const trimmed = src.replace(/^[ \t]+|[ \t]+$/g, '');
  const inlines = toInlines(tokenize(trimmed), {});
  // A trailing hard-break marker at the very end of a block is not a break.
  while (inlines.length > 0 && inlines[inlines.length - 1].type === 'break') inlines.pop();
  return inlines;
}
