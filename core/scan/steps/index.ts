import type { ScanStep } from '../scan-step.js';
import { codeEngineStep } from './code-engine.js';
import { dependencyCheckStep } from './dependency-check.js';
import { gitHistoryStep } from './git-history.js';
import { lineCountsStep } from './line-counts.js';

/** The analyses a scan runs, in order. Later analyzers join the pipeline here. */
export const scanSteps: readonly ScanStep[] = [lineCountsStep, codeEngineStep, gitHistoryStep, dependencyCheckStep];
