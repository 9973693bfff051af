import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParseRequest, type ParseResult, ParseResponseSchema } from './parse-protocol.js';

export interface SourceText {
  path: string;
  text: string;
}

/** Parses files into facts, calling `onResult` as results arrive. */
export interface Parser {
  parse(files: readonly SourceText[], onResult: (result: ParseResult) => void, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * Parses on the calling thread, for a handful of files (a re-scan after an edit): a worker would
 * cost more to start than the parsing. The parser is loaded on first use.
 */
export class InThreadParser implements Parser {
  private readonly parser = import('./parse-source.js');

  async parse(files: readonly SourceText[], onResult: (result: ParseResult) => void, signal: AbortSignal): Promise<void> {
    const { parseSource } = await this.parser;
    for (const { path, text } of files) {
      signal.throwIfAborted();
      onResult(parseSource(path, text));
    }
  }

  async close(): Promise<void> {}
}

/** Files per message: large enough to keep messaging cheap, small enough to balance the workers. */
const batchSize = 16;

/**
 * Worker threads that parse files into facts. Starting the pool before the files are read lets the
 * workers load the TypeScript parser while git is still delivering content.
 */
export class ParsePool implements Parser {
  private readonly workers: Worker[];

  constructor(workerUrl: URL | string, size = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(workerUrl));
  }

  /** Parses every file, calling `onResult` as results arrive; rejects if a worker dies or the signal aborts. */
  parse(files: readonly SourceText[], onResult: (result: ParseResult) => void, signal: AbortSignal): Promise<void> {
    const batches: (ParseRequest | undefined)[] = [];
    for (let start = 0; start < files.length; start += batchSize) {
      batches.push({ batch: batches.length, files: files.slice(start, start + batchSize) });
    }
    let next = 0;
    let pending = batches.length;
    return new Promise<void>((resolve, reject) => {
      if (pending === 0) return resolve();
      const cleanup: (() => void)[] = [];
      const finish = (error?: unknown): void => {
        for (const undo of cleanup) undo();
        if (error) reject(error);
        else resolve();
      };
      const onAbort = (): void => finish(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      cleanup.push(() => signal.removeEventListener('abort', onAbort));
      for (const worker of this.workers) {
        const feed = (): void => {
          const batch = batches[next];
          // Sent batches are dropped, so the texts are not all held until the last one is parsed.
          batches[next++] = undefined;
          if (batch) worker.postMessage(batch);
        };
        const onMessage = (message: unknown): void => {
          const response = ParseResponseSchema.parse(message);
          for (const result of response.results) onResult(result);
          if (--pending === 0) finish();
          else feed();
        };
        const onError = (error: Error): void => finish(error);
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanup.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
        // Two batches in flight per worker, so it never waits for the next one.
        feed();
        feed();
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
