import type { z } from 'zod';

/**
 * One entry of the IPC contract: the zod schema every input is validated with and,
 * as a phantom type, what the call answers. Results are produced by our own handlers,
 * so they are typed rather than re-validated.
 */
export interface ChannelSpec<I extends z.ZodType, R> {
  input: I;
  /** Never read at run time; carries the result type. */
  result?: R;
}

export const channel =
  <R>() =>
  <I extends z.ZodType>(input: I): ChannelSpec<I, R> => ({ input });

export type AnyChannelSpec = ChannelSpec<z.ZodType, unknown>;
