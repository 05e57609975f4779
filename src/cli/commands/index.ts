import { articlesCommand } from './articles';
import { backupCommand, restoreCommand } from './backup';
import { claimsCommand } from './claims';
import { detectCommand } from './detect';
import { doctorCommand } from './doctor';
import { factsCommand } from './facts';
import { sampleCommand } from './sample';
import type { CliCommand } from './types';

/** Each feature adds its subcommand here. */
export const commands: CliCommand[] = [doctorCommand, articlesCommand, claimsCommand, detectCommand, factsCommand, sampleCommand, backupCommand, restoreCommand];
