// @ts-check
/**
 * A classic script in the page's head, run before the app's modules have even arrived: it sends
 * the calls the first screen needs (app info, settings, the desk's settings and the article this
 * tab showed), so their answers are in by the time the app has been evaluated and asks for them
 * (src/renderer/src/app/bootPrefetch.ts takes each one once). Plain JavaScript because it must not
 * wait for the module graph; same origin, so the page's CSP (script-src 'self') allows it.
 * Keep the storage keys in step with AppContext.tsx and recoveryCopies.ts (early-boot.test.ts).
 */
(() => {
  const ARTICLE_KEY = 'factdesk.article';
  const RECOVERY_PREFIX = 'factdesk.recovery.v1.';
  /** @type {Record<string, Record<string, (input: unknown) => Promise<unknown>>> | undefined} */
  const preload = /** @type {any} */ (globalThis).factdesk;

  /** The same call the app's bridge would make: the preload's API in Electron, HTTP in the browser shell. */
  const call = (/** @type {string} */ channel, /** @type {unknown} */ input) => {
    if (preload) {
      const [ns, method] = channel.split(':');
      return preload[ns][method](input);
    }
    return fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input),
    })
      .then((res) => res.json())
      .catch((/** @type {Error} */ err) => ({
        ok: false,
        error: { code: 'unavailable', message: `Factdesk's local server did not answer (${err.message}).` },
      }));
  };

  /** @type {[string, unknown][]} */
  const calls = [
    ['app:info', {}],
    ['settings:get', {}],
    ['desk:config', {}],
    ['desk:links', {}],
  ];
  try {
    let recovering = false;
    for (let i = 0; i < localStorage.length; i++)
      if (localStorage.key(i)?.startsWith(RECOVERY_PREFIX)) recovering = true;
    // A recovery copy may be restored first, which changes what opening the article returns.
    const id = recovering ? null : sessionStorage.getItem(ARTICLE_KEY);
    if (id) calls.push(['articles:open', { id }]);
  } catch {
    // Storage refused: the app opens the article itself.
  }
  /** @type {any} */ (globalThis).factdeskEarly = new Map(
    calls.map(([channel, input]) => [`${channel} ${JSON.stringify(input)}`, call(channel, input)]),
  );
})();
