// Every CLI command, in the order `marginalia --help` lists them.

import type { CliCommand } from '../command';
import { annotateCommand } from './annotate';
import { checkCommand } from './check';
import { entitiesCommand } from './entities';
import { mentionsCommand } from './mentions';
import { proposeCommand } from './propose';

export const COMMANDS: CliCommand[] = [entitiesCommand, mentionsCommand, annotateCommand, checkCommand, proposeCommand];
