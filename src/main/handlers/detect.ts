import { rankCandidates, type CandidateFacts, type ScoredCandidate } from '../../shared/detect/candidates';
import { dismissalKey } from '../../shared/detect/dismissal-key';
import type { DetectCandidate } from '../../shared/contract/detect';
import type { ArticleLanguage } from '../../shared/domain/articles';
import type { Deal, Entity } from '../../shared/domain/facts';
import { formatAmountMinor } from '../../shared/language/amounts';
import { articleGone } from './articleErrors';
import { UserError } from '../../shared/result';
import { getArticleMeta } from '../../store/articles';
import type { Db } from '../../store/db';
import { allEntities, candidateFacts, knownPeople } from '../../store/detect-candidates';
import { addDismissal, listDismissals, removeDismissal } from '../../store/detect-dismissals';
import { loadSettings } from './app';
import type { HandlerTable } from './table';

function requireArticle(db: Db, articleId: string): void {
  if (!getArticleMeta(db, articleId)) {
    throw articleGone(articleId, 'articleId');
  }
}

function amountText(deal: Deal, lang: ArticleLanguage): string | null {
  if (deal.amountMinor === null || !deal.currency) return null;
  const low = formatAmountMinor(deal.amountMinor, deal.currency, lang);
  if (deal.amountMaxMinor === null || deal.amountMaxMinor === deal.amountMinor) return low;
  return `${low}–${formatAmountMinor(deal.amountMaxMinor, deal.currency, lang)}`;
}

/** Words a checker reads to tell candidates apart: who said it when, who paid whom how much. */
function describe(c: ScoredCandidate, facts: CandidateFacts, lang: ArticleLanguage): DetectCandidate {
  const entity = (id: string | null) => (id ? facts.entities.find((e) => e.id === id) : undefined);
  const base = { ref: c.ref, score: Math.round(c.score * 1000) / 1000, reasons: c.reasons };
  switch (c.ref.type) {
    case 'quote': {
      const q = facts.quotes.find((x) => x.id === c.ref.id)!;
      const detail = [entity(q.speakerId)?.name, q.date].filter(Boolean).join(', ');
      return { ...base, label: q.wording, detail: detail || null };
    }
    case 'deal': {
      const d = facts.deals.find((x) => x.id === c.ref.id)!;
      const parties = [entity(d.payerId)?.name ?? '?', entity(d.payeeId)?.name ?? '?'].join(' → ');
      const detail = [parties, amountText(d, lang)].filter(Boolean).join(', ');
      return { ...base, label: d.subject, detail };
    }
    case 'role': {
      const r = facts.roles.find((x) => x.id === c.ref.id)!;
      return {
        ...base,
        label: `${entity(r.personId)?.name ?? r.personId} — ${r.title}`,
        detail: entity(r.organisationId)?.name ?? null,
      };
    }
    default: {
      const e = entity(c.ref.id) as Entity;
      return { ...base, label: e.name, detail: e.aliases.length ? e.aliases.join(', ') : null };
    }
  }
}

export const detectHandlers = {
  'detect:entities': (_input, ctx) =>
    allEntities(ctx.db).map(({ id, name, aliases, kind }) => ({ id, name, aliases, kind })),
  'detect:people': (_input, ctx) => knownPeople(ctx.db),
  'detect:candidates': ({ suggestions, lang, limit }, ctx) => {
    // One read of the entities serves every suggestion of the batch (the CLI sends a whole article).
    const entities = allEntities(ctx.db);
    const language = lang ?? loadSettings(ctx).language;
    return suggestions.map((s) => {
      const facts = candidateFacts(ctx.db, s, entities);
      return rankCandidates(s, facts, limit).map((c) => describe(c, facts, language));
    });
  },
  'detect:dismissed-list': ({ articleId }, ctx) => listDismissals(ctx.db, articleId),
  'detect:dismiss': ({ articleId, kind, text }, ctx) => {
    requireArticle(ctx.db, articleId);
    const key = dismissalKey(text);
    if (!key)
      throw new UserError('validation', { key: 'suggestionWithoutWords' }, [
        { path: 'text', message: 'must contain letters or digits' },
      ]);
    return addDismissal(ctx.db, articleId, {
      kind,
      key,
      text,
      by: loadSettings(ctx).userName,
      at: new Date().toISOString(),
    });
  },
  'detect:restore': ({ articleId, kind, key }, ctx) => ({
    restored: removeDismissal(ctx.db, articleId, kind, key),
  }),
} satisfies HandlerTable<
  | 'detect:entities'
  | 'detect:people'
  | 'detect:candidates'
  | 'detect:dismissed-list'
  | 'detect:dismiss'
  | 'detect:restore'
>;
