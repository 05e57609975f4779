import { UserError } from '../../shared/result';
import { ARTICLE_BODY_SCHEMA_VERSION } from '../../shared/contract/articles';
import type { BodyVersionError } from '../../store/articleBody';

/** An article that is not (or no longer) in the store, named by the field that asked for it. */
export function articleGone(id: string | number, field: string): UserError {
  return new UserError('not_found', { key: 'articleGone', params: { id } }, [
    { path: field, message: 'not found' },
  ]);
}

/** A body written by a newer Factdesk: it stays as it is, unread and unchanged. */
export function newerBody(err: BodyVersionError): UserError {
  return new UserError('conflict', {
    key: 'newerBody',
    params: { version: err.version, known: ARTICLE_BODY_SCHEMA_VERSION },
  });
}
