import type { ArticleBody, SerializedNodeJSON } from '../shared/domain/articles';

/** Builds article bodies shaped exactly as Lexical exports them, for tests, the crash test and benchmarks. */

export function textNode(text: string, format = 0): SerializedNodeJSON {
  return { type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text };
}

function block(
  type: string,
  children: SerializedNodeJSON[],
  extra: Record<string, unknown> = {},
): SerializedNodeJSON {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

export function paragraph(text: string): SerializedNodeJSON {
  return block('paragraph', text ? [textNode(text)] : [], { textFormat: 0, textStyle: '' });
}

export function heading(text: string, tag: 'h2' | 'h3' = 'h2'): SerializedNodeJSON {
  return block('heading', [textNode(text)], { tag });
}

export function bodyOf(children: SerializedNodeJSON[]): ArticleBody {
  return { schemaVersion: 1, editorState: { root: block('root', children) } };
}

/** One paragraph per string. */
export function paragraphBody(paragraphs: string[]): ArticleBody {
  return bodyOf(paragraphs.map(paragraph));
}

// Invented match-report vocabulary; sentences are recombined, so no real article text is involved.
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

/** A long body of about `words` words: paragraphs of ~60 words, a subheading every ten paragraphs. */
export function longBody(words: number, seed = 1): ArticleBody {
  let state = seed;
  const pick = <T>(list: T[]) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return list[state % list.length];
  };
  const children: SerializedNodeJSON[] = [];
  let count = 0;
  let para = 0;
  while (count < words) {
    if (para % 10 === 0) {
      children.push(heading(`Abschnitt ${para / 10 + 1}`));
      count += 2;
    }
    const sentences: string[] = [];
    let inPara = 0;
    while (inPara < 60 && count + inPara < words) {
      const s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
      sentences.push(s);
      inPara += s.split(' ').length;
    }
    children.push(paragraph(sentences.join(' ')));
    count += inPara;
    para++;
  }
  return bodyOf(children);
}
