/** Worker-thread entry that turns file contents into facts, so parsing uses every core. */
import { parentPort } from 'node:worker_threads';
import { type ParseResponse, ParseRequestSchema } from './parse-protocol.js';
import { parseSource } from './parse-source.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', (message: unknown) => {
  const request = ParseRequestSchema.parse(message);
  const response: ParseResponse = { batch: request.batch, results: request.files.map(({ path, text }) => parseSource(path, text)) };
  port.postMessage(response);
});
