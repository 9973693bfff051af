import { useCallback, useEffect, useState } from 'react';
import type { ScanJob } from '../../../core/api/scans';
import type { RouteInput, RouteName, RouteOutput } from '../../../core/api/routes';
import { ApiFailure, call, subscribe } from './client';
import { jobKey } from '../scan-jobs-context';

export type Loaded<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'failed'; error: ApiFailure; reload: () => void }
  | { state: 'ready'; value: T; reload: () => void };

/** Loads a route's answer, and loads it again when the input changes or reload() is called. */
export function useRoute<R extends RouteName>(route: R, input: RouteInput<R>): Loaded<RouteOutput<R>> {
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ key: string; state: 'ready'; value: RouteOutput<R> } | { key: string; state: 'failed'; error: ApiFailure }>();
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    call(route, JSON.parse(key) as RouteInput<R>).then(
      (value) => current && setResult({ key, state: 'ready', value }),
      (error: unknown) => current && setResult({ key, state: 'failed', error: asFailure(error) }),
    );
    return () => {
      current = false;
    };
  }, [route, key, generation]);

  if (!result || result.key !== key) return { state: 'loading', reload };
  return result.state === 'ready' ? { state: 'ready', value: result.value, reload } : { state: 'failed', error: result.error, reload };
}

export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure({ code: 'internal', message: String(error) });
}

/** The latest state of every scan this session has seen, by repository; updated live. */
export function useScanJobs(): ReadonlyMap<string, ScanJob> {
  const [jobs, setJobs] = useState<ReadonlyMap<string, ScanJob>>(new Map());
  useEffect(() => {
    const update = (job: ScanJob) => setJobs((previous) => new Map(previous).set(jobKey(job.repositoryId, job.purpose), job));
    const unsubscribe = subscribe((event) => event.type === 'scan' && update(event.job));
    void call('scans.list', {}).then((running) => running.forEach(update), () => undefined);
    return unsubscribe;
  }, []);
  return jobs;
}
