import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './AppContext';
import { useFirstScreenShown } from './firstScreen';
import { runCommand, useCommand } from './commands';
import { StatusItems } from './status';
import { MenuBar } from '../components/MenuBar';
import { DeskStatus } from '../desk/DeskStatus';
import { useDeskSelector } from '../desk/deskClient';
import { Splitter } from '../components/Splitter';
import { Dialog } from '../components/Dialog';
import { LibraryPane } from '../panes/LibraryPane';
import { EditorPane } from '../panes/EditorPane';
import { RightPanel } from '../panes/RightPanel';
import { TransferHost } from '../transfer/TransferHost';

// Loaded when first opened, not with the app's first screen.
const SettingsDialog = lazy(() =>
  import('../components/SettingsDialog').then((m) => ({ default: m.SettingsDialog })),
);

/** Shortcuts the native menu provides in Electron; the browser shell handles them here. */
const SHORTCUTS: { test(e: KeyboardEvent): boolean; command: string }[] = [
  { test: (e) => e.ctrlKey && e.altKey && e.key.toLowerCase() === 'n', command: 'article.new' },
  { test: (e) => e.ctrlKey && !e.shiftKey && e.key.toLowerCase() === 'o', command: 'file.import' },
  { test: (e) => e.ctrlKey && !e.shiftKey && e.key.toLowerCase() === 'e', command: 'file.export' },
  { test: (e) => e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'l', command: 'view.toggle-library' },
  { test: (e) => e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'f', command: 'view.toggle-panel' },
  { test: (e) => e.ctrlKey && e.shiftKey && e.key === 'Enter', command: 'view.focus-mode' },
  { test: (e) => e.ctrlKey && e.key === ',', command: 'app.settings' },
  { test: (e) => e.key === 'F1', command: 'help.shortcuts' },
];

export function Shell() {
  const { t } = useTranslation();
  const { info, settings, setLayout, updateSettings } = useApp();
  const layout = settings.layout;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // With a desk the desk's own item says whether the app is online.
  const deskConfigured = useDeskSelector((s) => s.config?.url != null);
  // The panes' frames are there from the start (nothing moves); their contents follow the article.
  const panesShown = useFirstScreenShown();

  useCommand('view.toggle-library', () => setLayout({ leftCollapsed: !layout.leftCollapsed }));
  useCommand('view.toggle-panel', () => setLayout({ rightCollapsed: !layout.rightCollapsed }));
  useCommand('view.focus-mode', () => setLayout({ focusMode: !layout.focusMode }));
  useCommand('view.theme-system', () => void updateSettings({ theme: 'system' }));
  useCommand('view.theme-light', () => void updateSettings({ theme: 'light' }));
  useCommand('view.theme-dark', () => void updateSettings({ theme: 'dark' }));
  useCommand('view.language-de', () => void updateSettings({ language: 'de' }));
  useCommand('view.language-en', () => void updateSettings({ language: 'en' }));
  useCommand('app.settings', () => setSettingsOpen(true));
  useCommand('help.about', () => setAboutOpen(true));
  useCommand('help.shortcuts', () => setShortcutsOpen(true));

  useEffect(() => {
    if (info.nativeMenu) return;
    const onKey = (e: KeyboardEvent) => {
      const hit = SHORTCUTS.find((s) => s.test(e));
      if (!hit) return;
      e.preventDefault();
      runCommand(hit.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info.nativeMenu]);

  const showLeft = !layout.leftCollapsed && !layout.focusMode;
  const showRight = !layout.rightCollapsed && !layout.focusMode;
  const columns = [
    showLeft ? `${layout.leftWidth + 6}px` : '',
    'minmax(320px, 1fr)',
    showRight ? `${layout.rightWidth + 6}px` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`shell ${layout.focusMode ? 'focus-mode' : ''}`}>
      {!info.nativeMenu && (
        <header className="titlebar">
          <MenuBar />
        </header>
      )}
      <div className="panes" style={{ gridTemplateColumns: columns }}>
        {showLeft && (
          // The splitter sits inside the landmark it resizes, so nothing on screen is outside one.
          <nav className="pane-frame pane-frame-left" aria-label={t('panes.library')}>
            <div className="pane pane-left">
              <div className="pane-header">
                <h1 className="pane-title">{t('panes.library')}</h1>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setLayout({ leftCollapsed: true })}
                >
                  <span aria-hidden="true">⟨</span>
                  <span className="sr-only">{t('panes.hideLibrary')}</span>
                </button>
              </div>
              {panesShown && <LibraryPane />}
            </div>
            <Splitter
              label={t('panes.resizeLibrary')}
              value={layout.leftWidth}
              min={160}
              max={800}
              direction={1}
              onChange={(v) => setLayout({ leftWidth: v })}
            />
          </nav>
        )}
        <main className="pane pane-center" aria-label={t('panes.editor')}>
          <div className="pane-toggles">
            {!showLeft && !layout.focusMode && (
              <button type="button" onClick={() => setLayout({ leftCollapsed: false })}>
                {t('panes.showLibrary')}
              </button>
            )}
            {!showRight && !layout.focusMode && (
              <button type="button" onClick={() => setLayout({ rightCollapsed: false })}>
                {t('panes.showPanel')}
              </button>
            )}
            {layout.focusMode && (
              <button type="button" onClick={() => setLayout({ focusMode: false })}>
                {t('menu.focusMode')}
              </button>
            )}
          </div>
          <EditorPane />
        </main>
        {showRight && (
          <aside className="pane-frame pane-frame-right" aria-label={t('panes.panel')}>
            <Splitter
              label={t('panes.resizePanel')}
              value={layout.rightWidth}
              min={200}
              max={900}
              direction={-1}
              onChange={(v) => setLayout({ rightWidth: v })}
            />
            <div className="pane pane-right">
              <div className="pane-header">
                <h1 className="pane-title">{t('panes.panel')}</h1>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setLayout({ rightCollapsed: true })}
                >
                  <span aria-hidden="true">⟩</span>
                  <span className="sr-only">{t('panes.hidePanel')}</span>
                </button>
              </div>
              {panesShown && <RightPanel />}
            </div>
          </aside>
        )}
      </div>
      {/* A footer may not take the status role; the live region sits inside it. */}
      <footer className="statusbar-frame">
        <div className="statusbar" role="status" aria-label={t('status.bar')}>
          <StatusItems />
          <span className="status-spacer" />
          <span className="status-item">{t('status.user', { name: settings.userName })}</span>
          {!deskConfigured && <span className="status-item muted">{t('status.offline')}</span>}
        </div>
      </footer>
      <TransferHost />
      <DeskStatus />
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog open onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      <Dialog title={t('about.title')} open={aboutOpen} onClose={() => setAboutOpen(false)}>
        <p>{t('about.body', { version: info.version, dataDir: info.dataDir })}</p>
        <p className="muted">
          {t('about.schema', { schema: info.schemaVersion, sqlite: info.sqliteVersion })}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setAboutOpen(false)}>
            {t('about.close')}
          </button>
        </div>
      </Dialog>
      <Dialog title={t('shortcuts.title')} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)}>
        <dl className="shortcut-list">
          <dt>Ctrl+Alt+N</dt>
          <dd>{t('menu.newArticle')}</dd>
          <dt>Ctrl+O</dt>
          <dd>{t('menu.import')}</dd>
          <dt>Ctrl+E</dt>
          <dd>{t('menu.export')}</dd>
          <dt>Ctrl+Shift+L</dt>
          <dd>{t('menu.toggleLibrary')}</dd>
          <dt>Ctrl+Shift+F</dt>
          <dd>{t('menu.togglePanel')}</dd>
          <dt>Ctrl+Shift+Enter</dt>
          <dd>{t('menu.focusMode')}</dd>
          <dt>Ctrl+,</dt>
          <dd>{t('menu.settings')}</dd>
        </dl>
        <div className="dialog-actions">
          <button type="button" onClick={() => setShortcutsOpen(false)}>
            {t('shortcuts.close')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
