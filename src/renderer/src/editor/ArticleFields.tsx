import { useEffect, useLayoutEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import { useLatestRef } from '../app/latestRef';
import { useTranslation } from 'react-i18next';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import { applyTypingEdit, typographyForInput } from '../../../shared/typography/typing';
import type { ArticleSession } from '../../../shared/autosave/articleSession';

/**
 * Textareas grow with their text by CSS where the engine can (editor.css); measuring
 * `scrollHeight` instead forced a layout of the whole page — the article body included — while
 * the editor mounted (≈ 15–30 ms of a cold start).
 */
const cssSizesFields = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

type FieldName = 'kicker' | 'headline' | 'lead' | 'byline' | 'dateline';

interface FieldProps {
  name: FieldName;
  value: string;
  language: ArticleLanguage;
  multiline: boolean;
  maxLength: number;
  onChange(value: string): void;
  /** Enter moves on instead of breaking the line (headline, kicker, byline). */
  onEnter?(): void;
  autoFocus?: boolean;
  readOnly?: boolean;
}

/** An input or textarea with the same typography rules as the body. */
function TypographyField({
  name,
  value,
  language,
  multiline,
  maxLength,
  onChange,
  onEnter,
  autoFocus,
  readOnly,
}: FieldProps) {
  const { t } = useTranslation('editor');
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const languageRef = useLatestRef(language);
  const changeRef = useLatestRef(onChange);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'insertText' || event.data === null || event.data.length !== 1) return;
      const start = el.selectionStart ?? el.value.length;
      if (start !== el.selectionEnd) return;
      const before = el.value.slice(0, start);
      const edit = typographyForInput(before, event.data, languageRef.current);
      if (edit === null) return;
      event.preventDefault();
      const head = applyTypingEdit(before, event.data, edit);
      caret.current = head.length;
      changeRef.current(head + el.value.slice(start));
    };
    el.addEventListener('beforeinput', onBeforeInput);
    return () => el.removeEventListener('beforeinput', onBeforeInput);
  }, [changeRef, languageRef]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && caret.current !== null) {
      el.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
    if (el && multiline && !cssSizesFields) {
      // Grow with the text so a long headline or lead never scrolls inside its box.
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight}px`;
    }
  }, [value, multiline]);

  const common = {
    ref,
    className: `field field-${name}`,
    'aria-label': t(`fields.${name}`),
    placeholder: t(`placeholders.${name}`),
    value,
    maxLength,
    autoFocus,
    readOnly,
    spellCheck: true,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey && onEnter) {
        e.preventDefault();
        onEnter();
      }
    },
  };
  return multiline ? <textarea rows={1} {...common} /> : <input type="text" {...common} />;
}

const LIMITS: Record<FieldName, number> = {
  kicker: 200,
  headline: 300,
  lead: 2000,
  byline: 200,
  dateline: 200,
};

/**
 * Kicker, headline, lead, byline and dateline above the body. They read and write the
 * session, so they autosave together with the body.
 */
export function ArticleFields({
  session,
  onDone,
  focusHeadline,
  readOnly = false,
}: {
  session: ArticleSession;
  onDone(): void;
  focusHeadline: boolean;
  readOnly?: boolean;
}) {
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  // useSyncExternalStore subscribes in a passive effect, which a loaded machine runs well after the
  // commit that autofocused the headline: a key typed in between changed the session but
  // re-rendered nothing, React put the field's old value back, and the next key overwrote the
  // first (issue 12, "okal geht es weiter"). Re-rendering from the change handler itself reads the
  // new value whether or not the subscription is in place yet; once it is, both land in one render.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const field = (name: FieldName, multiline: boolean, next?: () => void, autoFocus = false) => (
    <TypographyField
      name={name}
      value={meta[name]}
      language={meta.language}
      multiline={multiline}
      maxLength={LIMITS[name]}
      onChange={(value) => {
        session.setMeta({ [name]: value });
        rerender();
      }}
      onEnter={next}
      autoFocus={autoFocus && !readOnly}
      readOnly={readOnly}
    />
  );
  const focus = (name: FieldName) => () => document.querySelector<HTMLElement>(`.field-${name}`)?.focus();
  return (
    <div className="article-fields">
      {field('kicker', false, focus('headline'))}
      {field('headline', true, focus('lead'), focusHeadline)}
      {field('lead', true, onDone)}
      <div className="article-fields-row">
        {field('byline', false, focus('dateline'))}
        {field('dateline', false, onDone)}
      </div>
    </div>
  );
}
