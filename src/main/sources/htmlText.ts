import { JSDOM } from 'jsdom';
import type { ExtractedDocument, Segment } from '../../shared/sources/document';

// The readable text of a saved web page. jsdom parses it without running scripts or fetching
// anything (its defaults); only text nodes are read, so no markup of the page reaches the app.

/** Page furniture that is not the article: menus, cookie banners, forms, embedded code. */
const SKIPPED =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, form, nav, aside, button, body > header, body > footer, select, [hidden], [aria-hidden="true"]';
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCKS = new Set([
  'P',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DT',
  'DD',
  'FIGCAPTION',
  'CAPTION',
  'ADDRESS',
  ...HEADINGS,
]);

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const httpUrl = (value: string | null | undefined) =>
  value && /^https?:\/\/\S+$/i.test(value.trim()) ? value.trim() : null;

/** The main text: <article> or <main> when the page has one, else the body without its furniture. */
function contentRoot(doc: Document): Element | null {
  const candidates = [...doc.querySelectorAll('article, main, [role="main"]')];
  const longest = candidates.sort((a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length)[0];
  return longest ?? doc.body;
}

function blockText(el: Element): string {
  // Text of the block without nested blocks, which become segments of their own.
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (BLOCKS.has(child.tagName)) continue;
      out += child.tagName === 'BR' ? '\n' : blockText(child);
    }
  }
  return out;
}

function segmentsOf(root: Element): Segment[] {
  const segments: Segment[] = [];
  let heading: string | null = null;
  let paragraph = 0;
  const walk = (el: Element) => {
    if (el.matches(SKIPPED)) return;
    if (BLOCKS.has(el.tagName)) {
      const text = clean(blockText(el));
      if (text) {
        if (HEADINGS.has(el.tagName)) {
          heading = text;
          segments.push({ kind: 'heading', page: null, paragraph: null, heading: text, text });
        } else segments.push({ kind: 'paragraph', page: null, paragraph: ++paragraph, heading, text });
      }
    } else {
      // Loose text directly inside a <div> or <section> is a paragraph too.
      let loose = '';
      for (const node of el.childNodes) if (node.nodeType === 3) loose += node.textContent ?? '';
      if (clean(loose))
        segments.push({ kind: 'paragraph', page: null, paragraph: ++paragraph, heading, text: clean(loose) });
    }
    for (const child of el.children) walk(child);
  };
  walk(root);
  return segments;
}

/** Reads title, original URL, saving date and the readable text of a saved page. */
export function htmlDocument(
  html: string,
  fallback: { originalUrl?: string | null; savedAt?: string | null; title?: string | null } = {},
): ExtractedDocument {
  const dom = new JSDOM(html);
  try {
    const doc = dom.window.document;
    const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? null;
    // Chrome and Internet Explorer write "<!-- saved from url=(0042)https://… -->" at the top.
    const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4000))?.[1];
    const originalUrl =
      httpUrl(fallback.originalUrl) ??
      httpUrl(savedFrom) ??
      httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      httpUrl(meta('meta[property="og:url"]'));
    const title =
      clean(fallback.title ?? '') ||
      clean(meta('meta[property="og:title"]') ?? '') ||
      clean(doc.title) ||
      null;
    const root = contentRoot(doc);
    return {
      title,
      originalUrl,
      savedAt: fallback.savedAt ?? isoDate(meta('meta[name="savedate"]')),
      segments: root ? segmentsOf(root) : [],
      pages: null,
    };
  } finally {
    dom.window.close();
  }
}
