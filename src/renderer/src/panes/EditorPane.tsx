import { useStatusItem } from '../app/status';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { runCommand, useCommand } from '../app/commands';
import { api } from '../bridge';
import { takeReopenedArticle } from '../app/bootPrefetch';
import { markFirstScreen } from '../app/firstScreen';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticleFields } from '../editor/ArticleFields';
import { clearActiveSession, flushActiveSession, setActiveSession } from '../editor/activeSession';
import { getArticleEditor } from '../editor/EditorContext';
import { whenIdle } from '../editor/idle';
import { ArticleSession } from '../../../shared/autosave/articleSession';
import { blockSource } from '../editor/blockSource';
import { CountsIndicator, SaveIndicator } from '../editor/StatusItems';
import { announceArticleChange } from '../library/articleEvents';
import { GateRecheck, useReadyGate } from '../claims/ReadyGate';
import { CorrectionsPanel } from '../corrections/CorrectionsPanel';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleLanguage,
  type ArticleStatus,
} from '../../../shared/domain/articles';
import type { ArticleDocument } from '../../../shared/contract/articles';
import type { TextCounts } from '../../../shared/typography/counts';
import { openArticleDoc, wasJustShared } from '../desk/deskClient';
import type { DeskDoc } from '../desk/deskDoc';
import { DeskArticleBar, useDeskArticle } from '../desk/DeskArticle';
import { replaceSharedBody } from '../desk/replaceSharedBody';
import '../styles/editor.css';
import { useRecoveryCopy } from '../recovery/useRecoveryCopy';
import { errorSentence } from '../errors/errorSentence';

const READING_WIDTH_KEY = 'factdesk.editor.readingWidth';

// Loaded when first opened, not with the app's first screen.
const RevisionsPanel = lazy(() =>
  import('../editor/RevisionsPanel').then((m) => ({ default: m.RevisionsPanel })),
);

/** Creates an article and opens it; the library's "New article" button raises the same command. */
async function createArticle(open: (id: string) => void): Promise<string | null> {
  await flushActiveSession();
  const r = await api.articles.create({});
  if (!r.ok) return errorSentence(r.error);
  open(r.value.meta.id);
  announceArticleChange({ id: r.value.meta.id, meta: r.value.meta });
  return null;
}

export function EditorPane() {
  const { t } = useTranslation('editor');
  const { t: tl } = useTranslation('library');
  const { currentArticleId, openArticle } = useApp();
  const [error, setError] = useState<string | null>(null);

  const create = useCallback(async () => setError(await createArticle(openArticle)), [openArticle]);
  useCommand('article.new', () => void create());
  useCommand('article.open-recent', (id) => {
    if (id) void flushActiveSession().then(() => openArticle(id));
  });

  useEffect(() => {
    if (!currentArticleId) markFirstScreen();
  }, [currentArticleId]);

  if (!currentArticleId) {
    return (
      <EmptyState title={t('common:panes.editorEmptyTitle')} body={t('common:panes.editorEmptyBody')}>
        <button type="button" className="primary" onClick={() => void create()}>
          {tl('newArticle')}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </EmptyState>
    );
  }
  return <ArticleLoader key={currentArticleId} id={currentArticleId} onClose={() => openArticle(null)} />;
}

function ArticleLoader({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation('editor');
  const [state, setState] = useState<
    | { doc: ArticleDocument; fresh: boolean; desk: DeskDoc | null; generation: number }
    | { error: string }
    | null
  >(null);
  // Bumped to read the article again, e.g. once it is restored from the trash or shared.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    let desk: DeskDoc | null = null;
    void (async () => {
      // A shared article opens on its desk document (from the local copy first, so offline too);
      // its local copy is read beside the article rather than after it.
      const opening = openArticleDoc(id).catch(() => null);
      const r = await (takeReopenedArticle(id) ?? api.articles.open({ id }));
      desk = await opening;
      if (!r.ok || r.value.meta.trashedAt !== null) {
        void desk?.close();
        desk = null;
      }
      if (!r.ok) return live && setState({ error: errorSentence(r.error) });
      if (!live) return void desk?.close();
      setState({ doc: r.value, fresh: r.value.meta.headline === '' && r.value.rev === 1, desk, generation });
    })();
    return () => {
      live = false;
      // The workspace's final save runs first; the desk document closes after its writes.
      if (desk) void flushActiveSession().then(() => desk?.close());
    };
  }, [id, generation]);
  useEffect(() => {
    if (state !== null) markFirstScreen();
  }, [state]);
  if (state === null) return <p className="editor-loading muted">{t('loading')}</p>;
  if ('error' in state)
    return (
      <div className="editor-error">
        <p role="alert">{t('openFailed', { message: state.error })}</p>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    );
  if (state.doc.meta.trashedAt !== null)
    return <TrashedArticle key={generation} doc={state.doc} onRestored={() => setGeneration((g) => g + 1)} />;
  return (
    <ArticleWorkspace
      // Keyed by the read that produced this state, so a re-read never reuses a session made from the old one.
      key={state.generation}
      doc={state.doc}
      fresh={state.fresh}
      desk={state.desk}
      onShared={() => setGeneration((g) => g + 1)}
    />
  );
}

/** An article in the trash, shown as it was: readable and exportable, not editable until restored. */
function TrashedArticle({ doc, onRestored }: { doc: ArticleDocument; onRestored(): void }) {
  const { t } = useTranslation('editor');
  const [error, setError] = useState<string | null>(null);
  const [session] = useState(() => new ArticleSession(doc, (input) => api.articles.save(input)));
  const fields = useMemo(
    () => <ArticleFields session={session} onDone={() => undefined} focusHeadline={false} readOnly />,
    [session],
  );
  const restore = async () => {
    const r = await api.articles.restore({ id: doc.meta.id });
    if (!r.ok) return setError(t('trash.restoreFailed', { message: errorSentence(r.error) }));
    announceArticleChange({ id: doc.meta.id, meta: r.value });
    onRestored();
  };
  return (
    <div className="editor-pane">
      <div className="editor-main">
        <div className="article-bar trashed-bar" role="group" aria-label={t('articleBar')}>
          <p role="note">{t('trash.readOnly')}</p>
          <button type="button" className="primary" onClick={() => void restore()}>
            {t('trash.restore')}
          </button>
          <button type="button" onClick={() => runCommand('file.export')}>
            {t('transfer:exportButton')}
          </button>
          {error && <p role="alert">{error}</p>}
        </div>
        <ArticleEditor
          articleId={doc.meta.id}
          body={doc.body}
          language={doc.meta.language}
          session={session}
          onCounts={() => undefined}
          fields={fields}
          readingWidth
          readOnly
        />
      </div>
    </div>
  );
}

function ArticleWorkspace({
  doc,
  fresh,
  desk,
  onShared,
}: {
  doc: ArticleDocument;
  fresh: boolean;
  desk: DeskDoc | null;
  onShared(): void;
}) {
  const { t } = useTranslation('editor');
  const { t: tl } = useTranslation('library');
  const { settings } = useApp();
  const [gateRefusal, setGateRefusal] = useState<string | null>(null);
  const [session] = useState(
    () =>
      new ArticleSession(doc, (input) => api.articles.save(input), {
        defer: (fn) => whenIdle(fn),
        blockSource,
        onStatusRefused: setGateRefusal,
        onSaved: (meta) => announceArticleChange({ id: meta.id, meta, autosave: true }),
      }),
  );
  const [content, setContent] = useState({ body: doc.body, key: 0 });
  const [bodyCounts, setBodyCounts] = useState<TextCounts | null>(null);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [revisionsKey, setRevisionsKey] = useState(0);
  const [versionDialog, setVersionDialog] = useState(false);
  const [readingWidth, setReadingWidth] = useState(() => localStorage.getItem(READING_WIDTH_KEY) !== 'off');
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  const readyGate = useReadyGate(session.id);
  useRecoveryCopy(session);
  const deskArticle = useDeskArticle({
    desk,
    session,
    bootstrap: desk !== null && wasJustShared(doc.meta.id) && !desk.hasLocalState,
    seed: doc.body,
    onShared,
  });
  useStatusItem('editor.gate-refused', gateRefusal ? <span role="alert">{gateRefusal}</span> : null, 15);

  useEffect(() => {
    const generation = session.start();
    setActiveSession(session);
    const offClose = api.onBeforeClose(() => session.flush());
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void session.flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      offClose();
      document.removeEventListener('visibilitychange', onHidden);
      clearActiveSession(session);
      void session.flush().finally(() => session.stop(generation));
    };
  }, [session]);

  const focusBody = useCallback(() => getArticleEditor()?.editor.focus(), []);
  const fields = useMemo(
    () => (
      <ArticleFields
        session={session}
        onDone={focusBody}
        focusHeadline={fresh}
        readOnly={deskArticle.readOnly}
      />
    ),
    [session, focusBody, fresh, deskArticle.readOnly],
  );

  const setStatus = async (status: ArticleStatus) => {
    if (status === 'ready' && meta.status !== 'ready' && !(await readyGate.confirmReady())) return;
    session.setMeta({ status });
    await session.flush();
    setRevisionsKey((k) => k + 1);
  };

  const shared = deskArticle.binding !== null;
  const onRestored = useCallback(
    (restored: ArticleDocument) => {
      session.adopt(restored);
      const live = getArticleEditor();
      // A shared article's body is its desk document: the restore is an edit everyone receives.
      if (shared && live?.articleId === session.id)
        void replaceSharedBody(live.editor, restored.body.editorState);
      else setContent((c) => ({ body: restored.body, key: c.key + 1 }));
      announceArticleChange({ id: restored.meta.id, meta: restored.meta });
      setRevisionsKey((k) => k + 1);
    },
    [session, shared],
  );

  const toggleReadingWidth = () => {
    setReadingWidth((on) => {
      localStorage.setItem(READING_WIDTH_KEY, on ? 'off' : 'on');
      return !on;
    });
  };

  return (
    <div className={`editor-pane ${revisionsOpen ? 'with-revisions' : ''}`}>
      <div className="editor-main">
        <div className="article-bar" role="group" aria-label={t('articleBar')}>
          <label>
            <span>{t('fields.language')}</span>
            <select
              value={meta.language}
              onChange={(e) => session.setMeta({ language: e.target.value as ArticleLanguage })}
            >
              {ARTICLE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {tl(`language.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('fields.status')}</span>
            <select value={meta.status} onChange={(e) => void setStatus(e.target.value as ArticleStatus)}>
              {ARTICLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tl(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('fields.desk')}</span>
            <input
              value={meta.desk}
              maxLength={120}
              size={10}
              onChange={(e) => session.setMeta({ desk: e.target.value })}
            />
          </label>
          <label>
            <span>{t('fields.author')}</span>
            <input
              value={meta.author}
              maxLength={120}
              size={14}
              onChange={(e) => session.setMeta({ author: e.target.value })}
            />
          </label>
          <span className="article-bar-spacer" />
          <DeskArticleBar article={deskArticle} />
          <button type="button" aria-pressed={revisionsOpen} onClick={() => setRevisionsOpen((o) => !o)}>
            {t('view.revisions')}
          </button>
          <button type="button" onClick={() => setVersionDialog(true)}>
            {t('view.saveVersion')}
          </button>
          <button type="button" onClick={() => runCommand('file.export')}>
            {t('transfer:exportButton')}
          </button>
          <button type="button" aria-pressed={readingWidth} onClick={toggleReadingWidth}>
            {t('view.readingWidth')}
          </button>
          <button
            type="button"
            aria-pressed={settings.layout.focusMode}
            onClick={() => runCommand('view.focus-mode')}
          >
            {t('view.focusMode')}
          </button>
        </div>
        <ArticleEditor
          key={content.key}
          articleId={session.id}
          body={content.body}
          language={meta.language}
          session={session}
          onCounts={setBodyCounts}
          fields={fields}
          readingWidth={readingWidth}
          desk={deskArticle.binding}
          deskReadOnly={deskArticle.readOnly}
        />
        <CorrectionsPanel articleId={session.id} status={meta.status} />
      </div>
      {revisionsOpen && (
        <Suspense fallback={null}>
          <RevisionsPanel
            session={session}
            refreshKey={revisionsKey}
            onRestored={onRestored}
            onClose={() => setRevisionsOpen(false)}
            canRestore={!deskArticle.readOnly}
          />
        </Suspense>
      )}
      {versionDialog && (
        <SaveVersionDialog
          session={session}
          onClose={(saved) => {
            setVersionDialog(false);
            if (saved) {
              setRevisionsKey((k) => k + 1);
              setRevisionsOpen(true);
            }
          }}
        />
      )}
      {readyGate.dialog}
      <GateRecheck articleId={session.id} status={meta.status} />
      <SaveIndicator session={session} />
      <CountsIndicator session={session} body={bodyCounts} />
    </div>
  );
}

function SaveVersionDialog({ session, onClose }: { session: ArticleSession; onClose(saved: boolean): void }) {
  const { t } = useTranslation('editor');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await session.flush();
    const r = await api.revisions.create({ articleId: session.id, name });
    setBusy(false);
    if (r.ok) onClose(true);
    else setError(r.error.fields?.find((f) => f.path === 'name')?.message ?? errorSentence(r.error));
  };
  return (
    <Dialog title={t('saveVersion.title')} open onClose={() => onClose(false)}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('saveVersion.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
            autoFocus
            aria-invalid={error !== null}
          />
        </label>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose(false)}>
            {t('saveVersion.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            {t('saveVersion.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
