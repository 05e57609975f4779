import { base64ToBytes, bytesToBase64 } from '../../shared/desk/base64';
import { assertDocUpdate } from '../../shared/desk/docUpdates';
import { parseClaimRecord, parseGatePasses } from '../../shared/desk/claimRecords';
import { applyDeskClaims, deskClaimState } from '../../store/desk-claims';
import { UserError } from '../../shared/result';
import { createArticle, getArticleMeta } from '../../store/articles';
import {
  readDeskConfig,
  writeDeskConnection,
  writeDeskEnabled,
  writeDeskUser,
} from '../../store/desk-config';
import {
  appendDocUpdate,
  deskArticleLink,
  deskArticleLinks,
  linkDeskArticle,
  loadDoc,
  markDocSynced,
  pendingUpdates,
} from '../../store/desk-docs';
import { actingUser } from './actingUser';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

const now = () => new Date().toISOString();

function decodeUpdate(text: string): Uint8Array {
  const bytes = base64ToBytes(text);
  try {
    assertDocUpdate(bytes);
  } catch {
    throw new UserError('validation', { key: 'deskUpdateUnreadable' }, [
      { path: 'update', message: 'is not a Yjs update' },
    ]);
  }
  return bytes;
}

function requireArticle(ctx: HandlerContext, articleId: string) {
  const meta = getArticleMeta(ctx.db, articleId);
  if (!meta)
    throw new UserError('not_found', { key: 'noSuchArticle', params: { id: articleId } }, [
      { path: 'articleId', message: 'not found' },
    ]);
  return meta;
}

export const deskHandlers = {
  'desk:config': (_input, ctx) => readDeskConfig(ctx.db),
  'desk:configure': ({ url, token }, ctx) => writeDeskConnection(ctx.db, url, token),
  'desk:set-enabled': ({ enabled }, ctx) => writeDeskEnabled(ctx.db, enabled),
  'desk:set-user': (user, ctx) => writeDeskUser(ctx.db, user),
  'desk:load-doc': ({ doc }, ctx) => {
    const stored = loadDoc(ctx.db, doc, now());
    return {
      state: stored.state ? bytesToBase64(stored.state) : null,
      pending: stored.pending,
      lastSeq: stored.lastSeq,
    };
  },
  'desk:append-update': ({ doc, update, pending }, ctx) => ({
    seq: appendDocUpdate(ctx.db, doc, decodeUpdate(update), pending, now()),
  }),
  'desk:mark-synced': ({ doc, upTo }, ctx) => {
    markDocSynced(ctx.db, doc, upTo);
    return { total: pendingUpdates(ctx.db).total };
  },
  'desk:pending': (_input, ctx) => pendingUpdates(ctx.db),
  'desk:link-article': ({ articleId }, ctx) => {
    requireArticle(ctx, articleId);
    linkDeskArticle(ctx.db, { articleId, sharedBy: actingUser(ctx), sharedAt: now() });
    return deskArticleLink(ctx.db, articleId)!;
  },
  'desk:links': (_input, ctx) => deskArticleLinks(ctx.db),
  'desk:claims-read': ({ articleId }, ctx) => {
    requireArticle(ctx, articleId);
    return deskClaimState(ctx.db, articleId);
  },
  'desk:claims-apply': ({ articleId, records, passes }, ctx) => {
    requireArticle(ctx, articleId);
    const parsed = records.map((r, i) => {
      const record = parseClaimRecord(typeof r.id === 'string' ? r.id : '', r);
      if (!record)
        throw new UserError('validation', { key: 'deskClaimMalformed', params: { n: i + 1 } }, [
          { path: `records.${i}`, message: 'is not a claim record' },
        ]);
      return record;
    });
    return { changed: applyDeskClaims(ctx.db, articleId, parsed, parseGatePasses(passes), now()) };
  },
  'desk:adopt-article': ({ articleId, headline, language, sharedBy, sharedAt }, ctx) => {
    const existing = getArticleMeta(ctx.db, articleId);
    if (existing) {
      linkDeskArticle(ctx.db, { articleId, sharedBy, sharedAt });
      return existing;
    }
    return ctx.db.transaction(() => {
      const doc = createArticle(ctx.db, { id: articleId, headline, language, author: sharedBy }, now());
      linkDeskArticle(ctx.db, { articleId, sharedBy, sharedAt });
      return doc.meta;
    })();
  },
} satisfies HandlerTable<
  | 'desk:config'
  | 'desk:configure'
  | 'desk:set-enabled'
  | 'desk:set-user'
  | 'desk:load-doc'
  | 'desk:append-update'
  | 'desk:mark-synced'
  | 'desk:pending'
  | 'desk:link-article'
  | 'desk:links'
  | 'desk:claims-read'
  | 'desk:claims-apply'
  | 'desk:adopt-article'
>;
