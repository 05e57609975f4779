import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-facts';
import { migration0003 } from './0003-articles';
import { migration0004 } from './0004-claims';
import { migration0005 } from './0005-detect-dismissals';
import { migration0006 } from './0006-fts-without-prefix';
import { migration0007 } from './0007-desk-docs';
import { migration0008 } from './0008-claim-rechecks-desk-facts';
import { migration0009 } from './0009-comments';
import { migration0010 } from './0010-search-indexes';
import { migration0011 } from './0011-corrections';
import { migration0012 } from './0012-source-documents';
import { migration0013 } from './0013-desk-file-uploads';
import { migration0014 } from './0014-article-blocks';
import { migration0015 } from './0015-search-build';
import type { Migration } from './types';

export type { Migration } from './types';

/** Append only: one file per schema version. Never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
];
