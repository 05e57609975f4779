import type { TextSegment } from '../../../shared/search/highlight';

/** Search text with the matched words marked; the segments are plain text, never HTML. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>
  );
}
