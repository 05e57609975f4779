import type { CliIO } from '../io';

export interface CliCommand {
  name: string;
  /** One line for `factdesk --help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}
