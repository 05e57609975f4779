// One malformed-file case in its own Node process, so its peak memory is its own and a crash
// is seen as a crash: `node malformed-case.mjs '<json>'` prints one JSON line with the outcome.
// The parent compares the store before and after; nothing here holds more than the call needs.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { DATABASE_FILE, openDatabase } from '../../src/store/db';

interface CaseSpec {
  dataDir: string;
  channel: 'import:path' | 'facts:import-pack';
  /** import:path: the file; facts:import-pack: a JSON file holding the pack. */
  file: string;
  /** facts:import-pack only: make the parsed pack refer to itself. */
  cyclic?: boolean;
  /** Text that must not reach the store (the content of a file an entity points at). */
  mustNotContain?: string[];
}

/**
 * Peak resident memory of this process since it started. getrusage's maxRSS is kept across exec,
 * so a child forked from a big test process would report the parent's size; Linux's VmHWM is not.
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // Not Linux: fall through.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const spec = JSON.parse(process.argv[2] ?? '{}') as CaseSpec;
const ctx: HandlerContext = {
  db: openDatabase(path.join(spec.dataDir, DATABASE_FILE)),
  dataDir: spec.dataDir,
  appVersion: 'test',
  os: { userName: 'Erika Prüfer', locale: 'de-DE', platform: 'linux' },
  platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
};
let input: unknown;
if (spec.channel === 'import:path') input = { path: spec.file };
else {
  const pack = JSON.parse(fs.readFileSync(spec.file, 'utf8')) as Record<string, unknown>;
  if (spec.cyclic) (pack.entities as Record<string, unknown>[])[0]!.self = pack;
  input = { pack };
}
const started = Date.now();
const result = await dispatch(spec.channel, input as never, ctx);
const seconds = (Date.now() - started) / 1000;
const refused = !result.ok || (result.value as { applied?: boolean }).applied === false;
const message = !result.ok
  ? result.error.message
  : refused
    ? JSON.stringify((result.value as { problems?: unknown }).problems ?? result.value).slice(0, 400)
    : JSON.stringify(result.value).slice(0, 400);
const stored = ctx.db
  .prepare('SELECT body || kicker || headline || lead FROM articles')
  .pluck()
  .all()
  .join('\n');
const leaked = (spec.mustNotContain ?? []).filter((s) => stored.includes(s));
ctx.db.close();
process.stdout.write(
  `${JSON.stringify({ ok: result.ok, leaked, code: result.ok ? null : result.error.code, refused, message, seconds, peakRssMb: peakRssMb() })}\n`,
);
