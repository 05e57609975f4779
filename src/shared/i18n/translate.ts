import { createInstance, type TFunction } from 'i18next';
import { readErrorText, translatedSentence } from '../errorText';
import type { AppError } from '../result';
import deClaims from './locales/de/claims.json';
import deCli from './locales/de/cli.json';
import deErrors from './locales/de/errors.json';
import deFacts from './locales/de/facts.json';
import enClaims from './locales/en/claims.json';
import enCli from './locales/en/cli.json';
import enErrors from './locales/en/errors.json';
import enFacts from './locales/en/facts.json';

/**
 * i18next outside React — the CLI and handler messages — over the same catalogues the
 * renderer uses, so a status word reads the same in the app, the terminal and an error.
 * Only the namespaces Node-side messages need are bundled.
 */
const instance = createInstance();
void instance.init({
  resources: {
    de: { claims: deClaims, cli: deCli, errors: deErrors, facts: deFacts },
    en: { claims: enClaims, cli: enCli, errors: enErrors, facts: enFacts },
  },
  lng: 'en',
  fallbackLng: false,
  ns: ['claims', 'cli', 'errors', 'facts'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type NodeNamespace = 'claims' | 'cli' | 'errors' | 'facts';

export function translator(language: 'de' | 'en', ns: NodeNamespace): TFunction {
  return instance.getFixedT(language, ns);
}

/** An error's sentence in a language (the CLI's `--lang`): its key when it has one, else its English message. */
export function errorSentenceIn(
  language: 'de' | 'en',
  error: Pick<AppError, 'message' | 'key' | 'params'>,
): string {
  const text = readErrorText(error);
  if (!text) return error.message;
  const t = instance.getFixedT(language);
  return translatedSentence(text, (key, options) => String(t(key, options)));
}
