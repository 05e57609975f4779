import { describe, expect, it } from 'vitest';
import { storageError } from './storageErrors';

describe('storageError', () => {
  it('names a full disk and a read-only folder with the data folder, and leaves every other error alone', () => {
    const full = storageError(
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      '/media/stick/Factdesk',
    );
    expect(full?.message).toMatch(/^the disk holding the data folder \/media\/stick\/Factdesk is full/);
    expect(full?.storage).toEqual({ problem: 'full', folder: '/media/stick/Factdesk' });
    expect(full).toMatchObject({ key: 'storageFull', params: { folder: '/media/stick/Factdesk' } });
    expect(storageError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/d')?.code).toBe('storage');
    const readOnly = storageError(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DBMOVED' }), '/d');
    expect(readOnly?.message).toMatch(/^the data folder \/d is read-only/);
    expect(readOnly?.storage).toEqual({ problem: 'read-only', folder: '/d' });
    expect(readOnly).toMatchObject({ key: 'storageReadOnly', params: { folder: '/d' } });
    expect(storageError(Object.assign(new Error('x'), { code: 'EROFS' }), '/d')?.storage?.problem).toBe(
      'read-only',
    );
    expect(storageError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' }), '/d')).toBeNull();
    expect(storageError(new Error('no code'), '/d')).toBeNull();
  });
});
