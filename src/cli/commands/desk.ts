import { DESK_USAGE } from '../../desk-server/usage';
import type { CliCommand } from './types';

export const deskCommand: CliCommand = {
  name: 'desk',
  summary: 'Run and manage a desk server: serve, add-user, list-users, revoke, forget-store, doctor',
  usage: DESK_USAGE,
  async run(argv, io) {
    // Hocuspocus, pg and the server load only for desk commands, so other commands start fast.
    const { runDeskCommand } = await import('../../desk-server/cli');
    return runDeskCommand(argv, io);
  },
};
