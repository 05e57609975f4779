import type { Block, Inline } from '../article/blocks';
import type { Correction, CorrectionAction } from '../domain/corrections';
import type { FactRef } from '../domain/facts';
import { toIsoDay } from './dates';
import { escapeText } from './escape';

/**
 * Corrections as readers see them under an article, in the article's language: a heading, then
 * one dated note per correction ("Correction, 6 December 2026: We wrote … Correct is: …").
 * Every clean export renders them from here so the wording is the same in each format.
 */
export type CorrectionNote = Pick<Correction, 'wrong' | 'right' | 'createdAt'>;

type Lang = 'de' | 'en';

const LABELS: Record<
  Lang,
  { heading: string; dated: (day: string) => string; wrong: string; right: string }
> = {
  de: {
    heading: 'Korrekturen',
    dated: (day) => `Korrektur vom ${day}`,
    wrong: 'Wir hatten geschrieben:',
    right: 'Richtig ist:',
  },
  en: {
    heading: 'Corrections',
    dated: (day) => `Correction, ${day}`,
    wrong: 'We wrote:',
    right: 'Correct is:',
  },
};

export function correctionLabels(lang: Lang) {
  return LABELS[lang];
}

/** The correction's day in words ("6. Dezember 2026", "6 December 2026"), read in UTC like every export date. */
export function correctionDay(note: CorrectionNote, lang: Lang): string {
  const iso = toIsoDay(note.createdAt);
  if (!iso) return note.createdAt;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** One note as parts, for formats that style them (DOCX runs, HTML elements). */
export function correctionParts(
  note: CorrectionNote,
  lang: Lang,
): { dated: string; wrongLabel: string; wrong: string; rightLabel: string; right: string } {
  const l = LABELS[lang];
  return {
    dated: `${l.dated(correctionDay(note, lang))}:`,
    wrongLabel: l.wrong,
    wrong: note.wrong.trim(),
    rightLabel: l.right,
    right: note.right.trim(),
  };
}

/** One note as a single line of plain text. */
export function correctionSentence(note: CorrectionNote, lang: Lang): string {
  const p = correctionParts(note, lang);
  return `${p.dated} ${p.wrongLabel} ${p.wrong} ${p.rightLabel} ${p.right}`;
}

/** The oldest first, as they were written. */
export function inOrder<T extends CorrectionNote>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** `<section class="corrections">` for the HTML and XHTML exports; empty when there are none. */
export function correctionsHtml(notes: readonly CorrectionNote[], lang: Lang, indent = ''): string {
  if (notes.length === 0) return '';
  const l = LABELS[lang];
  const lines = [`${indent}<section class="corrections">`, `${indent}  <h2>${escapeText(l.heading)}</h2>`];
  for (const note of inOrder(notes)) {
    const p = correctionParts(note, lang);
    lines.push(
      `${indent}  <p class="correction"><strong>${escapeText(p.dated)}</strong> ${escapeText(p.wrongLabel)} ${escapeText(p.wrong)} ${escapeText(p.rightLabel)} ${escapeText(p.right)}</p>`,
    );
  }
  lines.push(`${indent}</section>`);
  return lines.join('\n');
}

export const CORRECTIONS_CSS = `.corrections { margin-top: 2em; padding-top: 0.8em; border-top: 1px solid #bbb; font-size: 0.95em; }
.corrections h2 { font-size: 1.1em; }`;

/** The corrections section as blocks (a heading, one paragraph per note) for the block-based formats. */
export function correctionBlocks(notes: readonly CorrectionNote[], lang: Lang): Block[] {
  if (notes.length === 0) return [];
  const text = (t: string, bold = false): Inline => ({
    type: 'text',
    text: t,
    format: bold ? { bold: true } : {},
  });
  return [
    { type: 'heading', level: 2, content: [text(LABELS[lang].heading)] },
    ...inOrder(notes).map((note): Block => {
      const p = correctionParts(note, lang);
      return {
        type: 'paragraph',
        content: [text(p.dated, true), text(` ${p.wrongLabel} ${p.wrong} ${p.rightLabel} ${p.right}`)],
      };
    }),
  ];
}

const REPORT_LABELS: Record<
  Lang,
  {
    claims: string;
    facts: string;
    writtenBy: string;
    exported: string;
    notExported: string;
    history: Record<CorrectionAction, string>;
  }
> = {
  de: {
    claims: 'Betroffene Behauptungen',
    facts: 'Betroffene Fakten',
    writtenBy: 'Geschrieben von',
    exported: 'Zuerst exportiert',
    notExported: 'noch nicht exportiert',
    history: { created: 'angelegt', edited: 'geändert', withdrawn: 'zurückgezogen', exported: 'exportiert' },
  },
  en: {
    claims: 'Claims concerned',
    facts: 'Facts concerned',
    writtenBy: 'Written by',
    exported: 'First exported',
    notExported: 'not exported yet',
    history: { created: 'created', edited: 'edited', withdrawn: 'withdrawn', exported: 'exported' },
  },
};

/**
 * The corrections section of the fact-check report: each note with the claims (by their number
 * in the report) and facts it concerns, who wrote it, whether it has gone out, and its history.
 */
export function correctionsReportHtml(
  notes: readonly Correction[],
  lang: Lang,
  names: { claim(id: string): string; fact(ref: FactRef): string; instant(iso: string): string },
): string {
  if (notes.length === 0) return '';
  const l = REPORT_LABELS[lang];
  const items = inOrder(notes).map((c) => {
    const p = correctionParts(c, lang);
    const meta = [
      c.claimIds.length ? `${l.claims}: ${c.claimIds.map(names.claim).join(', ')}` : '',
      c.facts.length ? `${l.facts}: ${c.facts.map(names.fact).join('; ')}` : '',
      `${l.writtenBy} ${c.createdBy}, ${names.instant(c.createdAt)}`,
      c.exportedAt ? `${l.exported}: ${names.instant(c.exportedAt)}` : l.notExported,
    ].filter(Boolean);
    const history = c.history
      .map((h) => `<li>${escapeText(`${l.history[h.action]} · ${h.by} · ${names.instant(h.at)}`)}</li>`)
      .join('');
    return [
      '<div class="correction">',
      `<p><strong>${escapeText(p.dated)}</strong> ${escapeText(`${p.wrongLabel} ${p.wrong} ${p.rightLabel} ${p.right}`)}</p>`,
      `<p class="meta">${escapeText(meta.join(' · '))}</p>`,
      `<ul class="meta">${history}</ul>`,
      '</div>',
    ].join('\n');
  });
  return `<section class="corrections"><h2>${escapeText(LABELS[lang].heading)}</h2>\n${items.join('\n')}\n</section>`;
}
