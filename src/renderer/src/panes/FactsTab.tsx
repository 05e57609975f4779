import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function FactsTab() {
  const { t } = useTranslation();
  return <EmptyState title={t('panes.factsEmptyTitle')} body={t('panes.factsEmptyBody')} />;
}
