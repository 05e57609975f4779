import { dispatch } from '../../main/handlers';
import { cliContext } from '../context';
import { parseArgs, UsageError } from '../io';
import { reportImport } from './facts';
import type { CliCommand } from './types';

export const sampleCommand: CliCommand = {
  name: 'sample',
  summary: 'Load the sample fact pack (invented clubs, people, deals and quotes)',
  usage: 'factdesk sample [--update] [--data-dir <dir>]',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['update'] });
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    const ctx = cliContext(flags);
    try {
      const result = await dispatch('facts:load-sample', { update: flags.update === true }, ctx);
      if (!result.ok) {
        io.err(result.error.message);
        return 1;
      }
      return reportImport(io, result.value);
    } finally {
      ctx.db.close();
    }
  },
};
