import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { appendChange, changesArray } from '../shared/desk/fact-changes';
import { mirrorReportMessage } from '../shared/desk/mirror-report';
import { startDeskServer, type RunningDeskServer } from './server';
import { connectTestClient, eventually } from './testing/client';
import { addDeskUser } from './users';

/**
 * The job inside a running server against documents nobody has open (read from storage, written
 * only when something goes) and on its schedule. The members' side is in
 * src/main/desk-facts/prune.test.ts.
 */
const dirs: string[] = [];
const servers: RunningDeskServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function server(changeLog: { everyMs: number }, file?: string): Promise<RunningDeskServer> {
  if (!file) {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-prune-job-'));
    dirs.push(dir);
    file = join(dir, 'desk.sqlite');
  }
  const running = await startDeskServer({
    storage: { kind: 'sqlite', file },
    changeLog: {
      keepMs: 24 * 60 * 60 * 1000,
      maxEntries: 1000,
      memberHorizonMs: 24 * 60 * 60 * 1000,
      ...changeLog,
    },
  });
  servers.push(running);
  return running;
}

/** The same storage under a new server process: no document is loaded. */
async function restart(desk: RunningDeskServer): Promise<RunningDeskServer> {
  await desk.stop();
  return server({ everyMs: 0 }, desk.storage.location);
}

const entry = (id: string, at: string) => ({
  id,
  recordId: 'deal-1',
  action: 'update' as const,
  changes: [],
  by: 'Ida Sommer',
  at,
});
const OLD = '2020-01-01T00:00:00.000Z';

/** Writes entries into a facts document through a real client, then leaves it so the server stores and unloads it. */
async function writeAndLeave(
  desk: RunningDeskServer,
  token: string,
  ids: string[],
  report?: { member: string },
) {
  const client = connectTestClient({ url: desk.url, token, documentName: 'facts/deal/1' });
  await client.synced;
  client.doc.transact(() =>
    ids.forEach((id) => appendChange(client.doc, entry(id, id === 'new' ? new Date().toISOString() : OLD))),
  );
  await eventually(() => !client.provider.hasUnsyncedChanges, 'the server has the entries');
  if (report) {
    // What a member that mirrored only the first entry would say: the client's clock after it.
    const firstOnly = Y.encodeStateVector(new Map([[client.doc.clientID, 1]]));
    client.provider.sendStateless(mirrorReportMessage(report.member, firstOnly));
  }
  client.destroy();
  await eventually(async () => {
    const stored = await desk.storage.fetchDocument('facts/deal/1');
    if (!stored) return false;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    return changesArray(doc).length === ids.length;
  }, 'the document stored');
}

async function storedLog(desk: RunningDeskServer): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await desk.storage.fetchDocument('facts/deal/1'))!);
  return changesArray(doc)
    .toArray()
    .map((e) => (e as { id: string }).id);
}

describe('the change-log pruning job in the server', () => {
  it('prunes a document nobody has open, holding back what a reporting member lacks', async () => {
    let desk = await server({ everyMs: 0 });
    const { token } = await addDeskUser(desk.storage, 'Ida Sommer', 'checker');
    const member = '00000000-0000-4000-8000-00000000000a';
    await writeAndLeave(desk, token, ['a', 'b', 'new'], { member });
    await eventually(async () => (await desk.storage.listMembers()).length === 1, 'the report stored');
    desk = await restart(desk);

    const run = await desk.pruneChangeLogs();
    // a is mirrored by the only member; b is old but not mirrored; "new" is younger than a day.
    expect(run).toMatchObject({ documents: 1, prunedDocuments: 1, removed: 1, left: 2, heldBack: 1 });
    expect(run.waitingFor).toMatchObject([{ member, user: 'Ida Sommer', lacking: 1 }]);
    expect(await storedLog(desk)).toEqual(['b', 'new']);
    expect(await desk.storage.listPruneRuns(1)).toEqual([run]);

    // Once the member is forgotten (revoked), nothing holds b back.
    await desk.storage.revokeUser('Ida Sommer');
    const after = await desk.pruneChangeLogs();
    expect(after).toMatchObject({ removed: 1, left: 1, heldBack: 0 });
    expect(after.forgotten).toMatchObject([{ member, user: 'Ida Sommer' }]);
    expect(await storedLog(desk)).toEqual(['new']);
  });

  it('does not write a document it has nothing to take from', async () => {
    let desk = await server({ everyMs: 0 });
    const { token } = await addDeskUser(desk.storage, 'Ida Sommer', 'checker');
    await writeAndLeave(desk, token, ['new']);
    desk = await restart(desk);
    const before = (await desk.storage.listDocuments())[0].updatedAt;
    expect(await desk.pruneChangeLogs()).toMatchObject({
      documents: 1,
      prunedDocuments: 0,
      removed: 0,
      left: 1,
    });
    expect((await desk.storage.listDocuments())[0].updatedAt).toBe(before);
  });

  it('runs at start and then on its schedule by itself', async () => {
    const desk = await server({ everyMs: 60_000 });
    await eventually(async () => (await desk.storage.listPruneRuns(10)).length === 1, 'the run at start');
    const scheduled = await server({ everyMs: 50 });
    await eventually(
      async () => (await scheduled.storage.listPruneRuns(10)).length >= 3,
      'runs on the schedule',
    );
    // Longer than Node's timers hold: it would run every millisecond instead.
    await expect(server({ everyMs: 30 * 24 * 60 * 60 * 1000 })).rejects.toThrow(
      /changeLog.everyMs must be from 0 to/,
    );
  });
});
