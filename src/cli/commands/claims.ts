import { dispatch } from '../../main/handlers';
import { describeBlockedGate } from '../../shared/claims/gate';
import { claimMarking, lastCheck } from '../../shared/export/factText';
import { errorSentenceIn, translator } from '../../shared/i18n/translate';
import type { AppError } from '../../shared/result';
import type { ArticleClaims, ClaimView, StaleClaim } from '../../shared/contract/claims';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import type { CliCommand } from './types';

type Lang = 'de' | 'en';

const USAGE = [
  'factdesk claims <article-id> [--json] [--lang <de|en>]',
  'factdesk claims check <article-id> [--json] [--lang <de|en>]',
  'factdesk claims stale [--json] [--lang <de|en>]',
  'factdesk claims recheck <claim-id>',
];

/** The error in the language the command speaks (`--lang` or the settings), its fields as they are. */
function reportError(io: CliIO, error: AppError, lang: Lang): number {
  io.err(errorSentenceIn(lang, error));
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function claimLines(claim: ClaimView, number: number, lang: Lang): string[] {
  const t = translator(lang, 'claims');
  const cli = translator(lang, 'cli');
  const quoted = lang === 'de' ? `„${oneLine(claim.text)}“` : `“${oneLine(claim.text)}”`;
  const where = claim.inText ? '' : ` [${cli('claims.removed')}]`;
  const lines = [
    `${number}. ${t(`status.${claim.status}`)} · ${t(`kind.${claim.kind}`)}: ${quoted}${where}  (${claim.id})`,
  ];
  lines.push(
    `   ${claim.links.length ? cli('claims.facts', { list: claim.links.map((l) => `${l.type}:${l.id}`).join(', ') }) : cli('claims.noFacts')}`,
  );
  for (const n of claim.recheck)
    lines.push(`   ${cli('claims.needsRecheck', { message: n.message[lang], by: n.by, at: n.at })}`);
  for (const w of claim.warnings)
    lines.push(`   ${t(`severity.${w.severity}`)}: ${w.message[lang]} [${w.key}]`);
  return lines;
}

/** Claims needing a re-check across articles, grouped by article; published and ready ones say so. */
function staleLines(stale: StaleClaim[], lang: Lang): string[] {
  const cli = translator(lang, 'cli');
  if (stale.length === 0) return [cli('claims.noStale')];
  const lines: string[] = [];
  let article: string | null = null;
  for (const c of stale) {
    if (c.articleId !== article) {
      article = c.articleId;
      const correction =
        c.articleStatus === 'ready' || c.articleStatus === 'published'
          ? `  — ${cli('claims.needsCorrection')}`
          : '';
      lines.push(`${JSON.stringify(c.headline)} [${c.articleStatus}] (${c.articleId})${correction}`);
    }
    lines.push(
      `  ${c.claimStatus.padEnd(9)} ${JSON.stringify(oneLine(c.claimText))}${c.inText ? '' : ` [${cli('claims.removed')}]`}  (${c.claimId})`,
    );
    for (const n of c.notices) lines.push(`    ${n.message[lang]} (${n.by}, ${n.at})`);
  }
  return lines;
}

function staleJson(stale: StaleClaim[], lang: Lang) {
  return stale.map((c) => ({
    ...c,
    needsCorrection: c.articleStatus === 'ready' || c.articleStatus === 'published',
    notices: c.notices.map(({ message, ...n }) => ({ ...n, message: message[lang] })),
  }));
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
      warnings: c.warnings.map((w) => ({
        code: w.code,
        key: w.key,
        severity: w.severity,
        message: w.message[lang],
      })),
      recheck: c.recheck.map((n) => ({
        reason: n.reason,
        fact: { type: n.factType, id: n.factId },
        before: n.before,
        after: n.after,
        by: n.by,
        at: n.at,
        message: n.message[lang],
      })),
      note: c.note,
      markedBy: claimMarking(c)?.by ?? null,
      markedAt: claimMarking(c)?.at ?? null,
      checkedBy: lastCheck(c)?.checker ?? null,
      checkedAt: lastCheck(c)?.at ?? null,
    })),
    gate: list.gate,
  };
}

async function languageOf(
  flags: Record<string, string | boolean>,
  ctx: ReturnType<typeof cliContext>,
): Promise<Lang> {
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
    if (positionals[0] === 'stale' || positionals[0] === 'recheck') return runStale(positionals, flags, io);
    const checking = positionals[0] === 'check';
    const ids = checking ? positionals.slice(1) : positionals;
    const ctx = cliContext(flags);
    try {
      const lang = await languageOf(flags, ctx);
      const cli = translator(lang, 'cli');
      if (ids.length !== 1)
        throw new UsageError(cli(checking ? 'claims.checkNeedsOneId' : 'claims.needsOneId'));
      if (checking) {
        // The gate only: the claims' checks (the costly part of claims:list) do not decide it.
        const result = await dispatch('claims:gate', { articleId: ids[0] }, ctx);
        if (!result.ok) return reportError(io, result.error, lang);
        const gate = result.value;
        if (flags.json) io.out(JSON.stringify(gate, null, 2));
        else if (!gate.passes) io.err(describeBlockedGate(gate, lang));
        else if (gate.override)
          io.out(
            cli('claims.passesByOverride', {
              by: gate.override.by,
              at: gate.override.at,
              reason: gate.override.reason,
            }),
          );
        else io.out(cli('claims.passes'));
        return gate.passes ? EXIT.ok : EXIT.problem;
      }

      const result = await dispatch('claims:list', { articleId: ids[0] }, ctx);
      if (!result.ok) return reportError(io, result.error, lang);
      const list = result.value;

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

async function runStale(
  positionals: string[],
  flags: Record<string, string | boolean>,
  io: CliIO,
): Promise<number> {
  const [sub, ...ids] = positionals;
  if (sub === 'stale' && ids.length > 0) throw new UsageError('claims stale takes no arguments');
  if (sub === 'recheck' && ids.length !== 1)
    throw new UsageError('claims recheck needs exactly one claim id');
  const ctx = cliContext(flags);
  try {
    const lang = await languageOf(flags, ctx);
    if (sub === 'recheck') {
      const result = await dispatch('claims:resolve-recheck', { id: ids[0] }, ctx);
      if (!result.ok) return reportError(io, result.error, lang);
      io.out(
        `Re-checked: ${JSON.stringify(oneLine(result.value.text))} (${result.value.id}) no longer needs a re-check.`,
      );
      return EXIT.ok;
    }
    const result = await dispatch('claims:stale', {}, ctx);
    if (!result.ok) return reportError(io, result.error, lang);
    if (flags.json) io.out(JSON.stringify(staleJson(result.value, lang), null, 2));
    else staleLines(result.value, lang).forEach((line) => io.out(line));
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}
