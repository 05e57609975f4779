import {
  contract,
  isChannel,
  type Channel,
  type ChannelInput,
  type ChannelResult,
} from '../../shared/contract';
import { appContract } from '../../shared/contract/app';
import { articlesContract } from '../../shared/contract/articles';
import { backupsContract } from '../../shared/contract/backups';
import { claimsContract } from '../../shared/contract/claims';
import { commentsContract } from '../../shared/contract/comments';
import { correctionsContract } from '../../shared/contract/corrections';
import { deskContract } from '../../shared/contract/desk';
import { detectContract } from '../../shared/contract/detect';
import { factsContract } from '../../shared/contract/facts';
import { factsDeskContract } from '../../shared/contract/facts-desk';
import { sourcesContract } from '../../shared/contract/sources';
import { spellContract } from '../../shared/contract/spell';
import { transferContract } from '../../shared/contract/transfer';
import { englishSentence, type ErrorText } from '../../shared/errorText';
import { fail, ok, UserError, type Result } from '../../shared/result';
import type { HandlerContext } from './context';
import { storageError } from './storageErrors';
import { callFinished, callStarted } from './callActivity';
import type { HandlerTable } from './table';

export type { HandlerContext, ShellPlatform } from './context';

// The gate has its own module: asking it must not load the claims' checks.
const {
  'claims:gate': gateChannel,
  'claims:override-gate': overrideGateChannel,
  ...claimsRest
} = claimsContract;

/**
 * Each domain's handlers load on the first call into that domain: a CLI command loads the
 * handlers it calls, not the desk client's Yjs or the importers' code behind other domains
 * (bench/cli.ts). The shells load them all at start (`loadAllHandlers`). The type makes a
 * channel without a handler a compile error, as a single table did.
 */
const domains = {
  app: { channels: appContract, load: async () => (await import('./app')).appHandlers },
  articles: { channels: articlesContract, load: async () => (await import('./articles')).articlesHandlers },
  backups: { channels: backupsContract, load: async () => (await import('./backups')).backupsHandlers },
  claims: { channels: claimsRest, load: async () => (await import('./claims')).claimsHandlers },
  readyGate: {
    channels: { 'claims:gate': gateChannel, 'claims:override-gate': overrideGateChannel },
    load: async () => (await import('./readyGate')).readyGateHandlers,
  },
  comments: { channels: commentsContract, load: async () => (await import('./comments')).commentsHandlers },
  corrections: {
    channels: correctionsContract,
    load: async () => (await import('./corrections')).correctionsHandlers,
  },
  desk: { channels: deskContract, load: async () => (await import('./desk')).deskHandlers },
  detect: { channels: detectContract, load: async () => (await import('./detect')).detectHandlers },
  facts: { channels: factsContract, load: async () => (await import('./facts')).factsHandlers },
  factsDesk: {
    channels: factsDeskContract,
    load: async () => (await import('./factsDesk')).factsDeskHandlers,
  },
  sources: { channels: sourcesContract, load: async () => (await import('./sources')).sourcesHandlers },
  spell: { channels: spellContract, load: async () => (await import('./spell')).spellHandlers },
  transfer: { channels: transferContract, load: async () => (await import('./transfer')).transferHandlers },
} satisfies {
  [name: string]: {
    channels: Partial<typeof contract>;
    load: () => Promise<Partial<HandlerTable<Channel>>>;
  };
};
type Domain = keyof typeof domains;
type DomainChannels<D extends Domain> = keyof (typeof domains)[D]['channels'] & Channel;
// Checked when compiling: "true is not assignable to false" on everyDomainCovered means a domain's
// handlers miss a channel of its contract; on everyChannelInADomain, a contract table is not listed above.
type Covers<D extends Domain> =
  Awaited<ReturnType<(typeof domains)[D]['load']>> extends HandlerTable<DomainChannels<D>> ? D : never;
const everyDomainCovered: Domain extends { [D in Domain]: Covers<D> }[Domain] ? true : false = true;
const everyChannelInADomain: [Exclude<Channel, { [D in Domain]: DomainChannels<D> }[Domain]>] extends [never]
  ? true
  : false = true;
void everyDomainCovered;
void everyChannelInADomain;

const domainOf = new Map<string, Domain>(
  (Object.keys(domains) as Domain[]).flatMap((d) => Object.keys(domains[d].channels).map((c) => [c, d])),
);
const loaded = new Map<Domain, Promise<Partial<HandlerTable<Channel>>>>();

function tableOf(domain: Domain): Promise<Partial<HandlerTable<Channel>>> {
  let table = loaded.get(domain);
  if (!table) {
    table = domains[domain].load();
    loaded.set(domain, table);
    // A failed load (a missing chunk) is tried again on the next call rather than remembered.
    table.catch(() => loaded.delete(domain));
  }
  return table;
}

/** The handler of a channel, its domain loaded if need be. */
export async function handlerFor(
  channel: Channel,
): Promise<(input: unknown, ctx: HandlerContext) => unknown> {
  const table = await tableOf(domainOf.get(channel)!);
  return table[channel] as (input: unknown, ctx: HandlerContext) => unknown;
}

/** Loads every domain's handlers: the shells call it at start so no user's first call waits for a load. */
export async function loadAllHandlers(): Promise<void> {
  await Promise.all((Object.keys(domains) as Domain[]).map(tableOf));
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(input)' : path.map(String).join('.');
}

/** Whether a store started on a read-only folder could now open the folder's own store; a failure there keeps the copy. */
function reopened(ctx: HandlerContext): boolean {
  try {
    return ctx.reopenWritable?.() ?? false;
  } catch (err) {
    console.error('[handlers] the data folder is writable again, but its store did not open', err);
    return false;
  }
}

/**
 * The single way into the handlers for every transport: checks the channel, validates
 * the input against the contract, and turns every failure into a typed error value.
 */
export function dispatch<C extends Channel>(
  channelName: C,
  rawInput: ChannelInput<C>,
  ctx: HandlerContext,
): Promise<Result<ChannelResult<C>>>;
export function dispatch(
  channelName: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>>;
export async function dispatch(
  channelName: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  callStarted();
  try {
    return await dispatchCall(channelName, rawInput, ctx);
  } finally {
    callFinished();
  }
}

async function dispatchCall(
  channelName: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  if (!isChannel(channelName)) {
    return fail('unknown_channel', `Unknown call "${String(channelName).slice(0, 80)}".`);
  }
  const parsed = contract[channelName].input.safeParse(rawInput);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      path: describePath(issue.path),
      message: issue.message,
    }));
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return fail('validation', `Invalid input for ${channelName} — ${summary}`, fields);
  }
  try {
    const handler = await handlerFor(channelName);
    return ok(await handler(parsed.data, ctx));
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.toAppError() };
    const storage = storageError(err, ctx.dataDir);
    if (storage) {
      // Started on a read-only folder: once it is writable again, the real store opens and the call runs there.
      if (storage.storage?.problem === 'read-only' && reopened(ctx))
        return dispatch(channelName, rawInput, ctx);
      const text: ErrorText = {
        key: 'cannotWrite',
        params: { reason: { key: storage.key!, params: storage.params } },
      };
      return { ok: false, error: { ...storage, ...text, message: englishSentence(text) } };
    }
    console.error(`[handlers] ${channelName} failed`, err);
    const text: ErrorText = {
      key: 'somethingWentWrong',
      params: { channel: channelName, detail: err instanceof Error ? err.message : String(err) },
    };
    return { ok: false, error: { code: 'internal', message: englishSentence(text), ...text } };
  }
}
