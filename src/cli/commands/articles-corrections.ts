import { dispatch } from '../../main/handlers';
import type { ArticleCorrections } from '../../shared/domain/corrections';
import { correctionSentence } from '../../shared/export/corrections';
import { translator } from '../../shared/i18n/translate';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';

type Lang = 'de' | 'en';

function reportError(
  io: CliIO,
  error: { message: string; fields?: { path: string; message: string }[] },
): number {
  io.err(error.message);
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

/** Each correction as readers get it, then what it concerns and whether an export has carried it; then open offers. */
function correctionLines(list: ArticleCorrections, lang: Lang): string[] {
  const cli = translator(lang, 'cli');
  const lines: string[] = [];
  if (list.corrections.length === 0) lines.push(cli('corrections.none'));
  list.corrections.forEach((c, i) => {
    lines.push(`${i + 1}. ${correctionSentence(c, lang)}  (${c.id})`);
    const links = [...c.claimIds.map((id) => `claim:${id}`), ...c.facts.map((f) => `${f.type}:${f.id}`)];
    lines.push(
      `   ${links.length ? cli('corrections.concerns', { list: links.join(', ') }) : cli('corrections.concernsNothing')}`,
    );
    lines.push(
      `   ${cli('corrections.writtenBy', { by: c.createdBy, at: c.createdAt })} · ${c.exportedAt ? cli('corrections.exported', { at: c.exportedAt }) : cli('corrections.notExported')}`,
    );
  });
  for (const p of list.prompts) {
    const what =
      p.reason === 'text'
        ? cli('corrections.offerText', { before: p.before, after: p.after })
        : p.changes.map((ch) => ch[lang]).join(' ');
    lines.push(cli('corrections.offer', { claim: p.claimId, what }));
  }
  return lines;
}

export const correctionsSubcommand = {
  usage: 'factdesk articles corrections <id> [--json] [--lang <de|en>]',
  summary: 'List the corrections of a published article and the open offers to write one',
  async run(argv: string[], io: CliIO): Promise<number> {
    const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: ['lang'] });
    if (positionals.length !== 1) throw new UsageError(translator('en', 'cli')('corrections.needsOneId'));
    if (flags.lang !== undefined && flags.lang !== 'de' && flags.lang !== 'en')
      throw new UsageError(translator('en', 'cli')('claims.badLang'));
    const ctx = cliContext(flags);
    try {
      const result = await dispatch('corrections:list', { articleId: positionals[0] }, ctx);
      if (!result.ok) return reportError(io, result.error);
      if (flags.json) {
        io.out(JSON.stringify(result.value, null, 2));
        return EXIT.ok;
      }
      let lang = flags.lang as Lang | undefined;
      if (!lang) {
        const settings = await dispatch('settings:get', {}, ctx);
        lang = settings.ok ? settings.value.language : 'en';
      }
      for (const line of correctionLines(result.value, lang)) io.out(line);
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};
