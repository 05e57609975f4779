import type { Channel } from './index';

/**
 * Calls that may be sent a second time when the first one got no answer: they read, or they
 * record something a repeat leaves as it was (opening an article notes when; loading a desk
 * document's local copy). Everything else — a save, a create, a comment — is sent once: a call
 * whose connection broke may have been carried out, and a second one could do it twice.
 */
export const REPEATABLE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'settings:get',
  'articles:list',
  'articles:get',
  'articles:open',
  'articles:recent',
  'revisions:list',
  'revisions:get',
  'backups:list',
  'claims:list',
  'claims:get',
  'claims:stale',
  'comments:list',
  'comments:mentions',
  'comments:desk-read',
  'corrections:list',
  'corrections:desk-read',
  'desk:config',
  'desk:pending',
  'desk:links',
  'desk:load-doc',
  'desk:claims-read',
  'detect:entities',
  'detect:people',
  'detect:candidates',
  'detect:dismissed-list',
  'facts:search',
  'facts:stats',
  'facts:entity-get',
  'facts:entity-suggest',
  'facts:role-at',
  'facts:deal-get',
  'facts:quote-get',
  'facts:source-get',
  'sources:status',
  'sources:document',
  'sources:page-image',
  'sources:search',
  'spell:dictionary',
  'spell:words',
  'export:formats',
  'export:default-directory',
]);
