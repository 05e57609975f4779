import type { ArticleMeta } from '../domain/articles';

/**
 * File names for exports: "<date>-<slug of headline>.<ext>", e.g.
 * 2026-11-24-muenchen-zahlt-sieben-millionen.docx. German letters are transliterated the German
 * way (ä→ae, ß→ss) because stripping the dots would turn "Müller" into "muller"; other accents
 * are dropped. Only a-z, 0-9 and "-" remain, so the name is safe on every file system.
 */
const MAX_SLUG = 60;

const GERMAN: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
};

export function slugify(text: string, maxLength = MAX_SLUG): string {
  const ascii = text
    .replace(/[äöüßẞÄÖÜ]/g, (c) => GERMAN[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  // Cut at a word boundary when one is reasonably close, so the name does not end mid-word.
  const cut = ascii.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}

function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * `date` is the day in the name: a Date (its local calendar day) or a YYYY-MM-DD string;
 * defaults to today. `ext` may be given with or without the dot.
 */
export function exportFileName(
  meta: Pick<ArticleMeta, 'headline' | 'language'>,
  ext: string,
  date?: Date | string,
): string {
  const day =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)
      ? date.slice(0, 10)
      : localDay(date instanceof Date ? date : new Date());
  const slug = slugify(meta.headline) || (meta.language === 'de' ? 'artikel' : 'article');
  const extension =
    ext
      .toLowerCase()
      .split('.')
      .map((part) => part.replace(/[^a-z0-9]+/g, ''))
      .filter(Boolean)
      .join('.') || 'txt';
  return `${day}-${slug}.${extension}`;
}
