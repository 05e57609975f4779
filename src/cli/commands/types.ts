import type { CliIO } from '../io';

export interface CliCommand {
  name: string;
  /** One line for `factdesk --help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/**
 * What `factdesk --help` needs to know of a command without loading it: a command's module
 * pulls in the store, the contract and sometimes import/export libraries, which only the
 * command that runs should pay for.
 */
export interface CliCommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}
