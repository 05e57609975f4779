import { z } from 'zod';
import { channel } from './define';
import { BASE64_PATTERN } from '../desk/base64';
import { ARTICLE_LANGUAGES, type ArticleMeta } from '../domain/articles';
import type { DeskClaimRecord, DeskGatePass } from '../desk/claimRecords';

/** The desk this app talks to. The token is the user's own secret: kept in local settings, never logged. */
export interface DeskConfig {
  url: string | null;
  token: string | null;
  /** False after "Disconnect": the desk stays configured (and allowed by the CSP) but the app stays offline. */
  enabled: boolean;
  /** Who the desk says this token belongs to, once it has answered; revisions and the audit log name them. */
  user: { name: string; role: 'editor' | 'checker' | 'viewer' } | null;
}

export interface DeskStoredDoc {
  state: string | null;
  pending: number;
  lastSeq: number;
}

export interface DeskArticleLinkView {
  articleId: string;
  sharedBy: string;
  sharedAt: string;
}

/** ws:// or wss:// with a host; the desk is the one origin the app may reach. */
export const deskUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'ws:' || url.protocol === 'wss:') &&
        url.hostname !== '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  }, 'must be a ws:// or wss:// address such as ws://127.0.0.1:1234');

export const deskTokenSchema = z
  .string()
  .trim()
  .min(8, 'is too short to be a desk token')
  .max(500)
  .regex(/^[\x21-\x7e]+$/, 'must be the token exactly as "factdesk desk add-user" printed it');

/** Document names are checked again by the desk; here only their shape, to keep junk out of the table. */
export const deskDocSchema = z
  .string()
  .max(200)
  .regex(
    /^(article\/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}|index\/articles|facts\/[a-z]+\/[0-9]{1,2})$/,
    'is not a desk document name',
  );

const articleIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'is not an article id');
const none = z.object({}).strict().optional();

export const deskContract = {
  'desk:config': channel<DeskConfig>()(none),
  'desk:configure': channel<DeskConfig>()(z.object({ url: deskUrlSchema, token: deskTokenSchema }).strict()),
  'desk:set-enabled': channel<DeskConfig>()(z.object({ enabled: z.boolean() }).strict()),
  'desk:set-user': channel<DeskConfig>()(
    z
      .object({ name: z.string().trim().min(1).max(120), role: z.enum(['editor', 'checker', 'viewer']) })
      .strict(),
  ),
  'desk:load-doc': channel<DeskStoredDoc>()(z.object({ doc: deskDocSchema }).strict()),
  'desk:append-update': channel<{ seq: number }>()(
    z
      .object({
        doc: deskDocSchema,
        update: z
          .string()
          .min(4)
          .max(64 * 1024 * 1024)
          .regex(BASE64_PATTERN, 'must be base64'),
        pending: z.boolean(),
      })
      .strict(),
  ),
  'desk:mark-synced': channel<{ total: number }>()(
    z.object({ doc: deskDocSchema, upTo: z.number().int().min(0) }).strict(),
  ),
  'desk:pending': channel<{ total: number; docs: { doc: string; pending: number }[] }>()(none),
  'desk:link-article': channel<DeskArticleLinkView>()(z.object({ articleId: articleIdSchema }).strict()),
  'desk:links': channel<DeskArticleLinkView[]>()(none),
  /** The article's claims and ready-gate passes as they travel in its desk document. */
  'desk:claims-read': channel<{ records: DeskClaimRecord[]; passes: DeskGatePass[] }>()(
    z.object({ articleId: articleIdSchema }).strict(),
  ),
  /** Claims that arrived from the desk, into the local tables (each record is checked by the handler). */
  'desk:claims-apply': channel<{ changed: number }>()(
    z
      .object({
        articleId: articleIdSchema,
        records: z.array(z.record(z.string(), z.unknown())).max(5000),
        passes: z.array(z.unknown()).max(1000),
      })
      .strict(),
  ),
  /** Makes a local article for a desk article seen for the first time; the desk document fills it. */
  'desk:adopt-article': channel<ArticleMeta>()(
    z
      .object({
        articleId: articleIdSchema,
        headline: z.string().max(500),
        language: z.enum(ARTICLE_LANGUAGES),
        sharedBy: z.string().max(120),
        sharedAt: z.string().max(40),
      })
      .strict(),
  ),
};
