import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $getRoot } from 'lexical';
import { api } from '../bridge';
import type { ArticleDocument, Revision, RevisionSummary } from '../../../shared/contract/articles';
import type { ArticleMeta } from '../../../shared/domain/articles';
import { getArticleEditor } from './EditorContext';
import { articleText, wordDiff, type WordDiff } from './revisions/wordDiff';
import { bodyText } from './revisions/revisionText';
import { DiffText } from './revisions/DiffText';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import { errorSentence } from '../errors/errorSentence';

interface Props {
  session: ArticleSession;
  /** Bumped whenever a revision may have been added (named save, status change, restore). */
  refreshKey: number;
  onRestored(doc: ArticleDocument): void;
  onClose(): void;
  /** False for a desk viewer: the desk would refuse the restored text. */
  canRestore?: boolean;
}

function currentText(meta: ArticleMeta, articleId: string): string {
  const active = getArticleEditor();
  const body =
    active && active.articleId === articleId
      ? active.editor.getEditorState().read(() => $getRoot().getTextContent())
      : '';
  return articleText(meta, body);
}

/**
 * Lists an article's revisions; selecting one shows what changed from it to the current text,
 * word by word. Restoring makes its text current as a new revision, so nothing is lost.
 */
export function RevisionsPanel({ session, refreshKey, onRestored, onClose, canRestore = true }: Props) {
  const { t, i18n } = useTranslation('editor');
  const { t: tl } = useTranslation('library');
  const [list, setList] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<Revision | null>(null);
  const [diff, setDiff] = useState<WordDiff | null | 'too-different'>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const date = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );

  const load = useCallback(async () => {
    const r = await api.revisions.list({ articleId: session.id });
    if (r.ok) setList(r.value);
    else setMessage({ text: t('revisions.loadFailed', { message: errorSentence(r.error) }), error: true });
  }, [session.id, t]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const label = (r: RevisionSummary): string => {
    if (r.kind === 'named') return r.name;
    if (r.kind === 'status')
      return t('revisions.kind.status', { status: tl(`status.${r.name}`, { defaultValue: r.name }) });
    if (r.kind === 'restore') {
      const source = list?.find((x) => String(x.id) === r.name);
      return source
        ? t('revisions.kind.restore', { date: date.format(new Date(source.createdAt)) })
        : t('revisions.kind.restoreUnknown');
    }
    return t('revisions.kind.auto');
  };

  const select = async (summary: RevisionSummary) => {
    setMessage(null);
    const r = await api.revisions.get({ id: summary.id });
    if (!r.ok) {
      setMessage({ text: t('revisions.loadFailed', { message: errorSentence(r.error) }), error: true });
      return;
    }
    setSelected(r.value);
    const older = articleText(r.value.meta, bodyText(r.value.body));
    const result = wordDiff(older, currentText(session.meta, session.id));
    setDiff(result ?? 'too-different');
  };

  const restore = async () => {
    if (!selected) return;
    setBusy(true);
    setMessage(null);
    await session.flush();
    const r = await api.revisions.restore({ id: selected.id });
    setBusy(false);
    if (!r.ok) {
      setMessage({ text: errorSentence(r.error), error: true });
      return;
    }
    onRestored(r.value);
    setSelected(null);
    setDiff(null);
    setMessage({ text: t('revisions.restored'), error: false });
    void load();
  };

  return (
    <aside className="revisions-panel" aria-label={t('revisions.title')}>
      <div className="revisions-header">
        <h2>{t('revisions.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('revisions.close')}>
          ×
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      {list !== null && list.length === 0 && <p className="muted">{t('revisions.empty')}</p>}
      {list !== null && list.length > 0 && (
        <ul className="revision-list" aria-label={t('revisions.list')}>
          {list.map((r) => (
            <li key={r.id}>
              <button type="button" aria-pressed={selected?.id === r.id} onClick={() => void select(r)}>
                <span className="revision-label">{label(r)}</span>
                <span className="revision-when">
                  {t('revisions.by', { date: date.format(new Date(r.createdAt)), author: r.author })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <section className="revision-diff" aria-label={t('revisions.diffTitle')}>
          <h3>{t('revisions.diffTitle')}</h3>
          <p className="muted">{t('revisions.diffLegend')}</p>
          {diff === 'too-different' && <p>{t('revisions.tooDifferent')}</p>}
          {diff !== null && diff !== 'too-different' && diff.addedWords + diff.removedWords === 0 && (
            <p>{t('revisions.identical')}</p>
          )}
          {diff !== null && diff !== 'too-different' && (
            <DiffText parts={diff.parts} added={t('revisions.added')} removed={t('revisions.removed')} />
          )}
          {canRestore && (
            <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
              {busy ? t('revisions.restoring') : t('revisions.restore')}
            </button>
          )}
        </section>
      )}
    </aside>
  );
}
