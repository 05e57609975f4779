import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectCandidate } from '../../../shared/contract/detect';
import type { Suggestion } from '../../../shared/detect';
import { useApp } from '../app/AppContext';
import { useArticleEditor } from '../editor/EditorContext';
import { acceptSuggestion, linkProposedFact, revealSuggestion } from './accept';
import {
  dismissSuggestion,
  forgetAccepted,
  restoreSuggestion,
  setActiveSuggestion,
  suggestionId,
  useDetectState,
  type AcceptedSuggestion,
} from './detectStore';
import '../styles/detect.css';

const shorten = (text: string, max = 90) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};

function formatValue(s: Suggestion, locale: string): string | null {
  if (s.value === undefined) return null;
  try {
    const digits = Number.isInteger(s.value) ? 0 : 2;
    if (s.currency)
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: s.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(s.value);
  } catch {
    // An unknown currency code still shows its number.
  }
  return `${new Intl.NumberFormat(locale).format(s.value)}${s.currency ? ` ${s.currency}` : ''}`;
}

/** "der 24-Jährige → Malte Ruschke (resolved)": how the speaker was found, so a checker can correct it. */
function speakerText(s: Suggestion, t: (key: string, options?: Record<string, unknown>) => string): string {
  const name = s.speaker ?? '';
  const how =
    s.speakerKind && s.speakerKind !== 'name'
      ? t(`speakerKind.${s.speakerKind}`)
      : s.speakerId
        ? t('speakerKind.known')
        : null;
  const shown = s.speakerVia ? t('speakerVia', { via: s.speakerVia, name }) : name;
  return how ? `${shown} (${how})` : shown;
}

function SuggestionFacts({ s, locale }: { s: Suggestion; locale: string }) {
  const { t } = useTranslation('detect');
  let value = s.kind === 'amount' ? formatValue(s, locale) : null;
  if (value && s.min !== undefined && s.max !== undefined && s.min !== s.max) {
    value = t('range', {
      min: formatValue({ ...s, value: s.min }, locale),
      max: formatValue({ ...s, value: s.max }, locale),
    });
  } else if (value && s.max !== undefined && s.min === undefined)
    value = t('atMost', { value: formatValue({ ...s, value: s.max }, locale) });
  else if (value && s.min !== undefined && s.max === undefined)
    value = t('atLeast', { value: formatValue({ ...s, value: s.min }, locale) });
  const rows: [string, string, string?][] = [];
  if (s.speaker) rows.push([t('field.speaker'), speakerText(s, t), 'suggestion-speaker']);
  if (value) rows.push([t('field.amount'), value]);
  if (s.payer || s.payee) {
    // "der Klub (= FC Wendeburg)": how a generic party was resolved, so a checker can correct it.
    const party = (written: string | undefined, resolved: string | undefined) =>
      written === undefined
        ? '?'
        : resolved !== undefined
          ? t('partyResolved', { via: written, name: resolved })
          : written;
    rows.push([
      t('field.parties'),
      `${party(s.payer, s.payerResolved)} → ${party(s.payee, s.payeeResolved)}`,
    ]);
  }
  if (s.hedge) rows.push([t('field.hedge'), s.hedge, 'suggestion-hedge']);
  if (s.source) rows.push([t('field.source'), s.source, 'suggestion-source']);
  if (rows.length === 0) return null;
  return (
    <dl className="suggestion-meta">
      {rows.map(([term, detail, className]) => (
        <div key={term} className={className}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function CandidateRow({ entry, c }: { entry: AcceptedSuggestion; c: DetectCandidate }) {
  const { t } = useTranslation('detect');
  const [busy, setBusy] = useState(false);
  const linked = entry.linked.some((r) => r.type === c.ref.type && r.id === c.ref.id);
  const reasons = c.reasons.map((r) => t(`reason.${r}`)).join(', ');
  return (
    <li className="suggestion-fact">
      <span>
        <span className="suggestion-fact-text">
          {t(`factType.${c.ref.type}`)}: {shorten(c.label, 120)}
        </span>
        <span className="suggestion-fact-detail">
          {[c.detail, reasons && t('accepted.because', { reasons })].filter(Boolean).join(' · ')}
        </span>
      </span>
      {linked ? (
        <span className="suggestion-linked" role="status">
          {t('accepted.linked')}
        </span>
      ) : (
        <button
          type="button"
          disabled={busy}
          aria-label={t('accepted.link', { fact: shorten(c.label, 60) })}
          onClick={async () => {
            setBusy(true);
            await linkProposedFact(entry.claimId, c.ref);
            setBusy(false);
          }}
        >
          {t('accepted.linkShort')}
        </button>
      )}
    </li>
  );
}

function AcceptedEntry({ entry }: { entry: AcceptedSuggestion }) {
  const { t } = useTranslation('detect');
  const text = shorten(entry.suggestion.text, 60);
  return (
    <li className="suggestion-accepted">
      <p>{t('accepted.claim', { text })}</p>
      {entry.error && (
        <p role="alert" className="error">
          {entry.error}
        </p>
      )}
      {entry.candidates === null ? (
        <p className="muted">{t('accepted.loading')}</p>
      ) : entry.candidates.length === 0 ? (
        <p className="muted">{t('accepted.none')}</p>
      ) : (
        <ul className="suggestion-facts" aria-label={t('accepted.facts', { text })}>
          {entry.candidates.map((c) => (
            <CandidateRow key={`${c.ref.type}:${c.ref.id}`} entry={entry} c={c} />
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => forgetAccepted(entry.claimId)}
        aria-label={t('accepted.close', { text })}
      >
        {t('accepted.closeShort')}
      </button>
    </li>
  );
}

/**
 * The "Suggestions" section of the claims panel: what detection found in the open article, with
 * accept (becomes a claim through the claims feature, then proposes facts to link) and dismiss
 * (hidden for this article). Arrow keys move between suggestions; every control is a button.
 */
export function SuggestionsSection() {
  const { t, i18n } = useTranslation('detect');
  const { currentArticleId } = useApp();
  const active = useArticleEditor();
  const state = useDetectState();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // After accept or dismiss the item leaves the list; keep the keyboard where it was.
  useEffect(() => {
    const index = focusAfter.current;
    if (index === null) return;
    focusAfter.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-suggestion-main]');
    if (buttons && buttons.length > 0) buttons[Math.min(index, buttons.length - 1)].focus();
    else headingRef.current?.focus();
  }, [state.visible]);

  if (
    !currentArticleId ||
    !active ||
    active.articleId !== currentArticleId ||
    state.articleId !== currentArticleId
  )
    return null;
  const editor = active.editor;
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';

  const accept = (s: Suggestion, index: number) => {
    setError(null);
    const outcome = acceptSuggestion(editor, s);
    if (outcome.ok) {
      focusAfter.current = index;
      setMessage(t('accepted.created', { text: shorten(s.text, 60) }));
    } else {
      setError(t(outcome.reason === 'stale' ? 'error.stale' : 'error.notMarked'));
    }
  };
  const dismiss = async (s: Suggestion, index: number) => {
    setError(null);
    focusAfter.current = index;
    const problem = await dismissSuggestion(s);
    if (problem) setError(t('error.dismiss', { message: problem }));
    else setMessage(t('dismissed.done', { text: shorten(s.text, 60) }));
  };
  const show = (s: Suggestion) => {
    setActiveSuggestion(suggestionId(s));
    revealSuggestion(editor, s);
  };
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-suggestion-main]') ?? []),
    ];
    const at = buttons.findIndex(
      (b) => b.contains(document.activeElement) || b.closest('li')?.contains(document.activeElement),
    );
    const next = buttons[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('title')}
        {state.ready && (
          <span className="suggestions-count">{t('count', { count: state.visible.length })}</span>
        )}
      </h3>
      <p className="sr-only" role="status">
        {message}
      </p>
      {(error || state.error) && (
        <p role="alert" className="error">
          {error ?? state.error}
        </p>
      )}
      {state.accepted.length > 0 && (
        <ul className="suggestion-list" aria-label={t('accepted.title')}>
          {state.accepted.map((entry) => (
            <AcceptedEntry key={entry.claimId} entry={entry} />
          ))}
        </ul>
      )}
      {!state.ready ? (
        <p className="muted">{t('running')}</p>
      ) : state.visible.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="suggestion-list" aria-label={t('list')} ref={listRef} onKeyDown={onListKey}>
          {state.visible.map((s, index) => {
            const id = suggestionId(s);
            // One wording for the visible text and every name, so each name contains what is seen.
            const text = shorten(s.text, 160);
            return (
              <li key={id} className="suggestion" aria-current={state.activeId === id ? 'true' : undefined}>
                <button
                  type="button"
                  className="suggestion-text-button"
                  data-suggestion-main=""
                  aria-label={t('show', { kind: t(`kind.${s.kind}`), text })}
                  onClick={() => show(s)}
                  onFocus={() => setActiveSuggestion(id)}
                >
                  <span className={`suggestion-kind suggestion-kind-${s.kind}`}>{t(`kind.${s.kind}`)}</span>{' '}
                  <span>{text}</span>
                </button>
                <SuggestionFacts s={s} locale={locale} />
                <div className="suggestion-actions">
                  <button type="button" aria-label={t('accept', { text })} onClick={() => accept(s, index)}>
                    {t('acceptShort')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('dismiss', { text })}
                    onClick={() => void dismiss(s, index)}
                  >
                    {t('dismissShort')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {state.dismissed.length > 0 && (
        <details>
          <summary>{t('dismissed.title', { count: state.dismissed.length })}</summary>
          <ul className="suggestion-dismissed" aria-label={t('dismissed.list')}>
            {state.dismissed.map((d) => (
              <li key={`${d.kind}:${d.key}`}>
                <span className={`suggestion-kind suggestion-kind-${d.kind}`}>{t(`kind.${d.kind}`)}</span>
                {shorten(d.text, 80)}{' '}
                <button
                  type="button"
                  aria-label={t('dismissed.restore', { text: shorten(d.text, 60) })}
                  onClick={async () => {
                    const problem = await restoreSuggestion(d);
                    if (problem) setError(t('error.restore', { message: problem }));
                  }}
                >
                  {t('dismissed.restoreShort')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
