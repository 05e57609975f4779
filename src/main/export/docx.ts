import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TextRun,
  type ICommentOptions,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import {
  bodyToBlocks,
  withoutClaimMarks,
  type Block,
  type Inline,
  type InlineFormat,
  type ListBlock,
} from '../../shared/article/blocks';
import { allowedLinkUrl } from '../../shared/article/links';
import type { ArticleBody, ArticleMeta } from '../../shared/domain/articles';
import { correctionBlocks, type CorrectionNote } from '../../shared/export/corrections';
import type { CommentThread } from '../../shared/domain/comments';
import type { SuggestionInfo } from '../../shared/article/suggestedChanges';
import { wordComments, type WordComments } from './docxComments';
import { DOCX_STYLE_IDS } from '../docx-styles';

/**
 * Word export with real Word structure, so editors downstream keep working with styles instead of
 * direct formatting: the headline uses the built-in Title style, subheads Heading 2/3, block
 * quotes the Quote style, lists real Word numbering; kicker, lead, byline and dateline get named
 * paragraph styles of their own ("Kicker", "Lead", "Byline", "Dateline"), which the DOCX
 * importer maps back.
 */
export interface DocxOptions {
  /** Shown as the document's author in its properties; defaults to the article author. */
  creator?: string;
  /** Written after the body as a "Corrections" section. */
  corrections?: readonly CorrectionNote[];
  /**
   * The article's comment threads, when asked for: each becomes real Word comments on its words
   * (replies threaded under the first, resolved ones marked done). Without it marks vanish.
   */
  threads?: readonly CommentThread[];
  /**
   * Write pending suggested changes as Word tracked changes (w:ins / w:del with author and
   * date). Without it the body should already be the accepted text (the export handler's job).
   */
  trackedChanges?: boolean;
}

/** Word revision ids must be unique in the document; one counter per export. */
class RevisionIds {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

export { DOCX_STYLE_IDS };

const LANGUAGE_TAG: Record<ArticleMeta['language'], string> = { de: 'de-DE', en: 'en-GB' };
const BULLETS = ['•', '◦', '▪'];
const MAX_LEVEL = 8;

function paragraphStyles(): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', next: 'Normal', quickFormat: true } as const;
  return [
    {
      id: DOCX_STYLE_IDS.kicker,
      name: 'Kicker',
      ...base,
      run: { bold: true, color: '8A1C1C', size: 20, font: 'Arial' },
      paragraph: { spacing: { after: 60 } },
    },
    {
      id: DOCX_STYLE_IDS.lead,
      name: 'Lead',
      ...base,
      run: { bold: true, size: 24 },
      paragraph: { spacing: { before: 120, after: 200 } },
    },
    {
      id: DOCX_STYLE_IDS.byline,
      name: 'Byline',
      ...base,
      run: { italics: true, color: '555555', size: 18, font: 'Arial' },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: DOCX_STYLE_IDS.dateline,
      name: 'Dateline',
      ...base,
      run: { color: '555555', size: 18, font: 'Arial' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: DOCX_STYLE_IDS.quote,
      name: 'Quote',
      ...base,
      run: { italics: true, color: '333333' },
      paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 120, after: 120 } },
    },
  ];
}

/** Numbering definitions are created on demand: one for bullets, one per distinct start number. */
class ListNumbering {
  /** Revision ids when tracked changes are written; carried here because every paragraph builder gets this object. */
  ids: RevisionIds | undefined;
  private readonly definitions = new Map<string, NumberingDefinition>();
  private nextInstance = 1;

  reference(list: ListBlock): string {
    const reference = list.ordered ? `fd-number-${list.start}` : 'fd-bullet';
    if (!this.definitions.has(reference)) {
      const levels: ILevelsOptions[] = [];
      for (let level = 0; level <= MAX_LEVEL; level++) {
        levels.push({
          level,
          format: list.ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
          text: list.ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length],
          start: level === 0 && list.ordered ? list.start : 1,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        });
      }
      this.definitions.set(reference, { reference, levels });
    }
    return reference;
  }

  /** Every list, nested ones included, is its own Word list so numbering restarts per list. */
  instance(): number {
    return this.nextInstance++;
  }

  config(): NumberingDefinition[] {
    return [...this.definitions.values()];
  }
}

function textRun(
  text: string,
  format: InlineFormat,
  link: boolean,
  suggestion?: SuggestionInfo,
  ids?: RevisionIds,
): ParagraphChild[] {
  const props = {
    bold: format.bold,
    italics: format.italic,
    underline: format.underline || link ? {} : undefined,
    strike: format.strikethrough,
    subScript: format.subscript,
    superScript: format.superscript,
    font: format.code ? 'Consolas' : undefined,
    style: link ? 'Hyperlink' : undefined,
  };
  if (suggestion && ids) {
    // One Word revision per run, each with the suggestion's author and time.
    const change = { id: ids.take(), author: suggestion.author, date: suggestion.date };
    return suggestion.kind === 'insert'
      ? [new InsertedTextRun({ ...props, ...change, text })]
      : [new DeletedTextRun({ ...props, ...change, text })];
  }
  // Word wants tabs as <w:tab/>, not as a character inside the text.
  return text.split('\t').flatMap((part, i) => {
    const runs: TextRun[] = [];
    if (i > 0) runs.push(new TextRun({ ...props, children: [new Tab()] }));
    if (part !== '') runs.push(new TextRun({ ...props, text: part }));
    return runs;
  });
}

function runs(
  inlines: Inline[],
  ids: RevisionIds | undefined,
  link = false,
  comments: WordComments | null = null,
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.push(...textRun(inline.text, inline.format, link, inline.suggestion, ids));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link': {
        const url = allowedLinkUrl(inline.url);
        // A hyperlink holds plain runs only; tracked text inside a link is written next to it.
        const tracked =
          ids !== undefined &&
          inline.children.some((c) => (c.type === 'text' || c.type === 'break') && c.suggestion);
        if (url && !link && !tracked)
          out.push(
            new ExternalHyperlink({ link: url, children: runs(inline.children, ids, true, comments) }),
          );
        else out.push(...runs(inline.children, ids, link, comments));
        break;
      }
      case 'claim': {
        // A thread's range opens before the first of its marks and closes after the last.
        const opening = comments?.open(inline.ids) ?? [];
        const closing = comments?.close(inline.ids) ?? [];
        out.push(...opening.map((id) => new CommentRangeStart(id)));
        out.push(...runs(inline.children, ids, link, comments));
        out.push(...closing.map((id) => new CommentRangeEnd(id)));
        out.push(...closing.map((id) => new TextRun({ children: [new CommentReference(id)] })));
        break;
      }
    }
  }
  return out;
}

function listParagraphs(
  list: ListBlock,
  numbering: ListNumbering,
  level: number,
  comments: WordComments | null,
): Paragraph[] {
  const reference = numbering.reference(list);
  const instance = numbering.instance();
  const paragraphs: Paragraph[] = [];
  for (const item of list.items) {
    paragraphs.push(
      new Paragraph({
        children: runs(item.content, numbering.ids, false, comments),
        numbering: { reference, level: Math.min(level, MAX_LEVEL), instance },
      }),
    );
    for (const nested of item.lists)
      paragraphs.push(...listParagraphs(nested, numbering, level + 1, comments));
  }
  return paragraphs;
}

function blockParagraphs(block: Block, numbering: ListNumbering, comments: WordComments | null): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: runs(block.content, numbering.ids, false, comments),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.content, numbering.ids, false, comments) })];
    case 'quote':
      return [
        new Paragraph({
          style: DOCX_STYLE_IDS.quote,
          children: runs(block.content, numbering.ids, false, comments),
        }),
      ];
    case 'list':
      return listParagraphs(block, numbering, 0, comments);
  }
}

export async function exportDocx(
  meta: ArticleMeta,
  body: ArticleBody,
  options: DocxOptions = {},
): Promise<Buffer> {
  const numbering = new ListNumbering();
  numbering.ids = options.trackedChanges ? new RevisionIds() : undefined;
  const children: Paragraph[] = [];
  const metaParagraph = (style: string, text: string) => {
    if (text.trim() !== '') children.push(new Paragraph({ style, children: [new TextRun(text)] }));
  };
  const blocks = bodyToBlocks(body);
  const comments = options.threads ? wordComments(blocks, options.threads, meta.language) : null;
  metaParagraph(DOCX_STYLE_IDS.kicker, meta.kicker);
  // Threads whose words are gone from the text hang on the headline, with the quote they kept.
  const onTitle = comments?.unanchored() ?? [];
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [
        ...onTitle.map((id) => new CommentRangeStart(id)),
        new TextRun(meta.headline),
        ...onTitle.map((id) => new CommentRangeEnd(id)),
        ...onTitle.map((id) => new TextRun({ children: [new CommentReference(id)] })),
      ],
    }),
  );
  metaParagraph(DOCX_STYLE_IDS.lead, meta.lead);
  metaParagraph(DOCX_STYLE_IDS.byline, meta.byline);
  metaParagraph(DOCX_STYLE_IDS.dateline, meta.dateline);
  const bodyBlocks = comments ? blocks : withoutClaimMarks(blocks);
  for (const block of bodyBlocks) children.push(...blockParagraphs(block, numbering, comments));
  for (const block of correctionBlocks(options.corrections ?? [], meta.language))
    children.push(...blockParagraphs(block, numbering, null));

  const document = new Document({
    title: meta.headline,
    description: meta.lead,
    creator: options.creator ?? meta.author,
    styles: {
      default: {
        document: { run: { font: 'Georgia', size: 22, language: { value: LANGUAGE_TAG[meta.language] } } },
        title: { run: { size: 48, bold: true } },
        heading2: { run: { size: 30, bold: true } },
        heading3: { run: { size: 26, bold: true } },
      },
      paragraphStyles: paragraphStyles(),
    },
    numbering: { config: numbering.config() },
    ...(comments ? { comments: { children: comments.definitions() as ICommentOptions[] } } : {}),
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
