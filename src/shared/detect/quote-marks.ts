import type { ArticleLanguage } from '../domain/articles';

/** An outermost quotation, from its opening mark to just after its closing mark. */
export interface QuoteSpan {
  start: number;
  end: number;
}

const OPENERS = '„“"»«‚‘\'';

// Which closing marks end a quote opened with a given mark. German „ is closed by “, and
// sloppy copy closes it with ”; English “ is closed by ”.
const CLOSERS: Record<string, string> = {
  '„': '“”',
  '“': '”',
  '"': '"',
  '»': '«',
  '«': '»',
  '‚': '‘’',
  '‘': '’',
  "'": "'",
};

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function canOpen(text: string, i: number, lang: ArticleLanguage): boolean {
  const c = text[i];
  const next = text[i + 1];
  if (isSpace(next)) return false;
  const prev = i > 0 ? text[i - 1] : undefined;
  if (c === '"' || c === '‘') return prev === undefined || /[\s([–—\-/:„“»«]/.test(prev);
  // A straight single quote opens only before a word and after a space or bracket, so the
  // apostrophes of "I've" and "Reilly's" never open anything.
  if (c === "'") return isLetter(next) && (prev === undefined || /[\s([–—/:„“»«"]/.test(prev));
  if (c === '“' && lang === 'de') return prev === undefined || /[\s([–—/:]/.test(prev);
  return true;
}

function canClose(text: string, i: number): boolean {
  const c = text[i];
  // An apostrophe inside a word ("don’t", "Rotheide’s") is not a closing mark.
  if (c === '’' || c === '‘' || c === "'") return !isLetter(text[i + 1]) && !isSpace(text[i - 1]);
  return !isSpace(text[i - 1]) || c === '"';
}

export interface QuoteScan {
  spans: QuoteSpan[];
  /** The paragraph ends inside a quotation that it opened and did not close. */
  endsOpen: boolean;
}

/**
 * Finds outermost quotations in one stretch of text. Inner quotes (a ‚…‘ inside „…“) are
 * consumed as part of their outer quote. `continuations` lists offsets of paragraph starts
 * whose first character re-opens a quote left open by the paragraph before.
 */
export function scanQuotes(
  text: string,
  lang: ArticleLanguage,
  continuations: ReadonlySet<number> = new Set(),
): QuoteScan {
  const spans: QuoteSpan[] = [];
  let stack: { char: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (stack.length > 0 && continuations.has(i + 1)) {
        // The convention repeats the opening mark at the start of every continued paragraph.
        stack = [stack[0]];
        i += 1;
      } else {
        stack = [];
      }
      continue;
    }
    if (!OPENERS.includes(c) && c !== '”' && c !== '’') continue;
    let closedAt = -1;
    for (let d = stack.length - 1; d >= 0; d--) {
      if (CLOSERS[stack[d].char].includes(c)) {
        closedAt = d;
        break;
      }
      // Single marks never close past a double one: a stray apostrophe must not end „…“.
      if (
        (c === '’' || c === '‘' || c === "'") &&
        stack[d].char !== '‚' &&
        stack[d].char !== '‘' &&
        stack[d].char !== "'"
      )
        break;
    }
    if (closedAt >= 0 && canClose(text, i)) {
      const opened = stack[closedAt];
      stack = stack.slice(0, closedAt);
      if (stack.length === 0) spans.push({ start: opened.at, end: i + 1 });
      continue;
    }
    if (OPENERS.includes(c) && canOpen(text, i, lang)) {
      if (c === '‘' && stack.length === 0 && lang === 'de') continue;
      stack.push({ char: c, at: i });
    }
  }
  return { spans, endsOpen: stack.length > 0 };
}

/** True when a paragraph begins with an opening mark, the sign that it continues a quote. */
export function startsWithOpener(paragraph: string): boolean {
  const c = paragraph[0];
  return c !== undefined && '„“"»«'.includes(c) && !isSpace(paragraph[1]);
}
