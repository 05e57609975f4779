import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from './locales/de/errors.json';
import en from './locales/en/errors.json';

/**
 * The errors catalogue and the code that names its keys, read as text: every key a UserError
 * (or a storage problem, an importer, a backup check) names is in both languages, with the
 * placeholders its site fills in, and German says each sentence with the same placeholders.
 */
const SRC = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
const baseKey = (key: string) => key.replace(/_(one|other)$/, '');

/** Placeholders of a key, over its plural forms; a plural key also takes `count`. */
function placeholdersOf(catalogue: Record<string, string>, key: string): string[] {
  const forms = Object.keys(catalogue).filter((k) => baseKey(k) === key);
  const names = new Set(forms.flatMap((k) => placeholders(catalogue[k])));
  if (forms.some((k) => k !== key)) names.add('count');
  return [...names].sort();
}

/** The text between a `{` at `start` and its closing `}`. */
function braced(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error(`unbalanced braces at ${start}`);
}

/** The names of an object literal's top-level properties (`a`, `b: …`), or null when it spreads another object. */
function propertyNames(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of body) {
    if ('{[('.includes(ch)) depth++;
    if ('}])'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  const names: string[] = [];
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    if (p.startsWith('...')) return null;
    names.push(/^(\w+)/.exec(p)![1]);
  }
  return names.sort();
}

interface Use {
  file: string;
  key: string;
  params: string[] | null;
}

function uses(): Use[] {
  const found: Use[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/errorText|UserError|ImportError|BackupRefused|\bfail\(/.test(text)) continue;
    for (const m of text.matchAll(/\bkey: '(\w+)'(\s*,\s*params:\s*)?/g)) {
      const at = m.index + m[0].length;
      const params = m[2] === undefined ? [] : text[at] === '{' ? propertyNames(braced(text, at)) : null;
      found.push({ file: path.relative(SRC, file), key: m[1], params });
    }
  }
  return found;
}

describe('the errors catalogue', () => {
  const enText = en as Record<string, string>;
  const deText = de as Record<string, string>;

  it('has the same keys in German and English, with the same placeholders', () => {
    expect(Object.keys(deText).sort()).toEqual(Object.keys(enText).sort());
    for (const key of Object.keys(enText))
      expect(placeholders(deText[key]).sort(), key).toEqual(placeholders(enText[key]).sort());
  });

  it('has only keys a payload may name (letters and digits, plural forms one/other)', () => {
    for (const key of Object.keys(enText)) expect(key).toMatch(/^[A-Za-z][A-Za-z0-9]*(_one|_other)?$/);
  });

  it('knows every key the code names, and the code fills exactly its placeholders', () => {
    const found = uses();
    // The scan must see the sites; an empty scan would pass everything.
    expect(found.length).toBeGreaterThan(80);
    for (const use of found) {
      const where = `${use.key} in ${use.file}`;
      expect(
        Object.keys(enText).some((k) => baseKey(k) === use.key),
        where,
      ).toBe(true);
      if (use.params) expect(use.params, where).toEqual(placeholdersOf(enText, use.key));
    }
  });

  it('has no key the code never names', () => {
    const code = sourceFiles(SRC)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const key of new Set(Object.keys(enText).map(baseKey)))
      expect(code.includes(`'${key}'`), `${key} is never used`).toBe(true);
  });
});
