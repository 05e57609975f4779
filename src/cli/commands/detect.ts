import fs from 'node:fs';
import path from 'node:path';
import { plainText } from '../../shared/article/blocks';
import type { DetectCandidate } from '../../shared/contract/detect';
import { detect, type DetectEntity, type KnownPerson, type Suggestion } from '../../shared/detect';
import { candidateQuery } from '../../shared/detect/candidates';
import type { ArticleLanguage } from '../../shared/domain/articles';
import { dispatch, type HandlerContext } from '../../main/handlers';
import { ImportError } from '../../main/import/errors';
import { DATABASE_FILE, resolveDataDir } from '../../main/runtime';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import type { CliCommand } from './types';

const USAGE =
  'factdesk detect <file.txt|.md|.html|.docx|article-id> [--lang de|en] [--json] [--data-dir <dir>]';
const FILE_EXTENSIONS = /\.(txt|text|md|markdown|html?|xhtml|docx)$/i;

// Short, frequent words that only one of the two languages uses; enough to tell a paragraph's language.
const GERMAN = new Set([
  'der',
  'die',
  'das',
  'und',
  'ist',
  'nicht',
  'mit',
  'sich',
  'auf',
  'für',
  'dem',
  'den',
  'ein',
  'eine',
  'sagte',
  'wird',
  'auch',
  'von',
  'zu',
  'im',
]);
const ENGLISH = new Set([
  'the',
  'and',
  'is',
  'not',
  'with',
  'on',
  'for',
  'a',
  'an',
  'said',
  'will',
  'also',
  'of',
  'to',
  'in',
  'was',
  'has',
  'that',
  'it',
  'at',
]);

/** The language a text is written in, by counting function words; null when it cannot tell. */
export function guessLanguage(text: string): ArticleLanguage | null {
  let de = 0;
  let en = 0;
  for (const m of text
    .slice(0, 20000)
    .toLowerCase()
    .matchAll(/\p{L}+/gu)) {
    if (GERMAN.has(m[0])) de++;
    if (ENGLISH.has(m[0])) en++;
  }
  if (de === en) return null;
  return de > en ? 'de' : 'en';
}

interface Input {
  text: string;
  /** The article's date (YYYY-MM-DD): role phrases resolve to whoever held the role then. */
  date: string;
  /** The language the input declares (article language, HTML lang, front matter); null when it does not. */
  language: ArticleLanguage | null;
}

/**
 * A file is read as the importer reads it. Kicker, headline and lead it took out of the file's
 * first paragraphs are lines of the input too, so they come first, one line each, as in the file.
 */
async function readFileInput(file: string): Promise<Input> {
  // The importers' libraries (mammoth, jsdom) load only when a file is analysed.
  const { importFile } = await import('../../main/import');
  const imported = await importFile(file);
  const head = [imported.meta.kicker, imported.meta.headline, imported.meta.lead].filter(
    (s): s is string => !!s && s.trim() !== '',
  );
  const body = plainText(imported.body);
  return {
    text: [...head, ...(body === '' ? [] : [body])].join('\n'),
    language: imported.meta.language ?? null,
    date: today(),
  };
}

async function readArticleInput(id: string, ctx: HandlerContext): Promise<Input | { error: string }> {
  const result = await dispatch('articles:get', { id }, ctx);
  if (!result.ok) return { error: result.error.message };
  return {
    text: plainText(result.value.body),
    language: result.value.meta.language,
    date: result.value.meta.createdAt.slice(0, 10),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** The JSON element: exactly the documented fields, in a fixed order. */
function jsonOf(s: Suggestion, candidates: DetectCandidate[] | undefined) {
  return {
    kind: s.kind,
    text: s.text,
    start: s.start,
    end: s.end,
    ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
    ...(s.speakerKind !== undefined ? { speakerKind: s.speakerKind } : {}),
    ...(s.speakerVia !== undefined ? { speakerVia: s.speakerVia } : {}),
    ...(s.speakerId !== undefined ? { speakerId: s.speakerId } : {}),
    ...(s.value !== undefined ? { value: s.value } : {}),
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
    ...(s.currency !== undefined ? { currency: s.currency } : {}),
    ...(s.payer !== undefined ? { payer: s.payer } : {}),
    ...(s.payee !== undefined ? { payee: s.payee } : {}),
    ...(s.payerResolved !== undefined ? { payerResolved: s.payerResolved } : {}),
    ...(s.payeeResolved !== undefined ? { payeeResolved: s.payeeResolved } : {}),
    ...(s.hedge !== undefined ? { hedge: s.hedge } : {}),
    ...(s.source !== undefined ? { source: s.source } : {}),
    ...(candidates ? { candidates: candidates.map((c) => c.ref.id) } : {}),
  };
}

const oneLine = (s: string, max = 100) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** "der Klub (= FC Wendeburg)": a generic party with the club it was resolved to. */
const party = (written: string | undefined, resolved: string | undefined) =>
  written === undefined ? '?' : resolved !== undefined ? `${written} (= ${resolved})` : written;

function textLines(s: Suggestion, n: number, candidates: DetectCandidate[] | undefined): string[] {
  const facts: string[] = [];
  if (s.speaker)
    facts.push(
      `speaker: ${s.speakerVia ? `${s.speakerVia} → ` : ''}${s.speaker}${s.speakerKind && s.speakerKind !== 'name' ? ` (${s.speakerKind})` : ''}`,
    );
  if (s.value !== undefined) {
    const range =
      s.min !== undefined && s.max !== undefined
        ? `${s.min}–${s.max}`
        : s.max !== undefined
          ? `≤ ${s.max}`
          : s.min !== undefined
            ? `≥ ${s.min}`
            : `${s.value}`;
    facts.push(`value: ${range}${s.currency ? ` ${s.currency}` : ''}`);
  }
  if (s.payer || s.payee)
    facts.push(`${party(s.payer, s.payerResolved)} → ${party(s.payee, s.payeeResolved)}`);
  if (s.hedge) facts.push(`hedge: ${s.hedge}`);
  if (s.source) facts.push(`source: ${s.source}`);
  const lines = [`${n}. ${s.kind.padEnd(7)} ${s.start}–${s.end}  ${JSON.stringify(oneLine(s.text))}`];
  if (facts.length) lines.push(`   ${facts.join(' · ')}`);
  if (candidates) {
    lines.push(
      `   facts: ${candidates.length ? candidates.map((c) => `${c.ref.type}:${c.ref.id} (${c.score.toFixed(2)})`).join(', ') : '—'}`,
    );
  }
  return lines;
}

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'Find quotes, amounts, dates and other checkable claims in a file or an article',
  usage: USAGE,
  async run(argv, io: CliIO) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: ['lang'] });
    if (positionals.length !== 1) throw new UsageError('detect needs exactly one file or article id');
    if (flags.lang !== undefined && flags.lang !== 'de' && flags.lang !== 'en')
      throw new UsageError('--lang must be de or en');
    const lang = flags.lang as ArticleLanguage | undefined;
    const target = positionals[0];

    const dataArgv = typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [];
    const hasStore = fs.existsSync(path.join(resolveDataDir(dataArgv), DATABASE_FILE));
    const isFile = fs.existsSync(target) && fs.statSync(target).isFile();
    if (!isFile && (FILE_EXTENSIONS.test(target) || target.includes('/') || target.includes(path.sep))) {
      io.err(`${target}: there is no such file`);
      return EXIT.problem;
    }
    if (!isFile && !hasStore) {
      io.err(
        `There is no file "${target}", and no fact store in ${resolveDataDir(dataArgv)} to look up an article with that id.`,
      );
      return EXIT.problem;
    }

    // Without a store, a file is analysed alone: nothing is created in the data folder.
    const ctx = hasStore ? cliContext(flags) : null;
    try {
      let input: Input;
      if (isFile) {
        try {
          input = await readFileInput(target);
        } catch (error) {
          if (error instanceof ImportError) {
            io.err(error.message);
            return EXIT.problem;
          }
          throw error;
        }
      } else {
        const read = await readArticleInput(target, ctx!);
        if ('error' in read) {
          io.err(read.error);
          return EXIT.problem;
        }
        input = read;
      }

      let language: ArticleLanguage | null = lang ?? input.language ?? guessLanguage(input.text);
      if (!language && ctx) {
        const settings = await dispatch('settings:get', {}, ctx);
        if (settings.ok) language = settings.value.language;
      }
      language ??= 'de';

      let entities: DetectEntity[] | undefined;
      let people: KnownPerson[] | undefined;
      if (ctx) {
        const result = await dispatch('detect:entities', {}, ctx);
        if (result.ok) entities = result.value;
        const known = await dispatch('detect:people', {}, ctx);
        if (known.ok && known.value.length > 0) people = known.value;
      }
      const suggestions = detect(input.text, { lang: language, entities, people, date: input.date });

      let candidates: DetectCandidate[][] | undefined;
      if (ctx && suggestions.length > 0) {
        const result = await dispatch(
          'detect:candidates',
          { suggestions: suggestions.map(candidateQuery), lang: language },
          ctx,
        );
        if (!result.ok) {
          io.err(result.error.message);
          return EXIT.problem;
        }
        candidates = result.value;
      }

      if (flags.json) {
        io.out(JSON.stringify(suggestions.map((s, i) => jsonOf(s, candidates?.[i]))));
      } else {
        io.out(
          `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} (${language})${ctx ? '' : ', no fact store to propose facts from'}`,
        );
        suggestions.forEach((s, i) => io.out(textLines(s, i + 1, candidates?.[i]).join('\n')));
      }
      return EXIT.ok;
    } finally {
      ctx?.db.close();
    }
  },
};
