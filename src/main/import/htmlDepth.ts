/**
 * How deeply a piece of HTML nests its elements, read from the source text before any parser
 * sees it: jsdom builds a tree recursively (and in quadratic time), so 20,000 nested <div>s
 * take minutes and then overflow the stack. No article nests anywhere near the limit.
 */
export const MAX_HTML_DEPTH = 1000;

// Elements that never have content, and those whose end tag the parser supplies itself: neither
// may count as a level, or sloppy but ordinary HTML (unclosed <p> and <li>) would look deep.
const NO_LEVEL = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rt',
  'rp',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);

/** The deepest nesting of elements, counting up to `stopAt` (then it answers at once). */
export function htmlDepth(source: string, stopAt = Number.POSITIVE_INFINITY): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|<!--[\s\S]*?-->/g;
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const name = m[2]?.toLowerCase();
    if (!name || NO_LEVEL.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) {
      deepest = depth;
      if (deepest >= stopAt) return deepest;
    }
  }
  return deepest;
}
