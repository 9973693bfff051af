import { type FormEvent, useState } from 'react';
import type { Repository } from '../../../core/api/repositories';
import { call } from '../api/client';
import { asFailure } from '../api/hooks';
import { ErrorMessage } from './ErrorMessage';

/** Add a repository by path; on the desktop a native folder dialog fills the path in. */
export function AddRepositoryForm({ canPickDirectory, onAdded }: { canPickDirectory: boolean; onAdded: (repository: Repository) => void }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = async (candidate: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onAdded(await call('repositories.add', { path: candidate }));
      setPath('');
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add(path);
  };
  const pick = async () => {
    try {
      const chosen = (await call('app.pickDirectory', {})).path;
      if (chosen) {
        setPath(chosen);
        await add(chosen);
      }
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };

  return (
    <form className="add-repository" onSubmit={submit} aria-label="Add a repository">
      <label htmlFor="repository-path">Add a local git repository</label>
      <div className="row">
        <input
          id="repository-path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/path/to/your/repository"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" disabled={busy || path.trim() === ''}>
          Add
        </button>
        {canPickDirectory && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void pick()}>
            Choose folder…
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
