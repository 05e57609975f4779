/**
 * Very long articles for bench:editor (issue 16): `words` words of invented match report in
 * paragraphs of about 60 words with a subheading every ten, `claims` claim marks spread evenly
 * over the text (each with its stored claim record), and unmarked quotes and amounts every few
 * sentences, which the detector offers as open suggestions.
 */
import { blocksToBody, type Block, type Inline } from '../src/shared/article/blocks';
import type { ArticleBody } from '../src/shared/domain/articles';
import type { ClaimContext } from '../src/shared/claims/context';

const SUBJECTS = [
  'SV Rotheide',
  'FC Almental',
  'Jana Kowalczyk',
  'Der Trainer',
  'Die Abwehr',
  'Das Mittelfeld',
  'Torhüterin Mira Feld',
];
const VERBS = ['gewann', 'verlor', 'kontrollierte', 'drehte', 'verteidigte', 'eroberte', 'prägte'];
const OBJECTS = [
  'das Derby',
  'die zweite Halbzeit',
  'den Strafraum',
  'jeden Zweikampf',
  'die Tabellenspitze',
  'das Spiel nach der Pause',
];
const TAILS = [
  'vor 12 000 Fans',
  'trotz Regen',
  'mit viel Geduld',
  'in der Nachspielzeit',
  'ohne Stammkeeper',
  'zum dritten Mal in Folge',
];
/** Sentences the detector picks up: a quote with its speaker, an amount. */
const SUGGESTED = [
  '„Wir bleiben dran und geben nicht auf“, sagte Trainerin Mira Feld nach dem Spiel.',
  'Der FC Nordhafen zahlte für Lena Kowalczyk 2,5 Millionen Euro Ablöse.',
];

export interface LongArticleClaim {
  id: string;
  text: string;
  context: ClaimContext;
}

export function longClaimedArticle(
  words: number,
  claims: number,
  seed = 7,
): { body: ArticleBody; claims: LongArticleClaim[] } {
  let state = seed;
  const pick = <T>(list: T[]) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return list[state % list.length];
  };
  // One claim every `words / claims` words, so they spread evenly over the whole article.
  const every = words / claims;
  let nextClaimAt = every / 2;
  const blocks: Block[] = [];
  const made: LongArticleClaim[] = [];
  let count = 0;
  let para = 0;
  let sentence = 0;
  while (count < words) {
    if (para % 10 === 0) {
      blocks.push({
        type: 'heading',
        level: 2,
        content: [{ type: 'text', text: `Abschnitt ${para / 10 + 1}`, format: {} }],
      });
      count += 2;
    }
    const content: Inline[] = [];
    let text = '';
    let inPara = 0;
    while (inPara < 60 && count + inPara < words) {
      const lead = text === '' ? '' : ' ';
      let s: string;
      if (count + inPara >= nextClaimAt && made.length < claims) {
        nextClaimAt += every;
        const head = `${pick(SUBJECTS)} ${pick(VERBS)} `;
        const marked = `${pick(OBJECTS)} ${pick(TAILS)}`;
        const id = `c-long-${words}-${String(made.length).padStart(5, '0')}`;
        content.push({ type: 'text', text: lead + head, format: {} });
        content.push({ type: 'claim', ids: [id], children: [{ type: 'text', text: marked, format: {} }] });
        content.push({ type: 'text', text: '.', format: {} });
        s = `${head}${marked}.`;
        const start = text.length + lead.length + head.length;
        made.push({
          id,
          text: marked,
          context: { text: text + lead + s, start, end: start + marked.length },
        });
      } else {
        s =
          sentence % 9 === 4
            ? SUGGESTED[sentence % 2]
            : `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
        content.push({ type: 'text', text: lead + s, format: {} });
      }
      text += lead + s;
      inPara += s.split(' ').length;
      sentence++;
    }
    blocks.push({ type: 'paragraph', content });
    count += inPara;
    para++;
  }
  return { body: blocksToBody(blocks), claims: made };
}
