import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { FactsBrowser, type BrowserState } from './FactsBrowser';

/** The same search, lists and detail views, with room: results and detail side by side. */
export function FactsFullView({ initial, onClose }: { initial: BrowserState; onClose(): void }) {
  const { t } = useTranslation('facts');
  return (
    <Dialog title={t('fullView.title')} open onClose={onClose} className="facts-full-dialog">
      <div className="facts-full-close">
        <button type="button" onClick={onClose}>
          {t('fullView.close')}
        </button>
      </div>
      <FactsBrowser mode="full" initial={initial} />
    </Dialog>
  );
}
