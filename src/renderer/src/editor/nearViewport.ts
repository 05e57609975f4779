/** The top-level block of the article body that holds `el` (or `el` itself outside a body). */
function topLevelBlock(el: Element): Element {
  for (let at: Element | null = el; at; at = at.parentElement)
    if (at.parentElement?.hasAttribute('data-lexical-editor')) return at;
  return el;
}

/** Within a screen height of the visible part of the window. */
function rectNear(r: DOMRect, h: number): boolean {
  return r.bottom >= -h && r.top <= 2 * h;
}

/**
 * A test for "the block holding this element is within a screen height of the visible part of the
 * window", for one paint of underlines over the body `root`. Measured on top-level blocks only,
 * never inside one: off-screen blocks skip layout (content-visibility in editor.css), their own box
 * is known without laying out their contents, but a rectangle read inside one forces that layout —
 * once per suggestion or misspelling, which in a 100,000-word article blocked the page for tens of
 * seconds. The blocks stand in document order, so the near ones are found by binary search: about
 * twenty rectangles per paint instead of one per suggestion (a thousand and more in a long article).
 */
export function nearViewportTest(root: HTMLElement | null): (el: Element) => boolean {
  const blocks = root ? root.children : null;
  if (!blocks || blocks.length === 0) return () => true;
  const h = window.innerHeight;
  // First block whose bottom reaches the band, then first block whose top is past it.
  const firstAt = (past: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(blocks[mid].getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstAt((r) => r.bottom >= -h);
  const to = firstAt((r) => r.top > 2 * h);
  const near = new Set<Element>();
  for (let i = from; i < to; i++) near.add(blocks[i]);
  return (el) => {
    const block = topLevelBlock(el);
    return block.parentElement === root ? near.has(block) : rectNear(block.getBoundingClientRect(), h);
  };
}
