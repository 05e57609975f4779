import { z } from 'zod';
import { factId } from '../domain/facts';
import {
  citationFields,
  dealFields,
  entityFields,
  optionalText,
  quoteFields,
  roleFields,
  sourceFields,
} from '../domain/fact-inputs';

/**
 * A fact pack: verified facts exchanged between desks as one JSON file. Ids are stable
 * across stores, so importing a pack twice changes nothing and a newer pack from the same
 * desk updates the records it already brought. Version 1; a reader refuses newer versions.
 */
export const FACTPACK_FORMAT = 'factdesk-factpack';
export const FACTPACK_VERSION = 1;

const sha256 = z
  .string({ message: 'must be a SHA-256 hash' })
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lower-case hex digits)');

export const packEntity = z.object({ id: factId, ...entityFields }).strict();
export const packRole = z.object({ id: factId, ...roleFields }).strict();
export const packDeal = z.object({ id: factId, ...dealFields }).strict();
export const packQuote = z.object({ id: factId, ...quoteFields }).strict();
export const packSource = z
  .object({
    id: factId,
    ...sourceFields,
    fileHash: sha256.nullable().default(null),
    fileName: optionalText(255),
  })
  .strict();
export const packCitation = z.object({ id: factId, ...citationFields }).strict();
export const packFile = z
  .object({
    sha256,
    name: optionalText(255),
    base64: z
      .string({ message: 'must be the file content in base64' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  })
  .strict();

const list = <T extends z.ZodType>(item: T) => z.array(item, { message: 'must be a list' }).default([]);

export const factPackSchema = z
  .object({
    format: z.literal(FACTPACK_FORMAT, { message: `must be "${FACTPACK_FORMAT}"` }),
    version: z.literal(FACTPACK_VERSION, { message: `must be ${FACTPACK_VERSION}` }),
    title: optionalText(200),
    exportedAt: optionalText(40),
    entities: list(packEntity),
    roles: list(packRole),
    deals: list(packDeal),
    quotes: list(packQuote),
    sources: list(packSource),
    citations: list(packCitation),
    files: list(packFile),
  })
  .strict();

export type FactPack = z.output<typeof factPackSchema>;
export type FactPackInput = z.input<typeof factPackSchema>;
export type PackFile = z.output<typeof packFile>;

/** The record lists of a pack, in the order they are validated and written. */
export const PACK_SECTIONS = ['entities', 'sources', 'roles', 'quotes', 'deals', 'citations'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];
