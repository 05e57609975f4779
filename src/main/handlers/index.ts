import {
  contract,
  isChannel,
  type Channel,
  type ChannelInput,
  type ChannelResult,
} from '../../shared/contract';
import { fail, ok, UserError, type Result } from '../../shared/result';
import { appHandlers } from './app';
import { articlesHandlers } from './articles';
import { backupsHandlers } from './backups';
import { claimsHandlers } from './claims';
import { deskHandlers } from './desk';
import { commentsHandlers } from './comments';
import { correctionsHandlers } from './corrections';
import { detectHandlers } from './detect';
import { factsHandlers } from './facts';
import { factsDeskHandlers } from './factsDesk';
import { sourcesHandlers } from './sources';
import { spellHandlers } from './spell';
import { transferHandlers } from './transfer';
import type { HandlerContext } from './context';
import { storageError } from './storageErrors';
import { callFinished, callStarted } from './callActivity';
import type { HandlerTable } from './table';

export type { HandlerContext, ShellPlatform } from './context';

/** Each domain contributes one table; the type makes a channel without a handler a compile error. */
export const handlers: HandlerTable<Channel> = {
  ...appHandlers,
  ...articlesHandlers,
  ...backupsHandlers,
  ...claimsHandlers,
  ...deskHandlers,
  ...commentsHandlers,
  ...correctionsHandlers,
  ...detectHandlers,
  ...factsHandlers,
  ...factsDeskHandlers,
  ...sourcesHandlers,
  ...spellHandlers,
  ...transferHandlers,
};

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
    const handler = handlers[channelName] as (input: unknown, ctx: HandlerContext) => unknown;
    return ok(await handler(parsed.data, ctx));
  } catch (err) {
    if (err instanceof UserError) return fail(err.code, err.message, err.fields);
    const storage = storageError(err, ctx.dataDir);
    if (storage) {
      // Started on a read-only folder: once it is writable again, the real store opens and the call runs there.
      if (storage.storage?.problem === 'read-only' && reopened(ctx))
        return dispatch(channelName, rawInput, ctx);
      return { ok: false, error: { ...storage, message: `Cannot write: ${storage.message}` } };
    }
    console.error(`[handlers] ${channelName} failed`, err);
    return fail(
      'internal',
      `Something went wrong in ${channelName}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
