import type { z } from 'zod';
import type { AnyChannelSpec, ChannelSpec } from './define';
import { appContract } from './app';
import { articlesContract } from './articles';
import { backupsContract } from './backups';
import { claimsContract } from './claims';
import { deskContract } from './desk';
import { commentsContract } from './comments';
import { correctionsContract } from './corrections';
import { detectContract } from './detect';
import { factsContract } from './facts';
import { factsDeskContract } from './facts-desk';
import { sourcesContract } from './sources';
import { spellContract } from './spell';
import { transferContract } from './transfer';
import type { Result } from '../result';

/**
 * Every call between renderer and main. Each domain adds its own table and one
 * spread line here; main, preload, the browser shell and tests all read this object.
 */
export const contract = {
  ...appContract,
  ...articlesContract,
  ...backupsContract,
  ...claimsContract,
  ...deskContract,
  ...commentsContract,
  ...correctionsContract,
  ...detectContract,
  ...factsContract,
  ...factsDeskContract,
  ...sourcesContract,
  ...spellContract,
  ...transferContract,
} satisfies Record<string, AnyChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> =
  Contract[C] extends ChannelSpec<infer I, unknown> ? z.input<I> : never;
export type ChannelParsedInput<C extends Channel> =
  Contract[C] extends ChannelSpec<infer I, unknown> ? z.output<I> : never;
export type ChannelResult<C extends Channel> =
  Contract[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Splits "articles:save" into the namespaced method `api.articles.save`. */
type Namespace<C> = C extends `${infer N}:${string}` ? N : never;
type Method<C, N extends string> = C extends `${N}:${infer M}` ? M : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

export type FactdeskApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as C extends `${N}:${string}` ? Camel<Method<C, N>> : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelResult<C>>>;
  };
} & ShellEvents;

/** Pushes from the shell to the renderer. Each returns an unsubscribe function. */
export interface ShellEvents {
  /** Commands from a native menu (Electron) arrive here. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Called before the window closes; the shell waits (briefly) for the returned promise, e.g. to flush autosave. */
  onBeforeClose(listener: () => Promise<void>): () => void;
  /** Facts arrived from the desk (a colleague's new, changed or deleted fact): lists, panels and search fetch again. */
  onFactsChanged(listener: () => void): () => void;
}

/** The names the shell pushes to the renderer beside menu commands (no payload: the renderer asks again). */
export const SHELL_PUSHES = ['facts-changed'] as const;
export type ShellPush = (typeof SHELL_PUSHES)[number];
/** Where the browser shell serves its pushes as server-sent events. */
export const SHELL_EVENTS_PATH = '/events';

export interface MenuCommand {
  id: string;
  payload?: string;
}

export function methodPath(channel: Channel): [string, string] {
  const [ns, method] = channel.split(':') as [string, string];
  return [ns, method.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
}

/** Builds the namespaced API object from a single invoke function, so every transport exposes the same shape. */
export function buildApi(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  events: ShellEvents,
): FactdeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const ch of CHANNELS) {
    const [ns, method] = methodPath(ch);
    api[ns] ??= {};
    api[ns][method] = (input: unknown) => invoke(ch, input ?? {});
  }
  return Object.assign(api, events) as unknown as FactdeskApi;
}
