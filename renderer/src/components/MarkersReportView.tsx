import { type MarkersReport, markerKinds } from '../../../core/api/markers';
import { formatNumber } from '../format';
import { FileLink, Location } from './Location';
import { type Column, SortableTable, filePath } from './SortableTable';
import { Tile } from './Tile';

type FileTotals = MarkersReport['files'][number];
type Marker = MarkersReport['markers'][number];

/** TODO/FIXME/HACK comments and silenced checks: totals, the files with most, and every marker with its text. */
export function MarkersReportView({ report, root }: { report: MarkersReport; root: string }) {
  const all = report.folders.find((folder) => folder.path === '');
  const kinds = markerKinds.filter((kind) => (all?.byKind[kind] ?? 0) > 0);
  const fileColumns: Column<FileTotals>[] = [
    { key: 'path', title: 'File', sortValue: (file) => file.path, render: (file) => <FileLink root={root} path={file.path} /> },
    { key: 'markers', title: 'Markers', numeric: true, sortValue: (file) => file.markers, render: (file) => formatNumber(file.markers) },
    { key: 'density', title: 'Per 1,000 lines', numeric: true, sortValue: (file) => file.density ?? 0, render: (file) => (file.density === null ? '–' : file.density.toFixed(1)) },
    ...kinds.map((kind): Column<FileTotals> => ({ key: kind, title: kind, numeric: true, sortValue: (file) => file.byKind[kind] ?? 0, render: (file) => formatNumber(file.byKind[kind] ?? 0) })),
  ];
  const markerColumns: Column<Marker>[] = [
    { key: 'kind', title: 'Marker', sortValue: (marker) => marker.kind, render: (marker) => <code>{marker.kind}</code> },
    { key: 'location', title: 'Where', sortValue: (marker) => `${marker.path}:${String(marker.line).padStart(6, '0')}`, render: (marker) => <Location root={root} path={marker.path} line={marker.line} /> },
    { key: 'text', title: 'Says', render: (marker) => marker.text || <span className="muted">(nothing)</span> },
  ];
  return (
    <>
      <dl className="tiles">
        <Tile label="Markers" value={report.markers.length} dimZero />
        <Tile label="Files with markers" value={report.files.length} dimZero />
        <Tile label="Per 1,000 lines of code" value={all?.density === null || all === undefined ? '–' : all.density.toFixed(1)} />
        {kinds.map((kind) => (
          <Tile key={kind} label={kind} value={all?.byKind[kind] ?? 0} />
        ))}
      </dl>
      {report.markers.length === 0 ? (
        <p className="empty">No TODO, FIXME, HACK or XXX comments, and no silenced checks.</p>
      ) : (
        <>
          <h2>Files with the most markers</h2>
          <SortableTable label="Files with markers" columns={fileColumns} rows={report.files} rowKey={(file) => file.path} initialSort="markers" pathsOf={filePath} />
          <h2>Every marker</h2>
          <SortableTable label="Markers" columns={markerColumns} rows={report.markers} rowKey={(marker) => `${marker.path}:${marker.line}:${marker.kind}`} initialSort="kind" pathsOf={filePath} />
        </>
      )}
    </>
  );
}
