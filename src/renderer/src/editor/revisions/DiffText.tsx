import type { DiffPart } from './wordDiff';

/** A word diff as text with <ins>/<del>, each change named for screen readers ("Added: …"). */
export function DiffText({ parts, added, removed }: { parts: DiffPart[]; added: string; removed: string }) {
  return (
    <div className="diff-text">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} aria-label={`${added}: ${part.text}`}>
            {part.text}
          </ins>
        ) : (
          <del key={i} aria-label={`${removed}: ${part.text}`}>
            {part.text}
          </del>
        ),
      )}
    </div>
  );
}
