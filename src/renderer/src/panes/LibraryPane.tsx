import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function LibraryPane() {
  const { t } = useTranslation();
  return <EmptyState title={t('panes.libraryEmptyTitle')} body={t('panes.libraryEmptyBody')} />;
}
