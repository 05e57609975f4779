import { z } from 'zod';
import { FACTPACK_VERSION, factPackSchema } from './schema';

/**
 * The JSON Schema published at resources/schemas/factpack.schema.json, derived from the
 * same zod schema the importer uses so the two cannot drift (a test compares them).
 * It describes the shape; rules across records (references, payer ≠ payee, ranges) are
 * checked by the importer and listed in the description.
 */
export function factPackJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(factPackSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `https://factdesk.invalid/schemas/factpack-v${FACTPACK_VERSION}.schema.json`,
    title: `Factdesk fact pack, version ${FACTPACK_VERSION}`,
    description:
      'Verified facts (entities, roles, deals, quotes, sources, citations) exchanged between desks. ' +
      'Ids are stable across stores. Amounts are integer minor units with an ISO 4217 currency. ' +
      'Beyond this shape the importer checks: ids are unique per list; every reference points to a record in the pack ' +
      'or in the importing store; role persons are people; payer and payee differ; amounts fit their precision; ' +
      'periods do not end before they start; embedded files match their SHA-256.',
    ...rest,
  };
}
