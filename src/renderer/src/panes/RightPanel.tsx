import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { useCommand } from '../app/commands';
import { ClaimsTab } from './ClaimsTab';
import { CommentsPanel } from '../comments/CommentsPanel';
import { FactsTab } from './FactsTab';
import { ReviewPanel } from '../suggest/ReviewPanel';

interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/** The right-hand panel: facts, claims and comments as tabs (WAI-ARIA tabs pattern). */
export function RightPanel() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('suggest');
  const { settings, setLayout } = useApp();
  const tabs: Tab[] = [
    { id: 'facts', label: t('panes.factsTab'), content: <FactsTab /> },
    { id: 'claims', label: t('panes.claimsTab'), content: <ClaimsTab /> },
    { id: 'comments', label: t('panes.commentsTab'), content: <CommentsPanel /> },
    { id: 'review', label: ts('review.tab'), content: <ReviewPanel /> },
  ];
  const current = tabs.find((tab) => tab.id === settings.layout.rightTab) ?? tabs[0];
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (id: string) => setLayout({ rightTab: id });
  useCommand('panel.show-tab', (id) => id && select(id));

  const onKey = (e: KeyboardEvent, index: number) => {
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else return;
    e.preventDefault();
    select(tabs[next].id);
    refs.current[tabs[next].id]?.focus();
  };

  return (
    <div className="right-panel">
      <div role="tablist" aria-label={t('panes.panelTabs')} className="tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            onClick={() => select(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`tabpanel-${current.id}`}
        aria-labelledby={`tab-${current.id}`}
        className="tabpanel"
      >
        {current.content}
      </div>
    </div>
  );
}
