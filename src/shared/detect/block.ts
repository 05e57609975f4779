import type { ArticleLanguage } from '../domain/articles';
import { parseAmounts } from '../language/amounts';
import { attributeQuotes, type QuoteAttribution } from './attribution';
import { findCounts } from './counts';
import { findClubMentions, nextTopics, resolveGenericClub } from './clubs';
import { dealPartySpans } from './deal-parties';
import { findDates } from './dates';
import type { FoundSpan } from './found-span';
import { DiscourseState, type Discourse } from './discourse';
import type { EntityIndex } from './entities';
import { findSentenceHedges, type HedgeSpan } from './hedge-phrases';
import type { PeopleIndex } from './known-people';
import { roleClassOf } from './referring-nouns';
import { quoteSource, sourceOfHedge } from './sources';
import type { Lexicon } from './lexicon';
import { findPeople, type PeopleContext } from './people';
import { scanQuotes, type QuoteSpan } from './quote-marks';
import { findRankings } from './rankings';
import { findScores } from './scores';
import { splitSentences, type Sentence } from './sentences';
import { readSpeakerPhrase, type SpeakerRef } from './speaker-phrase';
import { wordsOutside } from './tokens';
import type { SpeakerKind, Suggestion, SuggestionKind } from './types';

export interface DetectEnv {
  lang: ArticleLanguage;
  lex: Lexicon;
  entities: EntityIndex;
  people: PeopleIndex;
  date?: string;
}

/** Who said a quote, and how the text named them. */
interface Resolved {
  name: string;
  kind: SpeakerKind;
  /** The words at the attribution, when they are not the name itself. */
  via?: string;
  id?: string;
}

export interface BlockResult {
  /** Offsets and paragraph indices in the whole text, given where the block starts. */
  suggestions: Suggestion[];
  out: Discourse;
}

// Amounts without a currency ("rund zwölf Millionen") are money only in a money sentence.
const MONEY_CONTEXT =
  /Ablöse|Gehalt|Summe|Betrag|Euro|zahl|kassier|überwies|Deal|Vertrag|fee|salary|deal|paid|pay|worth|sum|transfer|bid|offer/i;
// Money is written with a currency or a scale word; a bare "500.000" in a deal sentence is
// left to the checker.
const MONEY_HINT =
  /[€$£¥]|\d\s?(?:m|bn|k)\b|euro|eur\b|dollar|usd|pfund|pound|gbp|franken|franc|chf|mio|mrd|million|milliard|billion|tausend|thousand|grand/giu;
const REPORTED_SPEECH =
  /(?<![\p{L}])(?:habe|sei|seien|werde|könne|müsse|wolle|dürfe|gebe|komme|liege|solle)(?![\p{L}])/u;
// Estimates qualify the amount they stand next to, not the other claims of the sentence.
const ESTIMATE = /estimat|schätz/i;
const COUNT_AFTER =
  /^\s*(?:Zuschauer|Fans|Abonnenten|Follower|Aufrufe|Views|Mitglieder|Tickets|viewers|fans|subscribers|followers|views|members|tickets|streams|Streams|Klicks|clicks)/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function insideAny(spans: readonly QuoteSpan[], s: { start: number; end: number }): boolean {
  return spans.some((q) => s.start >= q.start && s.end <= q.end) || spans.some((q) => overlaps(q, s));
}

interface Claim {
  kind: SuggestionKind;
  start: number;
  end: number;
  value?: number;
  currency?: string;
  payer?: string;
  payee?: string;
  payerResolved?: string;
  payeeResolved?: string;
  speaker?: Resolved;
  hedge?: string;
  source?: string;
  min?: number;
  max?: number;
}

/**
 * Detects claims in one block: a paragraph, or a run of paragraphs held together by a quote
 * that spans them. The result depends only on the block's text and the incoming discourse,
 * which is what lets the incremental detector reuse it.
 */
export function detectBlock(
  paragraphs: readonly string[],
  discourse: Discourse,
  env: DetectEnv,
  at: { offset: number; paragraph: number } = { offset: 0, paragraph: 0 },
): BlockResult {
  const text = paragraphs.join('\n');
  const paraStarts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    paraStarts.push(offset);
    offset += p.length + 1;
  }
  const continuations = new Set(paraStarts.slice(1));
  const quotes = scanQuotes(text, env.lang, continuations).spans;
  const sentences = splitSentences(text, quotes, env.lang);
  const state = new DiscourseState(discourse);
  const ctx: PeopleContext = {
    lang: env.lang,
    lex: env.lex,
    entities: env.entities,
    people: env.people,
    state,
  };
  const paragraphOf = (pos: number) => {
    let k = 0;
    while (k + 1 < paraStarts.length && paraStarts[k + 1] <= pos) k++;
    return k;
  };

  const claims: Claim[] = [];
  const amounts = collectAmounts(text, sentences, quotes, env.lang);
  const dates = findDates(text, env.lang).filter((d) => !insideAny(quotes, d));
  const counts = findCounts(text, env.lang).filter((c) => !insideAny(quotes, c));
  const rankings = findRankings(text, env.lang).filter((r) => !insideAny(quotes, r));
  const scores = findScores(text, env.lang).filter((r) => !insideAny(quotes, r));

  let currentParagraph = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    const para = paragraphOf(sentence.start);
    const firstInParagraph = para !== currentParagraph || si === 0;
    while (currentParagraph < para) {
      currentParagraph++;
      state.nextParagraph();
    }
    const inSentence = quotes.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
    const people = findPeople(text, sentence.start, sentence.end, inSentence, ctx);
    const attributions = attributeQuotes(text, sentence, inSentence, ctx);
    let registered = 0;
    const registerUpTo = (pos: number) => {
      while (registered < people.mentions.length && people.mentions[registered].start < pos) {
        const m = people.mentions[registered++];
        const person = state.mention(m.written, m.gender, { cls: m.cls, age: m.age });
        if (m.role) state.assignRole(m.role, person.name);
        if (m.noun) state.assignRole(m.noun, person.name);
      }
    };
    // "Der Serbe war seit 2021 im Amt.": a description opening a sentence refers to someone just
    // named; resolving it here lets a later "der Serbe" or "er" find the same person.
    const opening = wordsOutside(text, sentence.start, sentence.end, inSentence);
    if (
      opening.length > 2 &&
      opening[0].start - sentence.start < 3 &&
      env.lex.articles.has(opening[0].text.toLowerCase())
    ) {
      const ref = readSpeakerPhrase(text, opening, 0, ctx);
      if (ref?.kind === 'anaphor') resolveSpeaker(ref, state, people.mentions, env);
    }
    const speakers: (Resolved | undefined)[] = attributions.map((a) => {
      if (!a.ref && a.verbAt !== undefined) {
        // "Trainer Ole Sandvik (Vertrag bis 2027) sprach von …", "Trainer X war erleichtert: „…“":
        // the subject stands further back.
        const subject = [...people.mentions].reverse().find((m) => m.end <= a.verbAt!);
        if (subject) {
          registerUpTo(a.verbAt);
          const person = state.lookup(subject.written);
          return person ? named(person.name, subject.written, env) : undefined;
        }
      }
      if (!a.ref) return undefined;
      registerUpTo(a.refAt);
      return resolveSpeaker(
        a.ref,
        state,
        people.mentions,
        env,
        sameClause(text, people.mentions, sentence.start, a.refAt, state),
      );
    });
    registerUpTo(Infinity);
    for (const r of people.roles) {
      if (r.holder) {
        const person = state.lookup(r.holder);
        if (person) state.assignRole(r.key, person.name);
      }
    }
    fillSpeakers(attributions, speakers, state, firstInParagraph, env);
    // "Quade habe die Entscheidung „professionell aufgenommen“": reported speech (German
    // subjunctive) right after a quote carries on with the same speaker.
    if (env.lang === 'de' && state.lastSpeaker && state.lastSpeakerAge === 0) {
      attributions.forEach((a, i) => {
        if (speakers[i] || a.title || a.standalone) return;
        const outside = text.slice(sentence.start, a.span.start) + text.slice(a.span.end, sentence.end);
        if (!REPORTED_SPEECH.test(outside)) return;
        speakers[i] = named(state.lastSpeaker!, state.lastSpeaker!, env);
        a.framed = true;
      });
    }
    const speech =
      attributions.length === 0
        ? []
        : attributions.filter((a, i) => accepted(a, speakers[i], text)).map((a) => a.span);
    attributions.forEach((a, i) => {
      if (!accepted(a, speakers[i], text)) return;
      const source = speakers[i] ? quoteSource(text, sentence, speech, env.lang) : undefined;
      claims.push({
        kind: 'quote',
        start: a.span.start,
        end: a.span.end,
        speaker: speakers[i],
        ...(source ? { source } : {}),
      });
      if (speakers[i] && speakers[i]!.kind !== 'role') state.spoke(speakers[i]!.name);
      else if (speakers[i]?.id) state.spoke(speakers[i]!.name);
    });
    if (firstInParagraph || inSentence.length > 0) state.pendingSpeaker = null;
    if (
      /:\s*$/.test(text.slice(sentence.start, sentence.end)) &&
      inSentence.length === 0 &&
      isLastInParagraph(sentences, si, paraStarts, text)
    ) {
      const [colon] = attributeQuotes(text, sentence, [{ start: sentence.end, end: sentence.end }], ctx);
      const name = colon.ref ? resolveSpeaker(colon.ref, state, people.mentions, env) : undefined;
      if (name && name.kind !== 'role') state.pendingSpeaker = name.name;
    }

    const sentenceClaims: Claim[] = [];
    const within = <T extends { start: number; end: number }>(list: T[]) =>
      list.filter((x) => x.start >= sentence.start && x.end <= sentence.end);
    const sentenceAmounts = within(amounts);
    // Clubs named in the sentence: what a later "der Klub" refers to, and one in this sentence.
    const clubs = findClubMentions(text, opening, inSentence, state.clubs, env.entities);
    for (const a of sentenceAmounts) {
      const { payer, payee } = dealPartySpans(text, sentence, a, quotes, env);
      const parties: Pick<Claim, 'payer' | 'payee' | 'payerResolved' | 'payeeResolved'> = {};
      if (payer) parties.payer = payer.text;
      if (payee) parties.payee = payee.text;
      if (payer?.generic) {
        const club = resolveGenericClub(payer.start, clubs, state.clubs, payee);
        if (club) parties.payerResolved = club;
      }
      if (payee?.generic) {
        const club = resolveGenericClub(payee.start, clubs, state.clubs, payer);
        if (club) parties.payeeResolved = club;
      }
      sentenceClaims.push({
        kind: 'amount',
        start: a.start,
        end: a.end,
        value: a.value,
        currency: a.currency ?? undefined,
        ...(a.min !== undefined ? { min: a.min } : {}),
        ...(a.max !== undefined ? { max: a.max } : {}),
        ...parties,
      });
    }
    const takeUnlessTaken = (kind: SuggestionKind, list: FoundSpan[]) => {
      for (const s of within(list)) {
        if (sentenceClaims.some((c) => overlaps(c, s))) continue;
        sentenceClaims.push({
          kind,
          start: s.start,
          end: s.end,
          value: kind === 'count' ? s.value : undefined,
        });
      }
    };
    state.clubs = nextTopics(state.clubs, clubs);
    takeUnlessTaken('other', scores);
    takeUnlessTaken('date', dates);
    takeUnlessTaken('count', counts);
    takeUnlessTaken('ranking', rankings);
    takeUnlessTaken('role', people.roles);
    // Hedges matter only where there is a claim to qualify.
    const quoteClaims = claims.some(
      (c) => c.kind === 'quote' && c.start >= sentence.start && c.end <= sentence.end,
    );
    if (sentenceClaims.length > 0 || quoteClaims) {
      // A hedge may run across a quoted name ("soll laut „Bote“ … bezahlt haben"); only one
      // wholly inside a quote belongs to the quote's own words.
      const hedges = findSentenceHedges(text, sentence.start, sentence.end, env.lang).filter(
        (h) => !quotes.some((q) => h.start >= q.start && h.end <= q.end),
      );
      attachHedges(sentenceClaims, hedges, claims, sentence, env.lang);
    }
    claims.push(...sentenceClaims);
  }

  const suggestions: Suggestion[] = claims
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((c) => {
      const s: Suggestion = {
        kind: c.kind,
        text: text.slice(c.start, c.end),
        start: c.start + at.offset,
        end: c.end + at.offset,
        paragraph: paragraphOf(c.start) + at.paragraph,
      };
      if (c.speaker !== undefined) {
        s.speaker = c.speaker.name;
        s.speakerKind = c.speaker.kind;
        if (c.speaker.via !== undefined) s.speakerVia = c.speaker.via;
        if (c.speaker.id !== undefined) s.speakerId = c.speaker.id;
      }
      if (c.value !== undefined) s.value = c.value;
      if (c.currency !== undefined) s.currency = c.currency;
      if (c.hedge !== undefined) s.hedge = c.hedge;
      if (c.payer !== undefined) s.payer = c.payer;
      if (c.payee !== undefined) s.payee = c.payee;
      if (c.payerResolved !== undefined) s.payerResolved = c.payerResolved;
      if (c.payeeResolved !== undefined) s.payeeResolved = c.payeeResolved;
      if (c.source !== undefined) s.source = c.source;
      if (c.min !== undefined) s.min = c.min;
      if (c.max !== undefined) s.max = c.max;
      return s;
    });
  while (currentParagraph < paragraphs.length - 1) {
    currentParagraph++;
    state.nextParagraph();
  }
  return { suggestions, out: state.snapshot() };
}

function isLastInParagraph(
  sentences: readonly Sentence[],
  i: number,
  paraStarts: readonly number[],
  text: string,
): boolean {
  const next = sentences[i + 1];
  if (!next) return true;
  return text.slice(sentences[i].end, next.start).includes('\n') || paraStarts.includes(next.start);
}

function collectAmounts(
  text: string,
  sentences: readonly Sentence[],
  quotes: readonly QuoteSpan[],
  lang: ArticleLanguage,
) {
  const out: {
    start: number;
    end: number;
    value: number;
    currency: string | null;
    min?: number;
    max?: number;
  }[] = [];
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    for (const w of moneyWindows(s)) {
      for (const a of parseAmounts(s.slice(w.start, w.end), lang)) {
        const local = { start: a.start + w.start, end: a.end + w.start };
        const start = local.start + sentence.start;
        const end = local.end + sentence.start;
        if (insideAny(quotes, { start, end }) || out.some((o) => o.start === start)) continue;
        if (a.currency === null) {
          if (COUNT_AFTER.test(s.slice(local.end))) continue;
          if (!MONEY_CONTEXT.test(s)) continue;
          if (Number.isInteger(a.value) && a.value >= 1900 && a.value <= 2100) continue;
        }
        out.push({
          start,
          end,
          value: a.value,
          currency: a.currency,
          ...(a.min !== undefined ? { min: a.min } : {}),
          ...(a.max !== undefined ? { max: a.max } : {}),
        });
      }
    }
  }
  return out;
}

/**
 * Stretches of a sentence around its money words, eight words back and three ahead: enough
 * for "zwischen 90 und 95 Millionen Euro" or "rund €4.2m", and far less text for the shared
 * parser, which tries every word it is given as the start of an amount.
 */
function moneyWindows(s: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  MONEY_HINT.lastIndex = 0;
  for (let m = MONEY_HINT.exec(s); m; m = MONEY_HINT.exec(s)) {
    let a = m.index;
    for (let words = 0; a > 0 && words < 8;) {
      a--;
      if (/\s/.test(s[a]) && a > 0 && !/\s/.test(s[a - 1])) words++;
    }
    while (a > 0 && !/\s/.test(s[a - 1])) a--;
    let b = m.index + m[0].length;
    for (let words = 0; b < s.length && words < 3; b++) {
      if (/\s/.test(s[b]) && b + 1 < s.length && !/\s/.test(s[b + 1])) words++;
    }
    while (b < s.length && !/\s/.test(s[b])) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last.end) last.end = Math.max(last.end, b);
    else windows.push({ start: a, end: b });
    MONEY_HINT.lastIndex = Math.max(MONEY_HINT.lastIndex, m.index + m[0].length);
  }
  return windows;
}

/** A speaker named in the text; a surname alone takes the full name from the text or the fact store. */
function named(name: string, written: string, env: DetectEnv): Resolved {
  const known = env.people.byName(name) ?? (name === written ? undefined : env.people.byName(written));
  const full = known && !name.includes(' ') ? known.name : name;
  const r: Resolved = { name: full, kind: 'name' };
  if (written !== full) r.via = written;
  if (known) r.id = known.id;
  return r;
}

/**
 * People named earlier in the same clause as a pronoun or description cannot be what it refers
 * to: in "Über seinen Teamkollegen Henrik Aasland sagt der 27-Jährige" (or "Asked about Voss he
 * said") the speaker is someone else. A comma, colon or dash ends the clause.
 */
function sameClause(
  text: string,
  mentions: readonly { end: number; written: string }[],
  from: number,
  at: number,
  state: DiscourseState,
): Set<string> | undefined {
  let skip: Set<string> | undefined;
  for (const m of mentions) {
    if (m.end > at || m.end < from || /[,;:–—()]/.test(text.slice(m.end, at))) continue;
    const name = state.lookup(m.written)?.name;
    if (name) (skip ??= new Set()).add(name);
  }
  return skip;
}

function resolveSpeaker(
  ref: SpeakerRef,
  state: DiscourseState,
  mentions: readonly { start: number; written: string }[],
  env: DetectEnv,
  skip?: ReadonlySet<string>,
): Resolved | undefined {
  const via = (kind: SpeakerKind, name: string, written: string): Resolved => {
    const r: Resolved = { name, kind, via: written };
    const id = env.people.byName(name)?.id;
    if (id) r.id = id;
    return r;
  };
  switch (ref.kind) {
    case 'name': {
      const known = state.lookup(ref.written);
      const alreadyMentioned = mentions.some((m) => m.start === ref.start);
      if (
        !alreadyMentioned &&
        (known || ref.written.includes(' ') || ref.role || ref.gender || env.people.byName(ref.written))
      ) {
        const stored = env.people.byName(ref.written);
        const person = state.mention(
          known || !stored ? ref.written : stored.name,
          ref.gender ?? stored?.gender,
          {
            cls: ref.role ? (roleClassOf(ref.role, env.lang) ?? 'other') : undefined,
          },
        );
        if (ref.role) state.assignRole(ref.role, person.name);
      }
      return named(state.lookup(ref.written)?.name ?? ref.written, ref.written, env);
    }
    // A resolved reference counts as a new mention: "er" right after "der Neuzugang" is him.
    case 'pronoun': {
      const p = state.resolvePronoun(ref.gender, skip);
      if (p) state.mention(p.name);
      return p ? via('pronoun', p.name, ref.written) : undefined;
    }
    case 'anaphor': {
      // "der Däne" after "der Däne Rasmus Kjeldsen": the person the text introduced that way.
      const introduced = ref.key ? state.roleHolder(ref.key) : undefined;
      const p =
        (introduced && !skip?.has(introduced) ? state.lookup(introduced) : undefined) ??
        state.resolveAnaphor(ref.hints, skip);
      // "the defender" tells what the person does; later anaphora use it.
      if (p) state.mention(p.name, undefined, { cls: ref.hints.cls, age: ref.hints.age });
      // The same description later means the same person ("der Serbe" twice).
      if (p && ref.key) state.assignRole(ref.key, p.name);
      return p ? via('anaphor', p.name, ref.written) : undefined;
    }
    case 'role': {
      // "ein Vereinssprecher", "a club spokesperson": a speaker nobody names.
      if (!ref.definite) return { name: ref.written, kind: 'role' };
      const holder = state.roleHolder(ref.key);
      if (holder) return via('role', holder, ref.written);
      // "der Nordhafen-Kapitän" on the article's date: the fact store knows who held the role.
      const stored = env.people.roleHolder(ref.key, ref.org, env.date);
      if (stored) {
        const person = state.mention(stored.name, stored.gender);
        state.assignRole(ref.key, person.name);
        return { name: stored.name, kind: 'role', via: ref.written, id: stored.id };
      }
      // Without a known holder, the role most likely describes the fitting person just named;
      // "sein Berater", "her agent" is someone else's, so never the person just named.
      const p =
        ref.org || ref.possessive
          ? undefined
          : state.resolveAnaphor({ gender: ref.gender, cls: roleClassOf(ref.key, env.lang) }, skip);
      if (p) state.mention(p.name);
      if (p) return via('anaphor', p.name, ref.written);
      return { name: ref.written.replace(/^(?:der|die|das|the)\s+/i, ''), kind: 'role' };
    }
  }
}

/**
 * Quotes with no speaker of their own: a quote interrupted by its attribution ("„A“, sagte X,
 * „B“") shares it; a quote standing alone inherits the speaker announced by "X sagte:" at the
 * end of the paragraph before, or the speaker of the paragraph before.
 */
function fillSpeakers(
  attributions: QuoteAttribution[],
  speakers: (Resolved | undefined)[],
  state: DiscourseState,
  firstInParagraph: boolean,
  env: DetectEnv,
) {
  for (let i = 0; i < attributions.length; i++) {
    if (speakers[i] || attributions[i].title) continue;
    const near = speakers.findIndex((s, k) => s !== undefined && !attributions[k].title);
    if (near >= 0) {
      speakers[i] = speakers[near];
      attributions[i].framed = true;
      continue;
    }
    if (!attributions[i].standalone) continue;
    if (firstInParagraph && state.pendingSpeaker)
      speakers[i] = named(state.pendingSpeaker, state.pendingSpeaker, env);
    else if (state.lastSpeaker && state.lastSpeakerAge <= 1)
      speakers[i] = named(state.lastSpeaker, state.lastSpeaker, env);
  }
}

/** Speech rather than a title, label or scare quote. */
function accepted(a: QuoteAttribution, speaker: Resolved | undefined, text: string): boolean {
  if (a.title) return false;
  if (speaker || a.framed) return true;
  const inner = text.slice(a.span.start + 1, a.span.end - 1).trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return false;
  if (a.standalone) return true;
  return words.length >= 5 || /[.!?…]$/.test(inner);
}

/** "soll laut „Bote“ rund 3 Millionen Euro bezahlt haben" → "soll … bezahlt haben". */
function spreadHedge(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 3 ? text : `${words[0]} … ${words.slice(-2).join(' ')}`;
}

/**
 * A hedge qualifies the claims of its own sentence. "laut X"/"according to X" attributes a
 * quote rather than hedging it, so quotes take only modal and adverb hedges.
 */
function attachHedges(
  sentenceClaims: Claim[],
  hedges: HedgeSpan[],
  all: Claim[],
  sentence: { start: number; end: number },
  lang: ArticleLanguage,
) {
  if (hedges.length === 0) return;
  // The medium a claim is attributed to, reported apart from the hedge so it can be linked.
  let source: string | undefined;
  for (const h of hedges) if (h.kind === 'source' && !source) source = sourceOfHedge(h.text, lang);
  const contains = (h: HedgeSpan, c: Claim) => h.start <= c.start && c.end <= h.end;
  for (const c of sentenceClaims) {
    const h = hedges.find((x) =>
      ESTIMATE.test(x.text) ? c.kind === 'amount' : !overlaps(x, c) || (x.kind === 'modal' && contains(x, c)),
    );
    if (h) c.hedge = h.kind === 'modal' && contains(h, c) ? spreadHedge(h.text) : h.text;
    if (source && c.kind === 'amount') c.source = source;
  }
  const forQuotes = hedges.find((x) => x.kind !== 'source' && !ESTIMATE.test(x.text));
  if (!forQuotes) return;
  for (const q of all) {
    if (q.kind === 'quote' && q.start >= sentence.start && q.end <= sentence.end && !overlaps(q, forQuotes))
      q.hedge = forQuotes.text;
  }
}
