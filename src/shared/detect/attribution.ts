import type { PeopleContext } from './people';
import type { QuoteSpan } from './quote-marks';
import { readSpeakerPhrase, readSpeakerPhraseBefore, type SpeakerRef } from './speaker-phrase';
import { tokenize, wordsOutside } from './tokens';

export interface QuoteAttribution {
  span: QuoteSpan;
  /** Where the speaker phrase sits, so people named before it can be registered first. */
  refAt: number;
  ref?: SpeakerRef;
  /** A verb of saying frames the quote even if no speaker could be named. */
  framed: boolean;
  /** The quote is a title or a label, not speech. */
  title: boolean;
  /** The quote makes up its whole sentence. */
  standalone: boolean;
  /** A framing verb with no speaker phrase next to it: the sentence's subject may be named further away. */
  verbAt?: number;
}

// Verbs that take their object as a separable particle read oddly before a colon ("Es gab
// Kritik:"), so they only count right after a quote.
const AFTER_QUOTE_ONLY = new Set([
  'so',
  'gab',
  'gibt',
  'stellte',
  'stellt',
  'teilte',
  'teilt',
  'ließ',
  'lässt',
  'räumte',
  'räumt',
]);

function isSpeechVerb(word: string, ctx: PeopleContext): boolean {
  return ctx.lex.speechVerbs.has(word.toLowerCase()) && word === word.toLowerCase();
}

// After these verbs stands the person spoken to ("told Radio Hollin"), never the speaker.
const ADDRESSEE_AFTER = new Set(['told', 'tells', 'tell', 'telling']);

// In mid-sentence "so" and "gab" are too common to frame anything.
const NEVER_FRAMING = new Set(['so', 'gab', 'gibt']);

function isFramingVerb(word: string, ctx: PeopleContext): boolean {
  return (ctx.lex.framingVerbs.has(word) || ctx.lex.speechVerbs.has(word)) && !NEVER_FRAMING.has(word);
}

function isTitle(text: string, q: QuoteSpan, from: number, ctx: PeopleContext): boolean {
  const before = tokenize(text, 0, Math.max(from, q.start - 60), q.start);
  const last = before[before.length - 1];
  if (!last) return false;
  const adjacentToQuote = /^\s?$/.test(text.slice(last.end, q.start));
  const cueWord = (w: string) => {
    if (ctx.lex.titleCues.has(w) || ctx.lex.titleCues.has(w.toLowerCase())) return true;
    const dash = w.lastIndexOf('-');
    if (dash > 0 && ctx.lex.titleCues.has(w.slice(dash + 1))) return true;
    // German compounds: "Sportdoku", "Klubpodcast".
    return (
      ctx.lang === 'de' &&
      /^\p{Lu}/u.test(w) &&
      /(?:doku|serie|podcast|magazin|film|show|sendung|zeitung|buch|kampagne|portal)s?$/i.test(w)
    );
  };
  const inner = text.slice(q.start + 1, q.end - 1).trim();
  // Titles are capitalised; "called the project “a distraction”" is speech.
  const titleCase = /^[\p{Lu}\p{N}]/u.test(inner);
  if (adjacentToQuote && titleCase && cueWord(last.text)) return true;
  // "der „Almentaler Bote“", "laut „Hafenblatt“", "the “Valley Post”": a short capitalised name
  // after a definite article or a word that introduces a source.
  const definite =
    ctx.lang === 'de' ? /^(?:der|die|das|des|dem|den|im|beim|vom|zum|zur|laut)$/i : /^(?:the|per)$/i;
  const words = inner.split(/\s+/);
  const nameLike =
    words.length <= 4 &&
    words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3) &&
    !/[.!?…,]$/.test(inner);
  if (adjacentToQuote && definite.test(last.text) && nameLike) return true;
  // "in an interview with “Almental Live”", "telling ‘Matchnight’ that", "im Gespräch mit
  // „Sportplatz“": the slot of a medium, not of speech.
  const slot =
    ctx.lang === 'de'
      ? /(?:Interview|Gespräch|gegenüber)\s+(?:mit\s+)?(?:dem|der)?\s*$/
      : /(?:interview\s+with|told|telling|speaking\s+to|talking\s+to|column\s+for)\s+(?:the\s+)?$/i;
  if (nameLike && titleCase && slot.test(text.slice(Math.max(from, q.start - 30), q.start))) return true;
  // German apposition: a quoted name right after the noun it names ("Fanabteilung „Rote Wand“",
  // "Verlag „Hafenlicht“"). Speech after a noun is introduced by a colon or a verb instead.
  if (
    ctx.lang === 'de' &&
    adjacentToQuote &&
    titleCase &&
    words.length <= 4 &&
    !/[.!?…]$/.test(inner) &&
    /^\p{Lu}\p{Ll}{2,}$/u.test(last.text)
  ) {
    const noun =
      !ctx.lex.nonNames.has(last.text) &&
      !ctx.state.isKnownSurname(last.text) &&
      !ctx.entities.find(text, last.start, last.end).length;
    const sentenceInitial = before.length === 1 && /^[\s(]*$/.test(text.slice(from, last.start));
    if (noun && !sentenceInitial && hasNounShape(last.text)) return true;
  }
  // "the documentary, “Rovers Till I Die”,", "der Titel der Folge, „…“,": a cue word, a comma, the title.
  const commaBefore = /^,\s?$/.test(text.slice(last.end, q.start));
  if (commaBefore && titleCase && cueWord(last.text) && /^\s*,/.test(text.slice(q.end))) return true;
  if (adjacentToQuote && ctx.lex.labelCues.has(last.text.toLowerCase())) return true;
  // "der sogenannte „Neustart“", "the so-called “reset”".
  const recent = before.slice(-3);
  if (recent.some((t) => ctx.lex.labelCues.has(t.text.toLowerCase()) && /^so-|^sogenannt/i.test(t.text)))
    return true;
  // "mit dem Titel „…“", "under the title “…”".
  return /(?:Titel|title|titled|entitled)\W*(?:\w+\W+)?$/.test(
    text.slice(Math.max(from, q.start - 20), q.start),
  );
}

// A German noun rather than a name: compounds and the usual noun endings.
const hasNounShape = (w: string) =>
  w.length >= 9 || /(?:ung|heit|keit|schaft|ion|tät|ei|ik|nis|tum|ment|ur|ie|ag|al|er|el)$/.test(w);

/**
 * Decides for each quote in a sentence who says it, using the patterns of news copy:
 * after the quote ("…“, sagte X" / "…,” X said"), before it with a colon ("X sagte: „…“",
 * "X: „…“"), "laut X"/"according to X", and a verb of saying elsewhere in the sentence
 * ("X nannte den Deal „…“").
 */
export function attributeQuotes(
  text: string,
  sentence: { start: number; end: number },
  quotes: readonly QuoteSpan[],
  ctx: PeopleContext,
): QuoteAttribution[] {
  const toks = wordsOutside(text, sentence.start, sentence.end, quotes);
  const out: QuoteAttribution[] = [];
  const titles = quotes.map((q) => isTitle(text, q, sentence.start, ctx));
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    // A quoted title ("im Magazin „Korbjäger“", "in 'Screen Deals'") is part of the attribution
    // around it; only speech ends the stretch a quote's attribution is read from.
    let prev = qi - 1;
    while (prev >= 0 && titles[prev]) prev--;
    let next = qi + 1;
    while (next < quotes.length && titles[next]) next++;
    const segStart = prev >= 0 ? quotes[prev].end : sentence.start;
    const segEnd = next < quotes.length ? quotes[next].start : sentence.end;
    const title = titles[qi];
    const rest = text.slice(q.end, sentence.end).replace(/[\s.!?…,;:–—)]+$/u, '');
    const lead = text.slice(sentence.start, q.start).replace(/^[\s(–—]+/u, '');
    const standalone = quotes.length === 1 && lead === '' && rest === '';
    const result: QuoteAttribution = { span: q, refAt: q.end, framed: false, title, standalone };
    out.push(result);
    if (title) continue;

    const afterToks = toks.filter((t) => t.start >= q.end && t.end <= segEnd);
    const beforeToks = toks.filter((t) => t.start >= segStart && t.end <= q.start);

    // 1. After the quote: "…“, sagte X", "…“, so X", "…,” X said", "…,” according to X".
    const afterText = text.slice(q.end, segEnd);
    if (/^\s*[,!?]?\s*[–—]?\s*according\s+to\s/i.test(afterText) && ctx.lang === 'en') {
      const i = afterToks.findIndex((t) => t.text.toLowerCase() === 'to');
      const ref = readSpeakerPhrase(text, afterToks, i + 1, ctx);
      if (ref) Object.assign(result, { ref, refAt: afterToks[i + 1].start, framed: true });
      if (ref) continue;
    }
    // Social-media style: "“It's a special day” – Joe Marsh on Instagram".
    if (/^\s*[–—]\s*\p{Lu}/u.test(afterText)) {
      const ref = readSpeakerPhrase(text, afterToks, 0, ctx);
      if (ref?.kind === 'name' && ref.written.includes(' ')) {
        Object.assign(result, { ref, refAt: afterToks[0].start, framed: true });
        continue;
      }
    }
    // Passive: "„…“, wird Kowalczyk im Magazin „Anstoß“ zitiert".
    // The medium may be a quoted title, which ends the segment: look to the sentence end.
    if (
      ctx.lang === 'de' &&
      /^(?:wird|wurde|werden|wurden)$/.test(afterToks[0]?.text ?? '') &&
      toks.some((t) => t.start >= q.end && t.text === 'zitiert')
    ) {
      const ref = readSpeakerPhrase(text, afterToks, 1, ctx);
      if (ref) {
        Object.assign(result, { ref, refAt: afterToks[1].start, framed: true });
        continue;
      }
    }
    // "„…“, hieß es aus dem Umfeld des Spielers": the group the words came from.
    if (
      ctx.lang === 'de' &&
      /^(?:hieß|heißt)$/.test(afterToks[0]?.text ?? '') &&
      afterToks[1]?.text === 'es'
    ) {
      result.framed = true;
      const aus = afterToks.findIndex((t, k) => k >= 2 && k <= 4 && t.text === 'aus');
      const ref = aus > 0 ? readSpeakerPhrase(text, afterToks, aus + 1, ctx) : undefined;
      if (ref) {
        Object.assign(result, { ref, refAt: afterToks[aus + 1].start });
        continue;
      }
    }
    if (/^\s*[,!?]?\s*[–—]?\s*\p{L}/u.test(afterText)) {
      // English puts long speaker phrases first ("the company's head of sport, Rachel Quint, said").
      const limit = Math.min(afterToks.length, ctx.lang === 'en' ? 9 : 7);
      for (let i = 0; i < limit; i++) {
        const w = afterToks[i].text;
        // Right after a quote a verb of praise or criticism attributes it as well ("…“, lobte X").
        if (!isSpeechVerb(w, ctx) && !(ctx.lex.framingVerbs.has(w) && i <= 1)) continue;
        if (w === 'so' && i !== 0) continue;
        const ref =
          (i > 0 ? readSpeakerPhraseBefore(text, afterToks, i, ctx, w) : undefined) ??
          (ADDRESSEE_AFTER.has(w) ? undefined : readSpeakerPhrase(text, afterToks, i + 1, ctx, w));
        // A verb of saying right after the quote makes it speech even when the speaker
        // cannot be named ("…“, sagten sie").
        result.framed = true;
        if (ref) {
          result.ref = ref;
          result.refAt = afterToks[i].start;
        }
        break;
      }
      if (result.ref) continue;
    }

    // "X is quoted in The Ledger as saying “…”", "X was quoted as saying".
    if (ctx.lang === 'en') {
      const quoted = beforeToks.findIndex(
        (t, k) => t.text === 'quoted' && /^(?:is|was|were|are|been)$/.test(beforeToks[k - 1]?.text ?? ''),
      );
      if (quoted > 0) {
        const ref = readSpeakerPhraseBefore(text, beforeToks, quoted - 1, ctx);
        result.framed = true;
        if (ref) {
          Object.assign(result, { ref, refAt: beforeToks[quoted - 1].start });
          continue;
        }
      }
    }
    // "Aus seinem Umfeld hieß es: „…“".
    if (ctx.lang === 'de') {
      const hiess = beforeToks.findIndex(
        (t, k) => /^(?:hieß|heißt)$/.test(t.text) && beforeToks[k + 1]?.text === 'es',
      );
      const aus = hiess > 0 ? beforeToks.findIndex((t, k) => k < hiess && /^aus$/i.test(t.text)) : -1;
      if (aus >= 0) {
        const ref = readSpeakerPhrase(text, beforeToks, aus + 1, ctx);
        result.framed = true;
        if (ref) {
          Object.assign(result, { ref, refAt: beforeToks[aus + 1].start });
          continue;
        }
      }
    }

    // 2. Before the quote, ending in a colon or "said,": "X sagte: „…“", "X: „…“", "laut X „…“".
    const beforeText = text.slice(segStart, q.start);
    if (/:\s*$/.test(beforeText) || /,\s*$/.test(beforeText)) {
      const colon = /:\s*$/.test(beforeText);
      let vi = -1;
      for (let i = beforeToks.length - 1; i >= 0; i--) {
        const w = beforeToks[i].text;
        if (isSpeechVerb(w, ctx) && !AFTER_QUOTE_ONLY.has(w)) {
          vi = i;
          break;
        }
      }
      if (vi >= 0 && (colon || vi === beforeToks.length - 1 || vi >= beforeToks.length - 3)) {
        const w = beforeToks[vi].text;
        // "Auf die Frage nach dem Trainer antwortete Asmussen:": with words between the verb and
        // the colon, German inverted order puts the subject right after the verb.
        const inverted = colon && ctx.lang === 'de' && vi < beforeToks.length - 1;
        // "Der Serbe wird im Magazin „Y“ mit den Worten zitiert:", "Im Magazin wird X so zitiert:":
        // the passive's subject speaks, before or right after the auxiliary.
        // The same for the perfect: "Die Torhüterin hatte am Vortag bei Instagram geschrieben:".
        const auxWords = /^zitiert$/.test(w)
          ? /^(?:wird|wurde|werden|wurden)$/
          : /^(?:ge|an|mit|be|er|ver|zu)\p{Ll}+(?:t|en)$/u.test(w)
            ? /^(?:hat|hatte|haben|hatten|habe)$/
            : undefined;
        const aux =
          ctx.lang === 'de' && auxWords
            ? beforeToks.findIndex((t, k) => k < vi && auxWords.test(t.text))
            : -1;
        const passive =
          aux >= 0
            ? (readSpeakerPhraseBefore(text, beforeToks, aux, ctx) ??
              readSpeakerPhrase(text, beforeToks, aux + 1, ctx))
            : undefined;
        const ref =
          passive ??
          (inverted
            ? (readSpeakerPhrase(text, beforeToks, vi + 1, ctx, w) ??
              readSpeakerPhraseBefore(text, beforeToks, vi, ctx, w))
            : (readSpeakerPhraseBefore(text, beforeToks, vi, ctx, w) ??
              (ADDRESSEE_AFTER.has(w) ? undefined : readSpeakerPhrase(text, beforeToks, vi + 1, ctx, w))));
        result.framed = true;
        if (ref) {
          result.ref = ref;
          result.refAt = beforeToks[vi].start;
          continue;
        }
        // "Cole on Tuesday told Radio Hollin:": the subject stands further back.
        if (ADDRESSEE_AFTER.has(w)) {
          result.verbAt = beforeToks[vi].start;
          continue;
        }
      } else if (colon && beforeToks.length > 0) {
        // Colon attribution without a verb: "Brehm: „…“", "Kowalczyk über den Wechsel: „…“".
        let clauseStart = beforeToks.length - 1;
        while (
          clauseStart > 0 &&
          !/[,;]/.test(text.slice(beforeToks[clauseStart - 1].end, beforeToks[clauseStart].start))
        )
          clauseStart--;
        if (beforeToks.length - clauseStart <= 6) {
          let s = clauseStart;
          while (
            s < beforeToks.length - 1 &&
            ctx.lex.nonNames.has(beforeToks[s].text) &&
            !ctx.lex.articles.has(beforeToks[s].text.toLowerCase())
          )
            s++;
          const ref = readSpeakerPhrase(text, beforeToks, s, ctx);
          if (ref) {
            Object.assign(result, { ref, refAt: beforeToks[s].start, framed: true });
            continue;
          }
        }
        // "Trainer Bastian Quade war nach dem Spiel erleichtert: „…“", "Auch der Trainer gab
        // sich gelassen: „…“": the subject of the introducing clause speaks.
        let k = 0;
        while (
          k < Math.min(beforeToks.length - 1, 2) &&
          ctx.lex.nonNames.has(beforeToks[k].text) &&
          !ctx.lex.articles.has(beforeToks[k].text.toLowerCase()) &&
          !ctx.lex.pronouns[beforeToks[k].text.toLowerCase()]
        )
          k++;
        const subject = readSpeakerPhrase(text, beforeToks, k, ctx);
        result.framed = true;
        if (subject && subject.kind !== 'name') {
          Object.assign(result, { ref: subject, refAt: beforeToks[k].start });
          continue;
        }
        result.verbAt = q.start;
      }
    }
    for (let i = 0; i < beforeToks.length; i++) {
      const w = beforeToks[i].text.toLowerCase();
      const isLaut =
        ctx.lang === 'de'
          ? w === 'laut'
          : w === 'according' && beforeToks[i + 1]?.text.toLowerCase() === 'to';
      if (!isLaut) continue;
      const at = ctx.lang === 'de' ? i + 1 : i + 2;
      const ref = readSpeakerPhrase(text, beforeToks, at, ctx);
      if (ref && beforeToks[at]) {
        Object.assign(result, { ref, refAt: beforeToks[at].start, framed: true });
        break;
      }
    }
    if (result.ref) continue;

    // 3. A verb of saying elsewhere in the sentence frames a partial quote.
    // The partial quote is the verb's object, so it comes after the verb.
    for (let i = 0; i < toks.length && toks[i].start < q.start; i++) {
      const w = toks[i].text;
      if (!isFramingVerb(w, ctx)) continue;
      result.framed = true;
      const ref =
        readSpeakerPhraseBefore(text, toks, i, ctx, w) ?? readSpeakerPhrase(text, toks, i + 1, ctx, w);
      if (ref) {
        result.ref = ref;
        result.refAt = toks[i].start;
      } else result.verbAt = toks[i].start;
      break;
    }
  }
  return out;
}
