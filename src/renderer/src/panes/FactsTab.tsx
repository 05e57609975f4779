import { useState } from 'react';
import { useCommand } from '../app/commands';
import { FactsBrowser, type BrowserState } from '../facts/FactsBrowser';
import { FactsFullView } from '../facts/FactsFullView';
import { EMPTY_FILTERS } from '../facts/SearchFilters';

/** The facts tab of the right-hand panel; "⤢" opens the full Facts view with the same state. */
export function FactsTab() {
  const [full, setFull] = useState<BrowserState | null>(null);
  useCommand('facts.full-view', () => setFull({ query: '', filters: EMPTY_FILTERS, target: null }));
  return (
    <>
      <FactsBrowser mode="panel" onExpand={setFull} />
      {full && <FactsFullView initial={full} onClose={() => setFull(null)} />}
    </>
  );
}
