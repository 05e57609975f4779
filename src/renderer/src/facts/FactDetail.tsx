import { lazy, Suspense } from 'react';
import type { FactTarget } from './types';

// Loaded when a fact is first opened, not with the app's first screen.
const DealDetail = lazy(() => import('./detail/DealDetail').then((m) => ({ default: m.DealDetail })));
const EntityDetail = lazy(() => import('./detail/EntityDetail').then((m) => ({ default: m.EntityDetail })));
const QuoteDetail = lazy(() => import('./detail/QuoteDetail').then((m) => ({ default: m.QuoteDetail })));
const SourceDetail = lazy(() => import('./detail/SourceDetail').then((m) => ({ default: m.SourceDetail })));

export function FactDetail(props: {
  target: FactTarget;
  open(t: FactTarget): void;
  onDeleted(): void;
  onShowFacts(entity: { id: string; name: string }, kind: 'deal' | 'quote'): void;
}) {
  return (
    <Suspense fallback={null}>
      <Detail {...props} />
    </Suspense>
  );
}

function Detail({
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
