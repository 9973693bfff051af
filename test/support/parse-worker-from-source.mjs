// Runs the parse worker straight from its TypeScript source (see scan-worker-from-source.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../../core/code/parse-worker.js');
