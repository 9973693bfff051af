// Runs the scan worker straight from its TypeScript source, so tests exercise the real worker
// thread without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../../core/scan/scan-worker.js');
