import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = join(ROOT, 'src/shared/i18n/locales');
const RENDERER = join(ROOT, 'src/renderer/src');
const LANGS = ['de', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const namespaces = readdirSync(join(LOCALES, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const messages = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(
      namespaces.map((ns) => [
        ns,
        flatten(JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Tree),
      ]),
    ),
  ]),
) as Record<(typeof LANGS)[number], Record<string, Map<string, string>>>;

const variables = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

/** True when `key` (or its plural forms) is a message of `ns` in `lang`. */
function has(lang: (typeof LANGS)[number], ns: string, key: string): boolean {
  const table = messages[lang][ns];
  return !!table && (table.has(key) || table.has(`${key}_other`));
}

describe('message catalogues', () => {
  it('has the same namespaces in German and English', () => {
    expect(readdirSync(join(LOCALES, 'de')).sort()).toEqual(readdirSync(join(LOCALES, 'en')).sort());
  });

  for (const ns of namespaces) {
    it(`misses no key of "${ns}" in either language, with the same placeholders`, () => {
      const de = messages.de[ns];
      const en = messages.en[ns];
      expect(
        [...en.keys()].filter((k) => !de.has(k)),
        'missing in de',
      ).toEqual([]);
      expect(
        [...de.keys()].filter((k) => !en.has(k)),
        'missing in en',
      ).toEqual([]);
      for (const [key, text] of en) {
        expect(variables(de.get(key) ?? ''), `${ns}:${key}`).toEqual(variables(text));
        expect(text.trim(), `${ns}:${key} is empty`).not.toBe('');
      }
      // i18next picks "_one"/"_other" by count; a lone "_one" would fall back to the key itself.
      for (const key of en.keys())
        if (key.endsWith('_one'))
          expect(en.has(key.replace(PLURAL, '_other')), `${ns}:${key} has no _other`).toBe(true);
    });
  }

  it('has a message in both languages for every literal key the renderer asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(RENDERER)) {
      const source = readFileSync(file, 'utf8');
      // Which namespace each translate function is bound to, by position, since one file may hold
      // several components: `const { t } = useTranslation('x')`, `const { t: tx } = useTranslation('x')`.
      const bindings: { fn: string; ns: string; at: number }[] = [];
      for (const m of source.matchAll(/\{([^{}]*)\}\s*=\s*useTranslation\((?:'([\w-]+)')?/g)) {
        for (const part of m[1].split(',')) {
          const [name, alias] = part.split(':').map((x) => x.trim());
          if (name === 't') bindings.push({ fn: alias || 't', ns: m[2] ?? 'common', at: m.index });
        }
      }
      const fallback = /useTranslation\('([\w-]+)'\)/.exec(source)?.[1] ?? 'common';
      const nsAt = (fn: string, at: number) =>
        bindings.filter((b) => b.fn === fn && b.at < at).at(-1)?.ns ??
        bindings.find((b) => b.fn === fn)?.ns ??
        fallback;
      for (const fn of new Set(['t', ...bindings.map((b) => b.fn)])) {
        const call = new RegExp(
          `(?<![\\w$.])${fn}\\('([\\w.:-]+)'(?:\\s*,\\s*\\{[^}]*?\\bns:\\s*'([\\w-]+)')?`,
          'g',
        );
        for (const m of source.matchAll(call)) {
          const ns = m[2] ?? nsAt(fn, m.index);
          const [own, key] = m[1].includes(':') ? m[1].split(':') : [ns, m[1]];
          for (const lang of LANGS)
            if (!has(lang, own, key))
              missing.push(`${lang} ${own}:${key} (${file.slice(RENDERER.length + 1)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
