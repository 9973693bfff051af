import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { SnapshotFile } from '../../../core/api/snapshot-file';
import { useRoute } from '../api/hooks';
import { Loading } from '../components/Loading';
import { formatNumber, shortCommit } from '../format';

/** Steward's read-only code view: a file as a snapshot's commit has it, with line numbers, the line asked for marked and scrolled into view. */
export function CodeViewPage({ snapshotId, path, line }: { snapshotId: number; path: string; line: number }) {
  const file = useRoute('snapshots.file', { id: snapshotId, path });
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/snapshots/${snapshotId}`}>← Snapshot {snapshotId}</Link>
      </p>
      <h1 className="code-view-title">{path}</h1>
      <Loading loaded={file}>{(value) => <FileLines file={value} line={line} />}</Loading>
    </>
  );
}

function FileLines({ file, line }: { file: SnapshotFile; line: number }) {
  const marked = useRef<HTMLTableRowElement>(null);
  useEffect(() => marked.current?.scrollIntoView({ block: 'center' }), [file, line]);
  return (
    <>
      <p className="muted">
        At commit <code>{shortCommit(file.commit)}</code>, read-only{file.content.state === 'text' && `; ${formatNumber(file.content.lines.length)} lines`}.
      </p>
      {file.content.state === 'refused' ? (
        <p className="empty">{file.content.reason}</p>
      ) : (
        <div className="code-view">
          <table aria-label={`${file.path} at ${shortCommit(file.commit)}`}>
            <tbody>
              {file.content.lines.map((text, index) => {
                const number = index + 1;
                const current = number === line;
                return (
                  <tr key={number} ref={current ? marked : undefined} className={current ? 'current' : undefined} aria-current={current ? 'location' : undefined}>
                    <td className="line-number">{number}</td>
                    <td className="line-text">{text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
