import { dispatch } from '../../main/handlers';
import { describeBlockedGate } from '../../shared/claims/gate';
import { claimMarking, lastCheck } from '../../shared/export/factText';
import { translator } from '../../shared/i18n/translate';
import type { ArticleClaims, ClaimView } from '../../shared/contract/claims';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import type { CliCommand } from './types';

type Lang = 'de' | 'en';

const USAGE = ['factdesk claims <article-id> [--json] [--lang <de|en>]', 'factdesk claims check <article-id> [--json] [--lang <de|en>]'];

function reportError(io: CliIO, error: { message: string; fields?: { path: string; message: string }[] }): number {
  io.err(error.message);
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function claimLines(claim: ClaimView, number: number, lang: Lang): string[] {
  const t = translator(lang, 'claims');
  const cli = translator(lang, 'cli');
  const quoted = lang === 'de' ? `„${oneLine(claim.text)}“` : `“${oneLine(claim.text)}”`;
  const where = claim.inText ? '' : ` [${cli('claims.removed')}]`;
  const lines = [`${number}. ${t(`status.${claim.status}`)} · ${t(`kind.${claim.kind}`)}: ${quoted}${where}  (${claim.id})`];
  lines.push(
    `   ${claim.links.length ? cli('claims.facts', { list: claim.links.map((l) => `${l.type}:${l.id}`).join(', ') }) : cli('claims.noFacts')}`,
  );
  for (const w of claim.warnings) lines.push(`   ${t(`severity.${w.severity}`)}: ${w.message[lang]} [${w.key}]`);
  return lines;
}

/** The list as JSON for scripts: document order, linked fact ids and open warnings per claim. */
function claimsJson(list: ArticleClaims, lang: Lang) {
  return {
    articleId: list.articleId,
    claims: list.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      text: c.text,
      status: c.status,
      inText: c.inText,
      links: c.links,
      warnings: c.warnings.map((w) => ({ code: w.code, key: w.key, severity: w.severity, message: w.message[lang] })),
      note: c.note,
      markedBy: claimMarking(c)?.by ?? null,
      markedAt: claimMarking(c)?.at ?? null,
      checkedBy: lastCheck(c)?.checker ?? null,
      checkedAt: lastCheck(c)?.at ?? null,
    })),
    gate: list.gate,
  };
}

async function languageOf(flags: Record<string, string | boolean>, ctx: ReturnType<typeof cliContext>): Promise<Lang> {
  const flag = flags.lang;
  if (flag !== undefined) {
    if (flag !== 'de' && flag !== 'en') throw new UsageError(translator('en', 'cli')('claims.badLang'));
    return flag;
  }
  const settings = await dispatch('settings:get', {}, ctx);
  return settings.ok ? settings.value.language : 'en';
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  summary: 'List the claims of an article, or check it against the "ready" gate',
  usage: USAGE.join('\n       '),
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: ['lang'] });
    const checking = positionals[0] === 'check';
    const ids = checking ? positionals.slice(1) : positionals;
    const ctx = cliContext(flags);
    try {
      const lang = await languageOf(flags, ctx);
      const cli = translator(lang, 'cli');
      if (ids.length !== 1) throw new UsageError(cli(checking ? 'claims.checkNeedsOneId' : 'claims.needsOneId'));
      const result = await dispatch('claims:list', { articleId: ids[0] }, ctx);
      if (!result.ok) return reportError(io, result.error);
      const list = result.value;

      if (checking) {
        const { gate } = list;
        if (flags.json) io.out(JSON.stringify(gate, null, 2));
        else if (!gate.passes) io.err(describeBlockedGate(gate, lang));
        else if (gate.override) io.out(cli('claims.passesByOverride', { by: gate.override.by, at: gate.override.at, reason: gate.override.reason }));
        else io.out(cli('claims.passes'));
        return gate.passes ? EXIT.ok : EXIT.problem;
      }

      if (flags.json) {
        io.out(JSON.stringify(claimsJson(list, lang), null, 2));
      } else if (list.claims.length === 0) {
        io.out(cli('claims.none'));
      } else {
        list.claims.forEach((c, i) => claimLines(c, i + 1, lang).forEach((line) => io.out(line)));
      }
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};
