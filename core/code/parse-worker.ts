/** Worker-thread entry that turns file contents into facts, so parsing uses every core. */
import { parentPort } from 'node:worker_threads';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import { type ParseResponse, ParseRequestSchema } from './parse-protocol.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', (message: unknown) => {
  const request = ParseRequestSchema.parse(message);
  const response: ParseResponse = {
    batch: request.batch,
    results: request.files.map(({ path, text }) => {
      try {
        return { path, factsJson: JSON.stringify(extractFacts(path, text)) };
      } catch (error) {
        // A stack overflow on absurdly deep nesting, or a parser bug: that file is reported, the scan goes on.
        const reason = error instanceof RangeError ? 'the code is nested too deeply to analyse' : String(error);
        return { path, error: reason };
      }
    }),
  };
  port.postMessage(response);
});
