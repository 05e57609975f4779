import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import type { ArticleBody } from '../../../shared/domain/articles';
import { useCommand } from '../app/commands';
import { api } from '../bridge';
import type { DeskBinding } from './DeskEditorPlugins';
import {
  announceShared,
  deskUserName,
  markJustShared,
  noteLinked,
  setPresenceArticle,
  useDeskSelector,
  type DeskPerson,
} from './deskClient';
import type { DeskDoc } from './deskDoc';
import { useDeskMeta } from './useDeskMeta';
import { useDeskClaims } from './useDeskClaims';
import { useDeskComments } from './useDeskComments';
import { useDeskCorrections } from './useDeskCorrections';
import { errorSentence } from '../errors/errorSentence';

const NOBODY: readonly DeskPerson[] = [];

export interface DeskArticleState {
  binding: DeskBinding | null;
  readOnly: boolean;
  /** A desk is configured and this article is not on it yet. */
  canShare: boolean;
  share(): Promise<void>;
  error: string | null;
  people: readonly { name: string; color: string }[];
}

/** Everything the open article needs from the desk: its binding, meta sync, presence and sharing. */
export function useDeskArticle({
  desk,
  session,
  bootstrap,
  seed,
  onShared,
}: {
  desk: DeskDoc | null;
  session: ArticleSession;
  /** The local body, which seeds the desk document when this app shares the article. */
  seed: ArticleBody;
  bootstrap: boolean;
  onShared(): void;
}): DeskArticleState {
  const { t } = useTranslation('desk');
  const deskUrl = useDeskSelector((s) => s.config?.url ?? null);
  const linked = useDeskSelector((s) => s.links.has(session.id));
  const deskReadOnly = useDeskSelector((s) => s.readOnly);
  const people = useDeskSelector((s) => s.presence.get(session.id)) ?? NOBODY;
  const [error, setError] = useState<string | null>(null);
  const readOnly = desk !== null && deskReadOnly;
  const binding = useMemo<DeskBinding | null>(
    () => (desk ? { desk, bootstrap, initialJson: JSON.stringify(seed.editorState) } : null),
    // The seed is read once, when the binding is made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [desk, bootstrap],
  );
  useDeskMeta(desk, session, bootstrap, readOnly);
  useDeskClaims(desk, session.id, readOnly);
  useDeskComments(desk, session.id, readOnly);
  useDeskCorrections(desk, session.id, readOnly);

  useEffect(() => {
    if (!desk) return;
    setPresenceArticle(session.id);
    return () => setPresenceArticle(null);
  }, [desk, session.id]);

  const canShare = desk === null && deskUrl !== null && !linked;
  const share = useCallback(async () => {
    if (!deskUrl) return setError(t('share.noDesk'));
    if (linked) return;
    await session.flush();
    const r = await api.desk.linkArticle({ articleId: session.id });
    if (!r.ok) return setError(t('share.failed', { message: errorSentence(r.error) }));
    markJustShared(session.id);
    noteLinked(session.id);
    announceShared(session.id, {
      headline: session.meta.headline,
      sharedBy: deskUserName(),
      sharedAt: r.value.sharedAt,
    });
    setError(null);
    onShared();
  }, [deskUrl, linked, session, onShared, t]);
  useCommand('article.share-desk', () => void share());

  return { binding, readOnly, canShare, share, error, people };
}

/** The article bar's desk part: "Share with desk", or who else is in this shared article. */
export function DeskArticleBar({ article }: { article: DeskArticleState }) {
  const { t } = useTranslation('desk');
  if (article.binding === null && !article.canShare && article.error === null) return null;
  return (
    <span className="desk-article-bar">
      {article.canShare && (
        <button type="button" onClick={() => void article.share()}>
          {t('share.button')}
        </button>
      )}
      {article.binding !== null && (
        <span className="desk-shared" role="note" aria-label={t('article.sharedLabel')}>
          {article.readOnly ? t('article.viewOnly') : t('article.shared')}
          {article.people.length > 0 && (
            <span className="desk-people">
              {' · '}
              {article.people.map((p) => (
                <span key={p.name} className="desk-person" style={{ borderColor: p.color }}>
                  {p.name}
                </span>
              ))}
            </span>
          )}
        </span>
      )}
      {article.error && <span role="alert">{article.error}</span>}
    </span>
  );
}
