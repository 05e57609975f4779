import fs from 'node:fs';
import type { factsContract } from '../../shared/contract/facts';
import { UserError } from '../../shared/result';
import { auditTrail } from '../../store/audit-trail';
import { createBackupNow } from '../../store/backups';
import { createCitation, deleteCitation, updateCitation } from '../../store/citations';
import { createDeal, dealView, deleteDeal, updateDeal } from '../../store/deals';
import { createEntity, deleteEntity, entityView, suggestEntities, updateEntity } from '../../store/entities';
import { factStats } from '../../store/fact-stats';
import { buildFactPack, importFactPack } from '../../store/factpacks';
import { readStoredFile } from '../../store/files';
import { createQuote, deleteQuote, quoteView, updateQuote } from '../../store/quotes';
import { createRole, deleteRole, roleAtTime, updateRole } from '../../store/roles';
import { searchFacts } from '../../store/search';
import {
  attachFile,
  createSource,
  deleteSource,
  detachFile,
  getSource,
  sourceView,
  updateSource,
} from '../../store/sources';
import { fetchSourceFile } from '../desk-facts/source-files';
import { forgetDocument } from '../../store/source-documents';
import { samplePackPath } from '../resources';
import { cancelExtraction, readUnreadFiles } from '../sources/jobs';
import { actorOf } from './actingUser';
import type { HandlerContext } from './context';
import { readAttachedFile } from './sources';
import type { HandlerTable } from './table';

const deleted = { deleted: true } as const;

/** A fact pack that will write something is preceded by a backup, so an unwanted import can be undone. */
const backupBeforeImport = (ctx: HandlerContext) => () =>
  void createBackupNow(ctx.db, ctx.dataDir, 'before-import');

function readSamplePack(): unknown {
  const file = samplePackPath();
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new UserError('unavailable', {
      key: 'samplePackUnreadable',
      params: { file, detail: (err as Error).message },
    });
  }
}

export const factsHandlers = {
  'facts:search': (input, ctx) => searchFacts(ctx.db, input),
  'facts:stats': (_input, ctx) => factStats(ctx.db),
  'facts:audit': ({ recordType, recordId }, ctx) => auditTrail(ctx.db, recordType, recordId),

  'facts:entity-get': ({ id }, ctx) => entityView(ctx.db, id),
  'facts:entity-create': (input, ctx) => createEntity(ctx.db, input, actorOf(ctx)),
  'facts:entity-update': (input, ctx) => updateEntity(ctx.db, input, actorOf(ctx)),
  'facts:entity-delete': ({ id }, ctx) => (deleteEntity(ctx.db, id, actorOf(ctx)), deleted),
  'facts:entity-suggest': ({ query, kinds, limit }, ctx) => suggestEntities(ctx.db, query, { kinds, limit }),

  'facts:role-create': (input, ctx) => createRole(ctx.db, input, actorOf(ctx)),
  'facts:role-update': (input, ctx) => updateRole(ctx.db, input, actorOf(ctx)),
  'facts:role-delete': ({ id }, ctx) => (deleteRole(ctx.db, id, actorOf(ctx)), deleted),
  'facts:role-at': ({ personId, date }, ctx) => ({ roleAtTime: roleAtTime(ctx.db, personId, date) }),

  'facts:deal-get': ({ id }, ctx) => dealView(ctx.db, id),
  'facts:deal-create': (input, ctx) => createDeal(ctx.db, input, actorOf(ctx)),
  'facts:deal-update': (input, ctx) => updateDeal(ctx.db, input, actorOf(ctx)),
  'facts:deal-delete': ({ id }, ctx) => (deleteDeal(ctx.db, id, actorOf(ctx)), deleted),

  'facts:quote-get': ({ id }, ctx) => quoteView(ctx.db, id),
  'facts:quote-create': (input, ctx) => createQuote(ctx.db, input, actorOf(ctx)),
  'facts:quote-update': (input, ctx) => updateQuote(ctx.db, input, actorOf(ctx)),
  'facts:quote-delete': ({ id }, ctx) => (deleteQuote(ctx.db, id, actorOf(ctx)), deleted),

  'facts:source-get': ({ id }, ctx) => sourceView(ctx.db, ctx.dataDir, id),
  'facts:source-create': (input, ctx) => createSource(ctx.db, input, actorOf(ctx)),
  'facts:source-update': (input, ctx) => updateSource(ctx.db, input, actorOf(ctx)),
  'facts:source-delete': ({ id }, ctx) => {
    deleteSource(ctx.db, id, actorOf(ctx));
    cancelExtraction(ctx, id);
    return deleted;
  },
  // The file's text is read as soon as it is stored (docs/sources.md); a PDF goes on in the background.
  'facts:source-attach-file': async ({ sourceId, fileName, base64 }, ctx) => {
    const source = attachFile(
      ctx.db,
      ctx.dataDir,
      sourceId,
      fileName,
      Buffer.from(base64, 'base64'),
      actorOf(ctx),
    );
    await readAttachedFile(ctx, sourceId);
    return source;
  },
  'facts:source-detach-file': ({ sourceId }, ctx) => {
    const source = detachFile(ctx.db, sourceId, actorOf(ctx));
    cancelExtraction(ctx, sourceId);
    forgetDocument(ctx.db, sourceId);
    return source;
  },
  'facts:source-file': async ({ sourceId }, ctx) => {
    const source = getSource(ctx.db, sourceId);
    if (!source) throw new UserError('not_found', { key: 'noSuchSource', params: { id: sourceId } });
    let bytes = source.fileHash ? readStoredFile(ctx.dataDir, source.fileHash) : null;
    if (!bytes && source.fileHash) {
      // A colleague's file: the desk has it by its hash.
      const fetched = await fetchSourceFile(ctx.db, ctx.dataDir, source.fileHash);
      if (fetched && 'error' in fetched)
        throw new UserError('unavailable', {
          key: 'deskFileNotFetched',
          params: { title: source.title, detail: fetched.error },
        });
      bytes = fetched?.bytes ?? null;
    }
    if (!bytes)
      throw new UserError('not_found', { key: 'sourceFileMissing', params: { title: source.title } });
    return { fileName: source.fileName ?? 'file', size: bytes.length, base64: bytes.toString('base64') };
  },

  'facts:citation-create': (input, ctx) => createCitation(ctx.db, input, actorOf(ctx)),
  'facts:citation-update': (input, ctx) => updateCitation(ctx.db, input, actorOf(ctx)),
  'facts:citation-delete': ({ id }, ctx) => (deleteCitation(ctx.db, id, actorOf(ctx)), deleted),

  'facts:export-pack': ({ refs, includeFiles, title }, ctx) =>
    buildFactPack(ctx.db, { refs, includeFiles, dataDir: ctx.dataDir, title }),
  'facts:import-pack': ({ pack, update }, ctx) => {
    const report = importFactPack(ctx.db, pack, {
      update,
      actor: actorOf(ctx),
      dataDir: ctx.dataDir,
      beforeWrite: backupBeforeImport(ctx),
    });
    // The pack's files are read in the background in the app; a CLI run would end before them.
    if (ctx.platform.kind !== 'cli') void readUnreadFiles(ctx);
    return report;
  },
  'facts:load-sample': ({ update }, ctx) =>
    importFactPack(ctx.db, readSamplePack(), {
      update,
      actor: { ...actorOf(ctx), via: 'sample facts' },
      dataDir: ctx.dataDir,
      beforeWrite: backupBeforeImport(ctx),
    }),
} satisfies HandlerTable<keyof typeof factsContract>;
