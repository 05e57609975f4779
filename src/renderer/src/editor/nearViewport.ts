/** The top-level block of the article body that holds `el` (or `el` itself outside a body). */
function topLevelBlock(el: Element): Element {
  for (let at: Element | null = el; at; at = at.parentElement)
    if (at.parentElement?.hasAttribute('data-lexical-editor')) return at;
  return el;
}

/**
 * Whether the block holding `el` is within a screen height of the visible part of the window.
 * Measured on the top-level block, never inside it: off-screen blocks skip layout
 * (content-visibility in editor.css), their own box is known without laying out their contents,
 * but reading a rectangle inside one forces that layout — once per suggestion or misspelling
 * checked, which in a 100,000-word article blocked the page for tens of seconds.
 */
export function nearViewport(el: Element): boolean {
  const r = topLevelBlock(el).getBoundingClientRect();
  const h = window.innerHeight;
  return r.bottom >= -h && r.top <= 2 * h;
}
