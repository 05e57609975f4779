import { createInstance, type TFunction } from 'i18next';
import deClaims from './locales/de/claims.json';
import deCli from './locales/de/cli.json';
import deFacts from './locales/de/facts.json';
import enClaims from './locales/en/claims.json';
import enCli from './locales/en/cli.json';
import enFacts from './locales/en/facts.json';

/**
 * i18next outside React — the CLI and handler messages — over the same catalogues the
 * renderer uses, so a status word reads the same in the app, the terminal and an error.
 * Only the namespaces Node-side messages need are bundled.
 */
const instance = createInstance();
void instance.init({
  resources: {
    de: { claims: deClaims, cli: deCli, facts: deFacts },
    en: { claims: enClaims, cli: enCli, facts: enFacts },
  },
  lng: 'en',
  fallbackLng: false,
  ns: ['claims', 'cli', 'facts'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type NodeNamespace = 'claims' | 'cli' | 'facts';

export function translator(language: 'de' | 'en', ns: NodeNamespace): TFunction {
  return instance.getFixedT(language, ns);
}
