// Every CLI command, in the order `marginalia --help` lists them.

import type { CliCommand } from '../command';
import { annotateCommand } from './annotate';
import { checkCommand } from './check';
import { entitiesCommand } from './entities';
import { exportCommand } from './export';
import { importCommand } from './import';
import { importAnnotationsCommand } from './importAnnotations';
import { initCommand } from './init';
import { installMergeDriverCommand } from './installMergeDriver';
import { mergeDriverCommand } from './mergeDriver';
import { mentionsCommand } from './mentions';
import { proposeCommand } from './propose';

export const COMMANDS: CliCommand[] = [
  entitiesCommand,
  mentionsCommand,
  initCommand,
  importCommand,
  proposeCommand,
  annotateCommand,
  checkCommand,
  exportCommand,
  importAnnotationsCommand,
  mergeDriverCommand,
  installMergeDriverCommand,
];
