import { useState } from 'react';
import type { Identities, MergeSuggestion, PersonReport } from '../../../core/api/identities';
import { call } from '../api/client';
import { asFailure, useRoute } from '../api/hooks';
import { formatNumber, plural } from '../format';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { Tile } from './Tile';

/** A change to the identity map, as the call that makes it. */
type Change = () => Promise<unknown>;

/**
 * The authors of a repository as Steward counts them: people (each once, whatever emails they used)
 * and bots apart, with merges to confirm. The list follows every change at once; the analyses count
 * with the map from the next scan (the snapshot records the map it used, so the page says when the
 * latest one is behind).
 */
export function PeopleView({ repositoryId }: { repositoryId: number }) {
  const identities = useRoute('identities.list', { repositoryId });
  const [failure, setFailure] = useState<ReturnType<typeof asFailure> | null>(null);
  const change = async (run: Change) => {
    setFailure(null);
    try {
      await run();
    } catch (error) {
      setFailure(asFailure(error));
    }
    identities.reload();
  };
  return (
    <Loading loaded={identities}>
      {(value) => (
        <>
          {failure && <ErrorMessage error={failure} />}
          <People identities={value} onChange={(next) => void change(next)} />
        </>
      )}
    </Loading>
  );
}

function People({ identities, onChange }: { identities: Identities; onChange: (change: Change) => void }) {
  const { people, bots, suggestions, usedByScan, current, snapshotId } = identities;
  if (snapshotId === null) return <p className="empty">Not scanned yet. Press Scan to list the people who wrote this repository.</p>;
  const botCommits = bots.reduce((sum, bot) => sum + bot.commits, 0);
  const behind = usedByScan === null || usedByScan.digest !== current.digest;
  const names = new Map(people.map((person) => [person.key, person]));
  return (
    <div className="people">
      <dl className="tiles">
        <Tile label="People" value={people.length} />
        <Tile label="Bots" value={bots.length === 0 ? 0 : `${plural(bots.length, 'bot')}, ${plural(botCommits, 'commit')}`} dimZero />
        <Tile label="Suggested merges" value={suggestions.length} dimZero />
      </dl>
      <p className="muted">
        Authors of the latest scan, after the repository's <code>.mailmap</code>
        {usedByScan?.mailmap === 'read' ? ' (read from the scanned commit)' : usedByScan?.mailmap === 'too large' ? ' (too large to read: not applied)' : ' (the scanned commit has none)'}.
        Bots are set apart: they own no file and count in no author total. Merges and marks apply in every repository in Steward; this list follows them at once,
        ownership, knowledge islands, files whose owners left and contributor counts <strong>take effect at the next scan</strong>.
      </p>
      {behind && (
        <p className="warnings" role="status">
          {usedByScan === null
            ? 'The latest snapshot was taken before Steward resolved identities: scan again to count each person once.'
            : 'The identity map changed since the latest scan: scan again for ownership and contributor counts to use it.'}
        </p>
      )}

      <h2>Suggested merges</h2>
      {suggestions.length === 0 ? (
        <p className="empty">No two people look like one. Merge by hand with “Merge into…” below.</p>
      ) : (
        <ul className="plain-list suggestions" aria-label="Suggested merges">
          {suggestions.map((suggestion) => (
            <Suggestion key={`${suggestion.into}\0${suggestion.merge.join('\0')}`} suggestion={suggestion} names={names} onAccept={() => onChange(() => call('identities.merge', { into: suggestion.into, merge: suggestion.merge }))} />
          ))}
        </ul>
      )}

      <h2>People</h2>
      <PeopleTable label="People" rows={people} everyone={people} onChange={onChange} />

      <h2>Bots</h2>
      <p className="muted">
        {bots.length === 0
          ? 'No author looks like a bot. Mark one with “Mark as bot” above.'
          : `${plural(bots.length, 'bot')}, ${plural(botCommits, 'commit')}: recognised by their names and emails (GitHub Apps' [bot] accounts, Dependabot, Renovate, GitHub Actions…) or marked by you.`}
      </p>
      {bots.length > 0 && <PeopleTable label="Bots" rows={bots} everyone={people} onChange={onChange} />}
    </div>
  );
}

function Suggestion({ suggestion, names, onAccept }: { suggestion: MergeSuggestion; names: ReadonlyMap<string, PersonReport>; onAccept: () => void }) {
  const label = (key: string) => {
    const person = names.get(key);
    return person ? `${person.name} <${person.identities[0]?.email ?? key}>` : key;
  };
  return (
    <li className="suggestion">
      <div>
        <strong>{suggestion.merge.map(label).join(', ')}</strong> → <strong>{label(suggestion.into)}</strong>
        <div className="muted note">{suggestion.reasons.join('; ')}</div>
      </div>
      <button type="button" className="secondary" onClick={onAccept} aria-label={`Merge ${suggestion.merge.map(label).join(', ')} into ${label(suggestion.into)}`}>
        Merge
      </button>
    </li>
  );
}

function PeopleTable({ label, rows, everyone, onChange }: { label: string; rows: readonly PersonReport[]; everyone: readonly PersonReport[]; onChange: (change: Change) => void }) {
  return (
    <table aria-label={label} className="people-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Emails</th>
          <th className="number">Commits</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((person) => (
          <tr key={person.key}>
            <td>
              {person.name}
              {person.kindFrom === 'mark' && <span className="badge">marked {person.bot ? 'a bot' : 'a person'}</span>}
            </td>
            <td>
              <ul className="plain-list">
                {person.identities.map((identity) => (
                  <li key={identity.key} className="identity">
                    <span className="path">{identity.email || '(no email)'}</span>
                    {identity.name !== person.name && <span className="muted"> as {identity.name}</span>}
                    {person.identities.length > 1 && <span className="muted count"> · {plural(identity.commits, 'commit')}</span>}
                    {identity.key !== person.key && (
                      <button type="button" className="link-button" onClick={() => onChange(() => call('identities.unmerge', { key: identity.key }))} aria-label={`Unmerge ${identity.email} from ${person.name}`}>
                        Unmerge
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </td>
            <td className="number">{formatNumber(person.commits)}</td>
            <td>
              <div className="row people-actions">
                {!person.bot && <MergeInto person={person} everyone={everyone} onChange={onChange} />}
                <button type="button" className="secondary" onClick={() => onChange(() => call('identities.mark', { key: person.key, as: person.bot ? 'person' : 'bot' }))}>
                  {person.bot ? 'Not a bot' : 'Mark as bot'}
                </button>
                {person.kindFrom === 'mark' && (
                  <button type="button" className="link-button" onClick={() => onChange(() => call('identities.mark', { key: person.key, as: null }))}>
                    Forget mark
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MergeInto({ person, everyone, onChange }: { person: PersonReport; everyone: readonly PersonReport[]; onChange: (change: Change) => void }) {
  const others = everyone.filter((other) => other.key !== person.key);
  if (others.length === 0) return null;
  return (
    <select
      aria-label={`Merge ${person.name} into`}
      value=""
      onChange={(event) => {
        const into = event.target.value;
        if (into) onChange(() => call('identities.merge', { into, merge: [person.key] }));
      }}
    >
      <option value="">Merge into…</option>
      {others.map((other) => (
        <option key={other.key} value={other.key}>
          {other.name} ({other.identities[0]?.email ?? other.key})
        </option>
      ))}
    </select>
  );
}
