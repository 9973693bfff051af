import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Draft } from '../../../core/api/drafts';
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

/**
 * A repository's drafts, newest first, kept live by the `draft` events (a new draft, each step of
 * one being drafted, each decision); of two versions of a draft the later one is shown.
 */
export function useDrafts(repositoryId: number): Loaded<Draft[]> {
  const listed = useRoute('drafts.list', { repositoryId });
  const [pushed, setPushed] = useState<ReadonlyMap<string, Draft>>(new Map());
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'draft' && event.draft.repositoryId === repositoryId) setPushed((previous) => new Map(previous).set(event.draft.id, event.draft));
      }),
    [repositoryId],
  );
  const stored = listed.state === 'ready' ? listed.value : undefined;
  const merged = useMemo(() => {
    if (!stored) return undefined;
    const byId = new Map(stored.map((draft) => [draft.id, draft]));
    for (const draft of pushed.values()) {
      const known = byId.get(draft.id);
      if (draft.repositoryId === repositoryId && (!known || draft.updatedAt >= known.updatedAt)) byId.set(draft.id, draft);
    }
    return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }, [stored, pushed, repositoryId]);
  // Events sent while the stream reconnects are lost: while one is drafting, the list is read again now and then.
  const drafting = merged?.some((draft) => draft.state === 'drafting') ?? false;
  const { reload } = listed;
  useEffect(() => {
    if (!drafting) return;
    const timer = setInterval(reload, draftingRefreshMs);
    return () => clearInterval(timer);
  }, [drafting, reload]);
  return merged ? { state: 'ready', value: merged, reload } : listed;
}

const draftingRefreshMs = 5000;
