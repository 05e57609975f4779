import { createInstance, type TFunction } from 'i18next';
import deClaims from './locales/de/claims.json';
import deCli from './locales/de/cli.json';
import enClaims from './locales/en/claims.json';
import enCli from './locales/en/cli.json';

/**
 * i18next outside React — the CLI and handler messages — over the same catalogues the
 * renderer uses, so a status word reads the same in the app, the terminal and an error.
 * Only the namespaces Node-side messages need are bundled.
 */
const instance = createInstance();
void instance.init({
  resources: { de: { claims: deClaims, cli: deCli }, en: { claims: enClaims, cli: enCli } },
  lng: 'en',
  fallbackLng: false,
  ns: ['claims', 'cli'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type NodeNamespace = 'claims' | 'cli';

export function translator(language: 'de' | 'en', ns: NodeNamespace): TFunction {
  return instance.getFixedT(language, ns);
}
