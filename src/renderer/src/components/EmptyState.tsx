import type { ReactNode } from 'react';

export function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="note" aria-label={title}>
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
    </div>
  );
}
