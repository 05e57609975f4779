import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userForToken } from './auth';
import { openDeskStorage } from './storage/open';
import type { DeskStorage } from './storage/storage';
import { newDeskToken, tokenHash } from './tokens';
import { addDeskUser, revokeDeskUser } from './users';

describe('desk users in one spelling', () => {
  let dir = '';
  let storage: DeskStorage;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-users-'));
    storage = await openDeskStorage({ kind: 'sqlite', file: join(dir, 'desk.sqlite') });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a user under the normalised name, and refuses the same name typed another way', async () => {
    const added = await addDeskUser(storage, '  Jose\u0301   Pe\u0301rez ', 'checker');
    expect(added.name).toBe('José Pérez');
    expect((await storage.listUsers()).map((u) => u.name)).toEqual(['José Pérez']);
    await expect(addDeskUser(storage, 'José Pérez')).rejects.toThrow(
      'a user named "José Pérez" already exists; revoke them first to issue a new token',
    );
    expect(await userForToken(storage, added.token)).toEqual({
      name: 'José Pérez',
      role: 'checker',
      storedAs: 'José Pérez',
    });
  });

  it('treats a user stored before names were normalised as that name: token, duplicate, revoke', async () => {
    const token = newDeskToken();
    await storage.addUser('Zoe\u0308  Brandt', 'editor', tokenHash(token));
    expect(await userForToken(storage, token)).toEqual({
      name: 'Zoë Brandt',
      role: 'editor',
      storedAs: 'Zoe\u0308  Brandt',
    });
    await expect(addDeskUser(storage, 'Zoë Brandt')).rejects.toThrow('already exists');
    await revokeDeskUser(storage, 'Zoë Brandt');
    await expect(userForToken(storage, token)).rejects.toThrow('unknown or revoked token');
    // A new token for her keeps her row, so the change log's members stay hers.
    const again = await addDeskUser(storage, 'Zoë Brandt', 'viewer');
    expect(await storage.listUsers()).toHaveLength(1);
    expect(await userForToken(storage, again.token)).toMatchObject({ name: 'Zoë Brandt', role: 'viewer' });
    await expect(revokeDeskUser(storage, 'Zoe Brandt')).rejects.toThrow('no active user named "Zoe Brandt"');
  });
});
