import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every feature drops its own namespace file into src/shared/i18n/locales/<lang>/<ns>.json;
// nothing here needs editing when one is added.
const files = import.meta.glob('../../shared/i18n/locales/*/*.json', {
  eager: true,
  import: 'default',
}) as Record<string, Record<string, unknown>>;

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, content] of Object.entries(files)) {
  const m = /locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (!m) continue;
  const [, lang, ns] = m;
  (resources[lang] ??= {})[ns] = content;
}

export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

void i18next.use(initReactI18next).init({
  resources,
  lng: 'de',
  fallbackLng: 'en',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
