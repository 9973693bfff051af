import type { AnalysisId } from '../core/api/analyses.js';
import type { AnalysisCommand } from './analysis-command.js';
import { complexityCommand } from './commands/complexity.js';
import { coverageCommand } from './commands/coverage.js';
import { deadCodeCommand } from './commands/deadcode.js';
import { depsCommand } from './commands/deps.js';
import { hotspotsCommand } from './commands/hotspots.js';
import { markersCommand } from './commands/markers.js';
import { flakyCommand } from './commands/tests.js';

/** How the CLI shows each analysis (its command's name and description come from its descriptor). */
export const analysisCommands: { [Id in AnalysisId]: AnalysisCommand<Id, never> } = {
  code: complexityCommand,
  deadCode: deadCodeCommand,
  history: hotspotsCommand,
  dependencies: depsCommand,
  markers: markersCommand,
  coverage: coverageCommand,
  tests: flakyCommand,
};
