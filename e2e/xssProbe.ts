import type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * Records everything a hostile payload could make a page do: a call of the probe function the
 * corpus payloads carry (`__xssHit(id)`), any dialog, any request that leaves the app's own
 * origin (aborted, so nothing reaches the network), and live markup found in the DOM afterwards
 * (event-handler attributes, javascript:/vbscript:/data: URLs that a click would run).
 */
export interface XssProbe {
  hits: { id: number; url: string }[];
  dialogs: string[];
  outbound: string[];
  liveMarkup: string[];
  watch(page: Page): void;
  /** Scans a page or frame for live markup; false when the document could not be read (counted by callers). */
  scan(target: Page | Frame, where: string): Promise<boolean>;
}

/**
 * The DOM walk, as source: it runs in the app's page (whose CSP forbids eval, so it goes in as a
 * DevTools expression), in every frame of a batch of exports, and inside the in-page loop that
 * opens each article.
 */
export const LIVE_MARKUP_WALKER = `function walkLiveMarkup() {
  const out = [];
  const hostileUrl = /^\\s*(javascript|vbscript|data:\\s*text\\/html)/i;
  // A URL is judged as the browser parses it (control characters, tabs and newlines dropped,
  // relative URLs resolved): "javascript%5C…" is a relative path that runs nothing, while
  // " java\\tscript:" runs. Only what does not parse falls back to the pattern.
  const runs = (value) => {
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === 'javascript:' || url.protocol === 'vbscript:' || hostileUrl.test(url.href);
    } catch {
      return hostileUrl.test(value);
    }
  };
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) out.push('<' + el.localName + ' ' + name + '>');
      else if (name === 'srcdoc') out.push('<' + el.localName + ' srcdoc>');
      else if (urlAttrs.includes(name) && runs(attr.value))
        out.push('<' + el.localName + ' ' + name + '="' + attr.value.slice(0, 40) + '">');
    }
    if (el.localName === 'script' && !el.src && (el.textContent || '').includes('__xssHit'))
      out.push('<script> with probe');
    if (el.localName === 'iframe' || el.localName === 'object' || el.localName === 'embed')
      out.push('<' + el.localName + '>');
  }
  return out;
}`;

export async function installXssProbe(context: BrowserContext, appOrigin: string | null): Promise<XssProbe> {
  const probe: XssProbe = {
    hits: [],
    dialogs: [],
    outbound: [],
    liveMarkup: [],
    watch(page) {
      page.on('dialog', (d) => {
        probe.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss().catch(() => undefined);
      });
    },
    async scan(target, where) {
      const found = await target.evaluate<string[]>(`(${LIVE_MARKUP_WALKER})()`).catch(() => null);
      if (found === null) return false;
      for (const f of found) probe.liveMarkup.push(`${where}: ${f}`);
      return true;
    },
  };
  await context.exposeBinding('__xssHit', (source, id: unknown) => {
    probe.hits.push({ id: Number(id), url: source.frame.url() });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const own = appOrigin !== null && url.startsWith(appOrigin);
    if (own || /^(file|data|blob|about):/.test(url)) return route.continue();
    probe.outbound.push(url);
    return route.abort();
  });
  for (const page of context.pages()) probe.watch(page);
  context.on('page', (page) => probe.watch(page));
  return probe;
}
