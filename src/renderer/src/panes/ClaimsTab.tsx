import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function ClaimsTab() {
  const { t } = useTranslation();
  return <EmptyState title={t('panes.claimsEmptyTitle')} body={t('panes.claimsEmptyBody')} />;
}
