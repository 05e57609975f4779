import { useMemo } from 'react';
import type { CommentThread } from '../../../shared/domain/comments';
import { useApp } from '../app/AppContext';
import { useDesk } from '../desk/deskClient';

/**
 * The name the app writes comments under, as the handlers do (main/handlers/actingUser.ts): the
 * desk's name for this token when a desk is on, else the user name from Settings.
 */
export function useActingUser(): string {
  const { settings } = useApp();
  const { config } = useDesk();
  return config?.enabled && config.user ? config.user.name : settings.userName;
}

/**
 * Names a mention may take: with a desk its members as far as this machine knows them (who is
 * present, who has written in the article's threads) and the acting user; without one the same
 * minus the desk, and any other "@word" counts as a free name.
 */
export function useKnownNames(threads: readonly CommentThread[] | null): string[] {
  const me = useActingUser();
  const { presence } = useDesk();
  return useMemo(() => {
    const names = new Set<string>([me]);
    for (const people of presence.values()) for (const p of people) names.add(p.name);
    for (const t of threads ?? []) for (const c of t.comments) names.add(c.author);
    return [...names].filter((n) => n.trim() !== '');
  }, [me, presence, threads]);
}
