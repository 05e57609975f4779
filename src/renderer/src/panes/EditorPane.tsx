import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function EditorPane() {
  const { t } = useTranslation();
  return <EmptyState title={t('panes.editorEmptyTitle')} body={t('panes.editorEmptyBody')} />;
}
