import en from './i18n/locales/en/errors.json';

/**
 * The words of an error as a key into the `errors` namespace and the values it names, so the
 * renderer can say it in the writer's language. The English sentence is built from the same
 * catalogue (`englishSentence`): the message a log, the CLI or an older renderer shows is the
 * English entry, never a second copy that could drift from it.
 */
type CatalogueKey = keyof typeof en;
/** A key as the code names it: plural forms (`…_one`, `…_other`) are chosen by the `count` parameter. */
export type ErrorKey = CatalogueKey extends infer K
  ? K extends `${infer B}_${'one' | 'other'}`
    ? B
    : K
  : never;

/** Values, never pre-formatted words: ids, titles, paths, counts — or another error's words (a cause). */
export type ErrorParam = string | number | ErrorText;
export interface ErrorText {
  key: ErrorKey;
  params?: Record<string, ErrorParam>;
}

const catalogue: Record<string, string> = en;

/** Whether the errors catalogue has this key, in one form or in its plural forms. */
export function isErrorKey(key: string): key is ErrorKey {
  return Object.hasOwn(catalogue, key) || Object.hasOwn(catalogue, `${key}_other`);
}

/** The catalogue entry for a key and its count, the way i18next picks it for en and de (one/other). */
export function pluralKey(key: string, params: ErrorText['params']): string {
  const count = params?.count;
  if (typeof count !== 'number' || !Object.hasOwn(catalogue, `${key}_other`)) return key;
  return count === 1 ? `${key}_one` : `${key}_other`;
}

/** Fills `{{name}}` with its value; a parameter that is itself an error is put in as its sentence. */
export function fillIn(
  template: string,
  params: ErrorText['params'],
  sentenceOf: (text: ErrorText) => string,
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params && Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? sentenceOf(value) : String(value);
  });
}

/** Looks a key up in some language: i18next's `t`, as the renderer and the CLI hold it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The sentence of a (checked) ErrorText in the language `t` speaks; English where it lacks the key. */
export function translatedSentence(text: ErrorText, t: Translate): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {}))
    values[name] = typeof value === 'object' ? translatedSentence(value, t) : value;
  // The values go in through `replace`, never as options of their own: a parameter named `lng`,
  // `ns` or `context` must not steer the lookup.
  return t(`errors:${text.key}`, {
    replace: values,
    ...(typeof values.count === 'number' ? { count: values.count } : {}),
    defaultValue: englishSentence(text),
  });
}

export function englishSentence(text: ErrorText): string {
  const template = catalogue[pluralKey(text.key, text.params)] ?? text.key;
  return fillIn(template, text.params, englishSentence);
}

const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const MAX_PARAMS = 20;
const MAX_VALUE_LENGTH = 10_000;
const MAX_DEPTH = 4;

/**
 * A key and parameters that came over a process boundary, or null when they are not exactly
 * that: a key the catalogue knows, at most a few named parameters, each a bounded string, a
 * finite number or (a few levels deep) another such error. Anything else is dropped, and the
 * English message is shown instead — a payload cannot pick a key outside `errors` (i18next's
 * `ns:key` or nesting), nor smuggle objects or huge values into the sentence.
 */
export function readErrorText(value: unknown, depth = 0): ErrorText | null {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return null;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(key) || !isErrorKey(key)) return null;
  if (params === undefined) return { key };
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  const entries = Object.entries(params);
  if (entries.length > MAX_PARAMS) return null;
  const read: Record<string, ErrorParam> = {};
  for (const [name, v] of entries) {
    if (!PARAM_NAME.test(name)) return null;
    if (typeof v === 'string' && v.length <= MAX_VALUE_LENGTH) read[name] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) read[name] = v;
    else {
      const nested = readErrorText(v, depth + 1);
      if (!nested) return null;
      read[name] = nested;
    }
  }
  return { key, params: read };
}

/** Up to three values in a row ("2 roles, 1 deal"), the comma in the catalogue so a language can change it. */
export function joined(items: readonly [ErrorParam, ...ErrorParam[]] | readonly ErrorParam[]): ErrorParam {
  const [a = '', b, c] = items;
  if (b === undefined) return a;
  return c === undefined ? { key: 'list2', params: { a, b } } : { key: 'list3', params: { a, b, c } };
}
