import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { useFormat } from '../format';
import { DealForm } from '../forms/DealForm';
import type { FactTarget } from '../types';
import {
  AuditTrail,
  Badge,
  Citations,
  DeleteAction,
  DetailHeader,
  Facts,
  LinkButton,
  LinkedArticles,
  UnsourcedBadge,
} from './parts';
import { KeepLocal } from './KeepLocal';
import { useRecord } from './useRecord';

export function DealDetail({
  id,
  open,
  onDeleted,
}: {
  id: string;
  open(t: FactTarget): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation('facts');
  const f = useFormat();
  const { value: view, error } = useRecord(() => api.facts.dealGet({ id }), id);
  const [editing, setEditing] = useState(false);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!view) return <p className="muted">{t('loading')}</p>;
  const d = view.deal;
  const entity = (e: { id: string; name: string } | null) =>
    e ? <LinkButton onClick={() => open({ type: 'entity', id: e.id })}>{e.name}</LinkButton> : null;
  return (
    <article className="fact-detail" aria-label={t('deal.detailLabel', { subject: d.subject })}>
      <DetailHeader
        type={t('type.deal')}
        title={d.subject}
        badges={
          <>
            <Badge kind={`status-${d.status}`}>{t(`dealStatus.${d.status}`)}</Badge>
            {view.citations.length === 0 && <UnsourcedBadge />}
          </>
        }
        actions={
          <>
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <DeleteAction
              what={d.subject}
              onDelete={() => api.facts.dealDelete({ id })}
              onDeleted={onDeleted}
            />
          </>
        }
      />
      <p className="deal-amount">{f.amount(d)}</p>
      <Facts
        rows={[
          [t('deal.kind'), t(`dealKind.${d.kind}`)],
          [t('deal.payer'), entity(view.payer)],
          [t('deal.payee'), entity(view.payee)],
          [t('deal.precision'), t(`precision.${d.precision}`)],
          [t('deal.period'), f.period(d.dateFrom, d.dateTo)],
          [t('deal.reportedBy'), entity(view.reportedBy)],
          [t('deal.notes'), d.notes],
        ]}
      />
      <KeepLocal type="deal" id={id} />
      <Citations factType="deal" factId={id} citations={view.citations} open={open} />
      <LinkedArticles articles={view.linkedArticles} />
      <AuditTrail recordType="deal" recordId={id} />
      {editing && (
        <DealForm view={view} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </article>
  );
}
