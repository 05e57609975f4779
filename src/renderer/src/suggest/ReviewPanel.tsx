import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorColourSlot } from '../../../shared/article/suggestedChanges';
import { useArticleEditor } from '../editor/EditorContext';
import { DiffText } from '../editor/revisions/DiffText';
import { wordDiff, type DiffPart } from '../editor/revisions/wordDiff';
import {
  RESOLVE_SUGGESTIONS_COMMAND,
  SHOW_SUGGESTION_COMMAND,
  SUGGEST_SHORTCUTS,
  type SuggestionTarget,
} from './commands';
import { $reviewItems, type ReviewItem } from './suggestOps';

/** Words of unchanged text kept on each side of a change, so a long paragraph shows only its change. */
const CONTEXT_WORDS = 6;

/** Shortens unchanged stretches to a few words around each change. */
export function trimContext(parts: DiffPart[], words = CONTEXT_WORDS): DiffPart[] {
  return parts.map((part, i) => {
    if (part.kind !== 'same') return part;
    const tokens = part.text.split(/(\s+)/);
    const keep = words * 2;
    if (tokens.length <= keep * 2 + 1) return part;
    const first = i === 0;
    const last = i === parts.length - 1;
    if (first) return { ...part, text: `… ${tokens.slice(-keep).join('')}` };
    if (last) return { ...part, text: `${tokens.slice(0, keep).join('')} …` };
    return { ...part, text: `${tokens.slice(0, keep).join('')} … ${tokens.slice(-keep).join('')}` };
  });
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The review list: every pending suggestion of the open article with who made it, when, and a
 * word-level diff of its paragraph (the revisions panel's diff); accept or reject one, those in
 * the editor's selection, or all. Reads the live editor, so it follows typing and the desk.
 */
export function ReviewPanel() {
  const { t, i18n } = useTranslation('suggest');
  const active = useArticleEditor();
  const editor = active?.editor ?? null;
  const [items, setItems] = useState<ReviewItem[]>([]);
  const date = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );

  useEffect(() => {
    if (!editor) {
      setItems([]);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => setItems(editor.getEditorState().read($reviewItems));
    read();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(read, 250);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor]);

  if (!editor) return <p className="muted review-panel">{t('review.noArticle')}</p>;
  const resolve = (target: SuggestionTarget, accept: boolean) => {
    editor.dispatchCommand(RESOLVE_SUGGESTIONS_COMMAND, { target, accept });
    setItems(editor.getEditorState().read($reviewItems));
  };

  return (
    <section className="review-panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <p className="muted">
        {items.length === 0 ? t('review.empty') : t('review.count', { count: items.length })}
      </p>
      <div className="review-actions">
        <button type="button" disabled={items.length === 0} onClick={() => resolve('all', true)}>
          {t('review.acceptAll')}
        </button>
        <button type="button" disabled={items.length === 0} onClick={() => resolve('all', false)}>
          {t('review.rejectAll')}
        </button>
        <button
          type="button"
          disabled={items.length === 0}
          aria-keyshortcuts="Control+Alt+Y"
          title={SUGGEST_SHORTCUTS.accept}
          onClick={() => resolve('selection', true)}
        >
          {t('review.acceptSelection')}
        </button>
        <button
          type="button"
          disabled={items.length === 0}
          aria-keyshortcuts="Control+Alt+X"
          title={SUGGEST_SHORTCUTS.reject}
          onClick={() => resolve('selection', false)}
        >
          {t('review.rejectSelection')}
        </button>
      </div>
      {items.length > 0 && (
        <ul className="review-list" aria-label={t('review.list')}>
          {items.map((item) => {
            const kind = t(`kind.${item.kind}`);
            const diff = wordDiff(item.before, item.after);
            const names = { kind, text: short(item.text), author: item.author };
            return (
              <li key={item.id} className={`review-item ed-author-${authorColourSlot(item.author)}`}>
                <h3>
                  {kind} ·{' '}
                  {t('byline', {
                    author: item.author,
                    date: item.date ? date.format(new Date(item.date)) : '',
                  })}
                </h3>
                {diff ? (
                  <DiffText
                    parts={trimContext(diff.parts)}
                    added={t('review.added')}
                    removed={t('review.removed')}
                  />
                ) : (
                  <p className="muted">{t('review.tooDifferent')}</p>
                )}
                <div className="review-actions">
                  <button
                    type="button"
                    aria-label={t('review.acceptOne', names)}
                    onClick={() => resolve({ ids: [item.id] }, true)}
                  >
                    {t('review.accept')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('review.rejectOne', names)}
                    onClick={() => resolve({ ids: [item.id] }, false)}
                  >
                    {t('review.reject')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('review.showOne', names)}
                    onClick={() => editor.dispatchCommand(SHOW_SUGGESTION_COMMAND, item.id)}
                  >
                    {t('review.show')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted">{t('review.shortcuts')}</p>
    </section>
  );
}
