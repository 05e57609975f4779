import type { ReactNode } from 'react';
import { findMentions } from '../../../shared/comments/mentions';

/** A comment's text with its "@name" mentions highlighted; the text stays text (React escapes it). */
export function MentionText({
  body,
  knownNames,
  me,
}: {
  body: string;
  knownNames: readonly string[];
  me: string;
}) {
  const mentions = findMentions(body, knownNames);
  if (mentions.length === 0) return <>{body}</>;
  const wanted = me.trim().toLowerCase();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of mentions) {
    if (m.start > at) parts.push(body.slice(at, m.start));
    const name = m.name.toLowerCase();
    const mine = wanted !== '' && (name === wanted || name === wanted.split(/\s+/)[0]);
    parts.push(
      <span key={m.start} className={`comment-mention${mine ? ' comment-mention-me' : ''}`}>
        {body.slice(m.start, m.end)}
      </span>,
    );
    at = m.end;
  }
  if (at < body.length) parts.push(body.slice(at));
  return <>{parts}</>;
}
