import { useState } from 'react';
import type { RouteInput } from '../../../core/api/routes';
import { PrintToPdfResultSchema } from '../../../core/api/print';
import { useRoute } from '../api/hooks';
import { Loading } from '../components/Loading';
import { ReportView } from '../components/ReportView';

/** Every registered repository's weekly report, from the sidebar. */
export function ReportPage() {
  return (
    <>
      <header className="page-header">
        <h1>Weekly report</h1>
      </header>
      <WeeklyReportPanel request={{ all: true }} fileName="steward-weekly-report.pdf" />
    </>
  );
}

/**
 * A weekly report with its controls: the date to compare with (a week before by default) and Save
 * as PDF — Electron's printToPDF in the desktop app, the browser's print dialog (with the print
 * stylesheet, which hides the navigation) in browser mode.
 */
export function WeeklyReportPanel({ request, fileName }: { request: { repositoryId: number } | { all: true }; fileName: string }) {
  const [since, setSince] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const input: RouteInput<'reports.weekly'> = since === '' ? request : { ...request, since };
  const report = useRoute('reports.weekly', input);
  return (
    <>
      <div className="report-toolbar">
        <label>
          Compare with the snapshot nearest to{' '}
          <input type="date" value={since} onChange={(event) => setSince(event.target.value)} aria-describedby="report-since-hint" />
        </label>
        <span id="report-since-hint" className="muted">
          {since === '' ? 'empty: a week before the latest scan' : ''}
        </span>
        <button type="button" onClick={() => void savePdf(fileName).then(setSaved)} disabled={report.state !== 'ready'}>
          Save as PDF
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved to {saved}
          </span>
        )}
      </div>
      <Loading loaded={report}>{(value) => <ReportView report={value} />}</Loading>
    </>
  );
}

/** The page as printed: to a file through the desktop app's bridge, else through the browser's print dialog. */
async function savePdf(fileName: string): Promise<string | null> {
  const bridge = window.steward;
  if (!bridge?.printToPdf) {
    window.print();
    return null;
  }
  const envelope = await bridge.printToPdf({ fileName });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return PrintToPdfResultSchema.parse(envelope.value).saved;
}
