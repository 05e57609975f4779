import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusItem } from '../app/status';
import { DESK_REFUSAL } from '../../../shared/desk/names';
import { useDesk } from './deskClient';

/** The desk server's refusal reasons are English words on the wire; the status item says them in the app's language. */
const REASON_KEYS = Object.fromEntries(Object.entries(DESK_REFUSAL).map(([key, reason]) => [reason, key]));

/** The status bar's desk item: Connected / Offline (n changes waiting) / Refused (why). Nothing without a desk. */
export function DeskStatus() {
  const { t } = useTranslation('desk');
  const { connection, pending } = useDesk();
  const node = useMemo(() => {
    if (connection.kind === 'none') return null;
    const text =
      connection.kind === 'refused'
        ? t('status.refused', {
            reason:
              connection.reason in REASON_KEYS
                ? t(`status.reasons.${REASON_KEYS[connection.reason]}`)
                : connection.reason,
          })
        : connection.kind === 'connected'
          ? pending > 0
            ? t('status.sending', { count: pending })
            : t('status.connected')
          : pending > 0
            ? t(`status.${connection.kind}`, { count: pending })
            : t(`status.${connection.kind}Plain`);
    return (
      <span
        className={`desk-status desk-status-${connection.kind}`}
        data-desk-status={connection.kind}
        title={t('status.title')}
      >
        {text}
      </span>
    );
  }, [connection, pending, t]);
  useStatusItem('desk.status', node, 5);
  return null;
}
