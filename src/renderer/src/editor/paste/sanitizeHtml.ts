import DOMPurify from 'dompurify';

/**
 * Pasted HTML from web pages and word processors, reduced to what an article can hold. Two
 * DOMPurify passes: the first removes everything dangerous (scripts, styles, iframes, images,
 * event handlers) but keeps inline styles long enough to read bold and italic from word
 * processors that express them only as CSS; the second allows nothing but the article's tags
 * and http/https/mailto links. All intermediate work happens in a DOMParser document, which
 * runs no scripts and loads no images.
 */

const ARTICLE_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'b',
  'strong',
  'i',
  'em',
];
const SAFE_URI = /^(?:https?:|mailto:)/i;

type PurifyWindow = Parameters<typeof DOMPurify>[0];

function rename(el: Element, tag: string): void {
  const replacement = el.ownerDocument.createElement(tag);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  el.replaceWith(replacement);
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
}

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

const BOLD_STYLE = /font-weight:(bold|bolder|[6-9]00)/;
const NOT_BOLD_STYLE = /font-weight:(normal|[1-4]00)/;
const ITALIC_STYLE = /font-style:(italic|oblique)/;

/** Turns CSS-only formatting into tags and normalises headings to the article's two levels. */
function normalise(doc: Document): void {
  // Google Docs wraps a whole paste in <b style="font-weight:normal">; it is not bold.
  for (const b of Array.from(doc.querySelectorAll('b, strong')))
    if (NOT_BOLD_STYLE.test(styleOf(b))) unwrap(b);
  for (const span of Array.from(doc.querySelectorAll('span'))) {
    const style = styleOf(span);
    if (ITALIC_STYLE.test(style)) wrapChildren(span, 'i');
    if (BOLD_STYLE.test(style)) wrapChildren(span, 'b');
    unwrap(span);
  }
  for (const h of Array.from(doc.querySelectorAll('h1'))) rename(h, 'h2');
  for (const h of Array.from(doc.querySelectorAll('h4, h5, h6'))) rename(h, 'h3');
  for (const a of Array.from(doc.querySelectorAll('a'))) if (!a.getAttribute('href')) unwrap(a);
}

/** Returns an inert document whose body holds only article tags and safe links. */
export function sanitizePastedHtml(
  html: string,
  win: PurifyWindow & { DOMParser: typeof DOMParser } = window,
): Document {
  const purify = DOMPurify(win);
  const first = purify.sanitize(html, {
    ALLOWED_TAGS: [...ARTICLE_TAGS, 'span'],
    ALLOWED_ATTR: ['href', 'style'],
    ALLOWED_URI_REGEXP: SAFE_URI,
  });
  const parser = new win.DOMParser();
  const draft = parser.parseFromString(first, 'text/html');
  normalise(draft);
  const clean = purify.sanitize(draft.body.innerHTML, {
    ALLOWED_TAGS: ARTICLE_TAGS.filter((t) => !['h1', 'h4', 'h5', 'h6'].includes(t)),
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: SAFE_URI,
  });
  return parser.parseFromString(clean, 'text/html');
}
