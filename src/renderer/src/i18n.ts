import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Language = 'de' | 'en';

// Every feature drops its own namespace file into src/shared/i18n/locales/<lang>/<ns>.json;
// the per-language modules pick them all up, so nothing here needs editing when one is added.
// One chunk per language, loaded on demand: the first screen needs only the language it shows.
const bundles: Record<Language, () => Promise<{ default: Record<string, Record<string, unknown>> }>> = {
  de: () => import('./locales/de'),
  en: () => import('./locales/en'),
};
const FALLBACK: Language = 'en';
const LAST_LANGUAGE_KEY = 'factdesk.language';

const loaded = new Map<Language, Promise<void>>();

/** Adds every namespace of a language to i18next (once). */
export function loadLanguage(lang: Language): Promise<void> {
  let done = loaded.get(lang);
  if (!done) {
    done = bundles[lang]().then(({ default: files }) => {
      for (const [file, content] of Object.entries(files)) {
        const ns = /\/([\w-]+)\.json$/.exec(file)?.[1];
        // Each namespace arrives once per language (`loaded`), so there is nothing to merge with, and
        // the module's objects are never changed: no deep merge, no copy (i18next copies through
        // JSON by default — every string of the language, while the first screen waits).
        if (ns) i18next.addResourceBundle(lang, ns, content, false, false, { skipCopy: true });
      }
    });
    loaded.set(lang, done);
  }
  return done;
}

/** Loads a language, then shows it; the choice is remembered so the next start loads it first. */
export async function setLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  try {
    localStorage.setItem(LAST_LANGUAGE_KEY, lang);
  } catch {
    // Only a head start for the next launch is lost.
  }
  await i18next.changeLanguage(lang);
}

/** The fallback language, for strings a translation lacks; loaded once the first screen is up. */
export function loadFallbackLanguage(): Promise<void> {
  return loadLanguage(FALLBACK);
}

/** The language the app showed last time in this browser profile ('de' the first time). */
export const rememberedLanguage: Language = (() => {
  try {
    return localStorage.getItem(LAST_LANGUAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
})();
// Started at once, alongside the start-up calls.
void loadLanguage(rememberedLanguage);

void i18next.use(initReactI18next).init({
  // Bundles are added as they load (loadLanguage); there is no backend to fetch them.
  resources: {},
  lng: rememberedLanguage,
  fallbackLng: FALLBACK,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
