import createDOMPurify, { type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import {
  canonicalInlines,
  type Inline,
  type InlineFormat,
  type ListBlock,
  type ListItem,
} from '../../shared/article/blocks';
import { ARTICLE_LANGUAGES, type ArticleMeta } from '../../shared/domain/articles';
import { assemble, type DraftBlock, type ImportedArticle } from './assemble';
import { ImportError } from './errors';
import { htmlDepth, MAX_HTML_DEPTH } from './htmlDepth';

/**
 * HTML import. The document is parsed with jsdom (no scripts run, nothing is fetched), the body is
 * sanitised with DOMPurify down to structural text markup — no scripts, styles, iframes, forms,
 * images or tracking pixels, no event handlers or inline styles, no classes except the four this
 * app writes for article metadata — and the result is mapped to blocks. Title, language, author
 * and description come from the document head; <p class="kicker|lead|byline|dateline"> (as the
 * HTML and DOCX exports write them) fill the matching fields.
 */

const ALLOWED_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'del',
  'sub',
  'sup',
  'code',
  'pre',
  'span',
  'div',
  'header',
  'article',
  'section',
  'main',
  'footer',
  'aside',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'q',
  'cite',
  'mark',
  'small',
  'abbr',
  'time',
  'address',
];
const META_CLASSES = ['kicker', 'lead', 'byline', 'dateline'] as const;
type MetaClass = (typeof META_CLASSES)[number];

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'pre',
  'div',
  'header',
  'article',
  'section',
  'main',
  'footer',
  'aside',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'li',
  'caption',
  'address',
]);

function sanitizer(window: JSDOM['window']) {
  const purify = createDOMPurify(window as unknown as WindowLike);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((c) => (META_CLASSES as readonly string[]).includes(c));
      if (kept.length === 0) data.keepAttr = false;
      else data.attrValue = kept.join(' ');
    }
  });
  return purify;
}

function sanitizeBody(dom: JSDOM): { body: HTMLElement; removed: number } {
  const purify = sanitizer(dom.window);
  const fragment = purify.sanitize(dom.window.document.body?.innerHTML ?? '', {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'class', 'start'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    // DOMPurify checks every attribute not marked URI-safe against the URI pattern above.
    ADD_URI_SAFE_ATTR: ['start'],
    FORBID_CONTENTS: [
      'script',
      'style',
      'template',
      'noscript',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'select',
      'textarea',
      'button',
    ],
    RETURN_DOM_FRAGMENT: true,
  });
  const body = dom.window.document.createElement('div');
  body.append(fragment);
  return { body, removed: purify.removed.length };
}

function metaFromHead(document: Document): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  const title = document
    .querySelector('head > title')
    ?.textContent?.replace(/[^\S\u00A0]+/g, ' ')
    .trim();
  if (title) meta.headline = title;
  const lang = document.documentElement.getAttribute('lang')?.toLowerCase().slice(0, 2);
  if (lang && (ARTICLE_LANGUAGES as readonly string[]).includes(lang))
    meta.language = lang as ArticleMeta['language'];
  const author = document.querySelector('meta[name="author"]')?.getAttribute('content')?.trim();
  if (author) meta.byline = author;
  const description = document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim();
  if (description) meta.lead = description;
  return meta;
}

const FORMAT_OF: Record<string, keyof InlineFormat> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  u: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  sub: 'subscript',
  sup: 'superscript',
};

// HTML collapses ASCII whitespace only; the no-break space must survive.
const HTML_SPACE = /[ \t\n\r\f]+/g;

class BlockMapper {
  readonly blocks: DraftBlock[] = [];
  readonly meta: Partial<ArticleMeta> = {};
  private inline: Inline[] = [];

  constructor(private readonly preformatted = false) {}

  private flush(kind: 'paragraph' | 'quote' = 'paragraph'): void {
    const content = tidy(this.inline);
    this.inline = [];
    if (content.length > 0) this.blocks.push({ type: kind, content });
  }

  run(node: Node, format: InlineFormat, pre: boolean): void {
    if (node.nodeType === 3) {
      const raw = node.textContent ?? '';
      if (pre) {
        raw.split('\n').forEach((part, i) => {
          if (i > 0) this.inline.push({ type: 'break' });
          if (part) this.inline.push({ type: 'text', text: part, format: { ...format } });
        });
      } else this.inline.push({ type: 'text', text: raw.replace(HTML_SPACE, ' '), format: { ...format } });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') {
      this.inline.push({ type: 'break' });
      return;
    }
    if (tag === 'a') {
      const collector = new BlockMapper();
      for (const child of el.childNodes) collector.run(child, format, pre);
      const href = el.getAttribute('href');
      if (href)
        this.inline.push({
          type: 'link',
          url: href,
          title: el.getAttribute('title'),
          children: collector.inline,
        });
      else this.inline.push(...collector.inline);
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.block(el);
      return;
    }
    const next = FORMAT_OF[tag] ? { ...format, [FORMAT_OF[tag]]: true } : format;
    for (const child of el.childNodes) this.run(child, next, pre);
  }

  private inlineOf(el: Element, pre = false): Inline[] {
    const collector = new BlockMapper();
    for (const child of el.childNodes) collector.run(child, {}, pre);
    collector.flush();
    // Nested blocks inside an inline context (e.g. <p> in <li>) are joined by line breaks.
    const parts = collector.blocks.map((b) => (b.type === 'list' ? [] : b.content));
    return tidy(parts.flatMap((p, i) => (i > 0 ? [{ type: 'break' } as Inline, ...p] : p)));
  }

  private list(el: Element): ListBlock {
    const ordered = el.tagName.toLowerCase() === 'ol';
    const start = Number.parseInt(el.getAttribute('start') ?? '1', 10);
    const items: ListItem[] = [];
    for (const child of el.children) {
      const tag = child.tagName.toLowerCase();
      if (tag === 'ul' || tag === 'ol') {
        const nested = this.list(child);
        const last = items[items.length - 1];
        if (last) last.lists.push(nested);
        else items.push({ content: [], lists: [nested] });
        continue;
      }
      const nestedLists: ListBlock[] = [];
      const body = child.cloneNode(true) as Element;
      for (const sub of [...body.children]) {
        if (['ul', 'ol'].includes(sub.tagName.toLowerCase())) {
          nestedLists.push(this.list(sub));
          sub.remove();
        }
      }
      items.push({ content: this.inlineOf(body), lists: nestedLists });
    }
    return { type: 'list', ordered, start: Number.isFinite(start) ? start : 1, items };
  }

  block(el: Element): void {
    const tag = el.tagName.toLowerCase();
    this.flush();
    const metaClass = META_CLASSES.find((c) => el.classList.contains(c)) as MetaClass | undefined;
    if (metaClass && tag === 'p' && this.meta[metaClass] === undefined) {
      this.meta[metaClass] = this.inlineOf(el)
        .map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? ' ' : ''))
        .join('')
        .trim();
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      this.blocks.push({ type: 'sourceHeading', level: Number(tag[1]), content: this.inlineOf(el) });
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      this.blocks.push(this.list(el));
      return;
    }
    if (tag === 'blockquote') {
      const inner = new BlockMapper(this.preformatted);
      for (const child of el.childNodes) inner.run(child, {}, false);
      inner.flush();
      for (const block of inner.blocks) {
        if (block.type === 'list') this.blocks.push(block);
        else this.blocks.push({ type: 'quote', content: block.content });
      }
      return;
    }
    if (tag === 'pre') {
      const content = this.inlineOf(el, true).map((i) =>
        i.type === 'text' ? { ...i, format: { ...i.format, code: true } } : i,
      );
      if (content.length) this.blocks.push({ type: 'paragraph', content });
      return;
    }
    if (tag === 'tr') {
      // Table rows become one line each, cells separated by tabs; tables have no place in the body model.
      const cells = [...el.children].map((cell) => this.inlineOf(cell));
      const content = cells.flatMap((c, i) =>
        i > 0 ? [{ type: 'text', text: '\t', format: {} } as Inline, ...c] : c,
      );
      if (content.length) this.blocks.push({ type: 'paragraph', content });
      return;
    }
    if (
      tag === 'p' ||
      tag === 'dt' ||
      tag === 'dd' ||
      tag === 'figcaption' ||
      tag === 'caption' ||
      tag === 'li' ||
      tag === 'address'
    ) {
      const content = this.inlineOf(el);
      if (content.length) this.blocks.push({ type: 'paragraph', content });
      return;
    }
    // Containers (div, section, article, …): their inline text forms paragraphs between child blocks.
    for (const child of el.childNodes) this.run(child, {}, false);
    this.flush();
  }

  finish(): void {
    this.flush();
  }
}

/** Collapses spaces across run boundaries and trims them at the edges and around line breaks. */
function tidy(inlines: Inline[]): Inline[] {
  // The runs below are fresh copies, so trimming the last one in place touches nothing shared.
  let lastText: Extract<Inline, { type: 'text' }> | null = null;
  const trimLast = () => {
    if (lastText) lastText.text = lastText.text.replace(/ +$/, '');
  };
  const walk = (list: Inline[]): Inline[] => {
    const result: Inline[] = [];
    for (const inline of list) {
      if (inline.type === 'break') {
        trimLast();
        lastText = null;
        result.push(inline);
      } else if (inline.type === 'text') {
        const atLineStart = lastText === null;
        const text =
          atLineStart || lastText!.text.endsWith(' ') ? inline.text.replace(/^ +/, '') : inline.text;
        if (text === '') continue;
        const run = { ...inline, text };
        result.push(run);
        lastText = run;
      } else {
        const children = walk(inline.children);
        if (children.length) result.push({ ...inline, children });
      }
    }
    return result;
  };
  const walked = walk(inlines);
  trimLast();
  const pruned = prune(walked);
  while (pruned.length && pruned[pruned.length - 1].type === 'break') pruned.pop();
  while (pruned.length && pruned[0].type === 'break') pruned.shift();
  return canonicalInlines(pruned);
}

function prune(list: Inline[]): Inline[] {
  return list.flatMap((inline): Inline[] => {
    if (inline.type === 'text') return inline.text === '' ? [] : [inline];
    if (inline.type === 'break') return [inline];
    const children = prune(inline.children);
    return children.length ? [{ ...inline, children }] : [];
  });
}

export function importHtml(source: string, fileName = 'document.html'): ImportedArticle {
  if (htmlDepth(source, MAX_HTML_DEPTH + 1) > MAX_HTML_DEPTH) {
    throw new ImportError('CORRUPT', fileName, { key: 'htmlTooDeep', params: { depth: MAX_HTML_DEPTH } });
  }
  const dom = new JSDOM(source);
  try {
    const headMeta = metaFromHead(dom.window.document);
    const { body, removed } = sanitizeBody(dom);
    const mapper = new BlockMapper();
    for (const child of body.childNodes) mapper.run(child, {}, false);
    mapper.finish();
    const warnings: string[] = [];
    if (removed > 0)
      warnings.push(
        `Removed ${removed} unsafe or unsupported element(s) or attribute(s) while cleaning the HTML`,
      );
    // Values found in the body (our own export's header) win over the generic head metadata.
    const meta = { ...headMeta, ...mapper.meta };
    // The <title> repeats the headline; when the body has an h1 let that decide instead.
    if (!mapper.meta.headline && mapper.blocks.some((b) => b.type === 'sourceHeading' && b.level === 1))
      delete meta.headline;
    return assemble(mapper.blocks, meta, warnings);
  } finally {
    dom.window.close();
  }
}
