import { describe, expect, it } from 'vitest';
import { storageError } from './storageErrors';

describe('storageError', () => {
  it('names a full disk and a read-only folder, and leaves every other error alone', () => {
    expect(
      storageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.message,
    ).toMatch(/^the disk is full/);
    expect(storageError(Object.assign(new Error('x'), { code: 'ENOSPC' }))?.code).toBe('storage');
    expect(storageError(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DBMOVED' }))?.message).toMatch(
      /^the data folder is read-only/,
    );
    expect(storageError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' }))).toBeNull();
    expect(storageError(new Error('no code'))).toBeNull();
  });
});
