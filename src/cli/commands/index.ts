import { articlesCommand } from './articles';
import { claimsCommand } from './claims';
import { deskCommand } from './desk';
import { detectCommand } from './detect';
import { doctorCommand } from './doctor';
import { factsCommand } from './facts';
import { sampleCommand } from './sample';
import type { CliCommand } from './types';

/** Each feature adds its subcommand here. */
export const commands: CliCommand[] = [doctorCommand, articlesCommand, claimsCommand, detectCommand, deskCommand, factsCommand, sampleCommand];
