import { useEffect, useRef, useState } from 'react';
import { useLatestRef } from '../app/latestRef';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  COPY_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import { authorColourSlot } from '../../../shared/article/suggestedChanges';
import { typographyForInput } from '../../../shared/typography/typing';
import { useApp } from '../app/AppContext';
import { useStatusItem } from '../app/status';
import { deskUserName } from '../desk/deskClient';
import { $adoptDomSelection } from '../editor/liveSelection';
import { INSERT_PLAIN_TEXT_COMMAND } from '../editor/commands';
import { $isSuggestedChangeNode } from '../editor/nodes/SuggestedChangeNode';
import { RESOLVE_SUGGESTIONS_COMMAND, SHOW_SUGGESTION_COMMAND, type SuggestionTarget } from './commands';
import {
  $resolveSuggestions,
  $selectSuggestion,
  $suggestDeleteCharacter,
  $suggestDeleteSelection,
  $suggestInsertText,
  $suggestionIdsAtSelection,
  $suggestionOf,
  newSuggestionId,
  type SuggestActor,
} from './suggestOps';
import '../styles/suggest.css';

function actor(fallbackName: string): SuggestActor {
  return {
    author: (deskUserName() || fallbackName).slice(0, 120),
    now: () => new Date().toISOString(),
    newId: newSuggestionId,
  };
}

/** The text the typography rules would turn `data` into at the caret (quotes, dashes, no-break spaces). */
function $typedText(data: string, language: ArticleLanguage): string {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return data;
  const node = selection.anchor.getNode();
  const before = $isTextNode(node) ? node.getTextContent().slice(0, selection.anchor.offset) : '';
  const edit = typographyForInput(before, data, language);
  // A rule that rewrites text before the caret (two hyphens to a dash) would edit outside the suggestion.
  return edit && edit.remove === 0 ? edit.insert : data;
}

function $resolve(target: SuggestionTarget, accept: boolean): number {
  const ids =
    target === 'all' ? null : new Set(target === 'selection' ? $suggestionIdsAtSelection() : target.ids);
  if (ids && ids.size === 0) return 0;
  return $resolveSuggestions(ids, accept);
}

interface Anchor {
  id: string;
  kind: 'insert' | 'delete';
  author: string;
  date: string;
  left: number;
  top: number;
}

/**
 * Suggest mode (track changes): while on, typing, deleting, cutting and pasting in the body go
 * through the suggestion operations instead of Lexical's own, so every change carries its author
 * and time. Formatting and paragraph changes stay plain edits. Accept/reject work in either mode.
 */
export function SuggestPlugin({ language, readOnly }: { language: ArticleLanguage; readOnly: boolean }) {
  const { t, i18n } = useTranslation('suggest');
  const { settings, updateSettings } = useApp();
  const [editor] = useLexicalComposerContext();
  const [message, setMessage] = useState<string | null>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const on = settings.suggestMode && !readOnly;
  const state = useLatestRef({ on, language, userName: settings.userName });

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);
  useStatusItem('suggest-mode', on ? <span className="suggest-mode-status">{t('mode.on')}</span> : null, 55);
  useStatusItem('suggest-message', message ? <span role="status">{message}</span> : null, 56);

  useEffect(() => {
    const active = () => state.current.on && editor.isEditable();
    const who = () => actor(state.current.userName);
    const $byModify = (isBackward: boolean, unit: 'word' | 'lineboundary') => {
      if (!active()) return false;
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return false;
      if (selection.isCollapsed()) selection.modify('extend', isBackward, unit);
      $suggestDeleteSelection(selection, who(), isBackward ? 'start' : 'end');
      return true;
    };
    const toggle = () => {
      const next = !state.current.on;
      void updateSettings({ suggestMode: next }).then(() =>
        setMessage(t(next ? 'mode.turnedOn' : 'mode.turnedOff')),
      );
    };
    const resolve = (target: SuggestionTarget, accept: boolean) => {
      if (!editor.isEditable()) return true;
      let count = 0;
      editor.update(() => {
        count = $resolve(target, accept);
      });
      setMessage(
        count === 0 && target === 'selection' ? t('review.noneInSelection') : t('review.resolved', { count }),
      );
      return true;
    };

    return mergeRegister(
      editor.registerCommand(
        BEFORE_INPUT_COMMAND,
        (event: InputEvent) => {
          if (!active() || editor.isComposing()) return false;
          if (
            (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') &&
            event.data
          ) {
            event.preventDefault();
            return $suggestInsertText($typedText(event.data, state.current.language), who());
          }
          if (
            event.inputType.startsWith('delete') &&
            event.inputType !== 'deleteByCut' &&
            event.inputType !== 'deleteByDrag'
          ) {
            event.preventDefault();
            const backward = event.inputType.endsWith('Backward');
            if (event.inputType.includes('Word')) return $byModify(backward, 'word');
            if (event.inputType.includes('Line')) return $byModify(backward, 'lineboundary');
            return $suggestDeleteCharacter(backward, who());
          }
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_CHARACTER_COMMAND,
        (isBackward) => active() && $suggestDeleteCharacter(isBackward, who()),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_WORD_COMMAND,
        (isBackward) => $byModify(isBackward, 'word'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_LINE_COMMAND,
        (isBackward) => $byModify(isBackward, 'lineboundary'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        REMOVE_TEXT_COMMAND,
        () => {
          if (!active()) return false;
          const selection = $getSelection();
          if ($isRangeSelection(selection)) $suggestDeleteSelection(selection, who(), 'end');
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CUT_COMMAND,
        (event) => {
          if (!active()) return false;
          editor.dispatchCommand(COPY_COMMAND, event);
          const selection = $getSelection();
          if ($isRangeSelection(selection)) $suggestDeleteSelection(selection, who(), 'end');
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!active()) return false;
          const data = 'clipboardData' in event ? event.clipboardData : null;
          const text = data?.getData('text/plain') ?? '';
          event.preventDefault();
          // Suggested text is inline: pasted lines are joined, structure is left to plain edits.
          const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
          if (line !== '') $suggestInsertText(line, who());
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        INSERT_PLAIN_TEXT_COMMAND,
        (text) => {
          if (!active()) return false;
          const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
          if (line !== '') $suggestInsertText(line, who());
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          if (!active()) return false;
          // A drag would move text without a trace; in suggest mode text is moved by cut and paste.
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        RESOLVE_SUGGESTIONS_COMMAND,
        ({ target, accept }) => resolve(target, accept),
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        SHOW_SUGGESTION_COMMAND,
        (id) => {
          let key: string | null = null;
          editor.update(
            () => {
              key = $selectSuggestion(id);
            },
            {
              onUpdate: () =>
                key && editor.getElementByKey(key)?.scrollIntoView({ block: 'center', behavior: 'auto' }),
            },
          );
          editor.focus();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = event.ctrlKey || event.metaKey;
          if (!mod) return false;
          if (event.shiftKey && !event.altKey && event.code === 'KeyE') {
            event.preventDefault();
            toggle();
            return true;
          }
          if (event.altKey && !event.shiftKey && (event.code === 'KeyY' || event.code === 'KeyX')) {
            event.preventDefault();
            $adoptDomSelection(editor);
            return resolve('selection', event.code === 'KeyY');
          }
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerRootListener((element) => setRoot(element)),
    );
  }, [editor, updateSettings, t, state]);

  // Inside the editor's landmark, so the control is part of the page structure screen readers list.
  const host = root?.closest('main, [role="main"], section, aside') ?? document.body;
  return root
    ? createPortal(<SuggestionControl editor={editor} root={root} language={i18n.language} />, host)
    : null;
}

// Made when a suggestion's byline is first shown: the first Intl.DateTimeFormat loads the locale's
// data (tens of milliseconds), which every editor mount paid before, during a cold start too.
const bylineFormats = new Map<string, Intl.DateTimeFormat>();
function byline(language: string, iso: string): string {
  let format = bylineFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    bylineFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

function anchorFor(editor: LexicalEditor, key: string): Anchor | null {
  const el = editor.getElementByKey(key);
  const info = editor.getEditorState().read(() => {
    const node = $getNodeByKey(key);
    return $isSuggestedChangeNode(node) ? node.getInfo() : null;
  });
  if (!el || !info) return null;
  const rect = el.getBoundingClientRect();
  return { ...info, left: rect.left, top: rect.bottom + 4 };
}

/**
 * Accept and Reject next to the suggestion under the caret (or the pointer): who made it and
 * when. Keyboard users reach the same through Ctrl+Alt+Y / Ctrl+Alt+X and the review list.
 */
function SuggestionControl({
  editor,
  root,
  language,
}: {
  editor: LexicalEditor;
  root: HTMLElement;
  language: string;
}) {
  const { t } = useTranslation('suggest');
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const hovering = useRef(false);

  useEffect(() => {
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const fromCaret = () => {
      if (hovering.current) return;
      const key = editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
        return $suggestionOf(selection.anchor.getNode())?.getKey() ?? null;
      });
      setAnchor(key && editor.isEditable() ? anchorFor(editor, key) : null);
    };
    const over = (event: MouseEvent) => {
      const el = (event.target as HTMLElement).closest?.('.ed-suggestion') as HTMLElement | null;
      if (!el || !root.contains(el) || !editor.isEditable()) return;
      clearTimeout(hideTimer);
      const key = editor.getEditorState().read(() => {
        const node = $getNearestNodeFromDOMNode(el);
        return $isSuggestedChangeNode(node) ? node.getKey() : null;
      });
      if (!key) return;
      hovering.current = true;
      setAnchor(anchorFor(editor, key));
    };
    const out = (event: MouseEvent) => {
      const to = event.relatedTarget as HTMLElement | null;
      if (to?.closest?.('.suggestion-control') || to?.closest?.('.ed-suggestion')) return;
      hideTimer = setTimeout(() => {
        hovering.current = false;
        fromCaret();
      }, 250);
    };
    root.addEventListener('mouseover', over);
    root.addEventListener('mouseout', out);
    return mergeRegister(editor.registerUpdateListener(fromCaret), () => {
      clearTimeout(hideTimer);
      root.removeEventListener('mouseover', over);
      root.removeEventListener('mouseout', out);
    });
  }, [editor, root]);

  if (!anchor) return null;
  const kind = t(`kind.${anchor.kind}`);
  const resolve = (accept: boolean) => {
    editor.dispatchCommand(RESOLVE_SUGGESTIONS_COMMAND, { target: { ids: [anchor.id] }, accept });
    hovering.current = false;
    setAnchor(null);
  };
  return (
    <div
      role="group"
      aria-label={t('inline.label', { kind, author: anchor.author })}
      className="suggestion-control"
      style={{ left: anchor.left, top: anchor.top }}
      onMouseLeave={() => {
        hovering.current = false;
      }}
    >
      <span className={`suggestion-who ed-author-${authorColourSlot(anchor.author)}`}>
        {kind} ·{' '}
        {t('byline', { author: anchor.author, date: anchor.date ? byline(language, anchor.date) : '' })}
      </span>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => resolve(true)}>
        {t('inline.accept')}
      </button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => resolve(false)}>
        {t('inline.reject')}
      </button>
    </div>
  );
}
