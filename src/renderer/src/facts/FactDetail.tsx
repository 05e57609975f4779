import { DealDetail } from './detail/DealDetail';
import { EntityDetail } from './detail/EntityDetail';
import { QuoteDetail } from './detail/QuoteDetail';
import { SourceDetail } from './detail/SourceDetail';
import type { FactTarget } from './types';

export function FactDetail({
  target,
  open,
  onDeleted,
  onShowFacts,
}: {
  target: FactTarget;
  open(t: FactTarget): void;
  onDeleted(): void;
  onShowFacts(entity: { id: string; name: string }, kind: 'deal' | 'quote'): void;
}) {
  switch (target.type) {
    case 'deal':
      return <DealDetail key={target.id} id={target.id} open={open} onDeleted={onDeleted} />;
    case 'quote':
      return <QuoteDetail key={target.id} id={target.id} open={open} onDeleted={onDeleted} />;
    case 'entity':
      return (
        <EntityDetail
          key={target.id}
          id={target.id}
          open={open}
          onDeleted={onDeleted}
          onShowFacts={onShowFacts}
        />
      );
    default:
      return (
        <SourceDetail
          key={`${target.id}:${target.place?.locator ?? ''}:${target.place?.excerpt ?? ''}`}
          id={target.id}
          place={target.place ?? null}
          open={open}
          onDeleted={onDeleted}
        />
      );
  }
}
