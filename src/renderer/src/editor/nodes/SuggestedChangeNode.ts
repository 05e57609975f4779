import {
  $applyNodeReplacement,
  ElementNode,
  type BaseSelection,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import {
  SUGGESTED_CHANGE_TYPE,
  authorColourSlot,
  type SuggestionInfo,
  type SuggestionKind,
} from '../../../../shared/article/suggestedChanges';

export type SerializedSuggestedChangeNode = Spread<
  { kind: SuggestionKind; suggestionId: string; author: string; date: string },
  SerializedElementNode
>;

/**
 * Text someone suggested inserting or deleting (track changes), with who and when. An inline
 * element around text nodes, like a claim mark: claim marks and links may sit inside or around
 * it. One suggestion may span several nodes (a deletion across paragraphs); they share the id.
 * Rendered as <ins>/<del> so the meaning reaches screen readers, coloured per author.
 */
export class SuggestedChangeNode extends ElementNode {
  __kind: SuggestionKind;
  __suggestionId: string;
  __author: string;
  __date: string;

  static override getType(): string {
    return SUGGESTED_CHANGE_TYPE;
  }

  static override clone(node: SuggestedChangeNode): SuggestedChangeNode {
    return new SuggestedChangeNode(node.__kind, node.__suggestionId, node.__author, node.__date, node.__key);
  }

  constructor(kind: SuggestionKind = 'insert', suggestionId = '', author = '', date = '', key?: NodeKey) {
    super(key);
    this.__kind = kind;
    this.__suggestionId = suggestionId;
    this.__author = author;
    this.__date = date;
  }

  static override importJSON(json: SerializedSuggestedChangeNode): SuggestedChangeNode {
    return $createSuggestedChangeNode({ kind: 'insert', id: '', author: '', date: '' }).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedSuggestedChangeNode>): this {
    const self = super.updateFromJSON(json).getWritable();
    self.__kind = json.kind === 'delete' ? 'delete' : 'insert';
    self.__suggestionId = typeof json.suggestionId === 'string' ? json.suggestionId : '';
    self.__author = typeof json.author === 'string' ? json.author : '';
    self.__date = typeof json.date === 'string' ? json.date : '';
    return self;
  }

  override exportJSON(): SerializedSuggestedChangeNode {
    const self = this.getLatest();
    return {
      ...super.exportJSON(),
      kind: self.__kind,
      suggestionId: self.__suggestionId,
      author: self.__author,
      date: self.__date,
    };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const el = document.createElement(this.__kind === 'insert' ? 'ins' : 'del');
    this.paint(el);
    return el;
  }

  override updateDOM(prev: SuggestedChangeNode, el: HTMLElement): boolean {
    // A change of kind needs the other tag; the rest is attributes.
    if (prev.__kind !== this.__kind) return true;
    this.paint(el);
    return false;
  }

  private paint(el: HTMLElement): void {
    el.className = `ed-suggestion ed-suggestion-${this.__kind} ed-author-${authorColourSlot(this.__author)}`;
    el.dataset.suggestionId = this.__suggestionId;
    el.dataset.author = this.__author;
    el.dataset.date = this.__date;
  }

  getInfo(): SuggestionInfo {
    const self = this.getLatest();
    return { id: self.__suggestionId, kind: self.__kind, author: self.__author, date: self.__date };
  }

  getKind(): SuggestionKind {
    return this.getLatest().__kind;
  }

  getSuggestionId(): string {
    return this.getLatest().__suggestionId;
  }

  getAuthor(): string {
    return this.getLatest().__author;
  }

  /** Enter inside a suggestion splits it: the part in the new block is the same suggestion. */
  override insertNewAfter(_selection: BaseSelection, restoreSelection = true): null | LexicalNode {
    const next = $createSuggestedChangeNode(this.getInfo());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  // Typing at either edge in normal mode goes outside; suggest mode places its text itself.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }
}

export function $createSuggestedChangeNode(info: SuggestionInfo): SuggestedChangeNode {
  return $applyNodeReplacement(new SuggestedChangeNode(info.kind, info.id, info.author, info.date));
}

export function $isSuggestedChangeNode(node: LexicalNode | null | undefined): node is SuggestedChangeNode {
  return node instanceof SuggestedChangeNode;
}
