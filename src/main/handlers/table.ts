import type { Channel, ChannelParsedInput, ChannelResult } from '../../shared/contract';
import type { HandlerContext } from './context';

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext,
) => ChannelResult<C> | Promise<ChannelResult<C>>;

export type HandlerTable<C extends Channel> = { [K in C]: Handler<K> };
