import { markerKinds } from '../../core/api/markers.js';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { type OutputOptions, parseCount, printTable, printText } from '../output.js';

interface MarkersFlags extends OutputOptions {
  top: number;
}

/** `steward markers <path>`: TODO/FIXME/HACK comments and silenced checks, by file. */
export const markersCommand: AnalysisCommand<'markers', MarkersFlags> = {
  flags: (command) => command.option('--top <n>', 'how many files to print (the JSON has them all)', parseCount, 20),
  print({ warnings }, report, { top }) {
    const all = report.folders.find((folder) => folder.path === '');
    printText(`${plural(report.markers.length, 'marker')} in ${plural(report.files.length, 'file')}${all?.density === null || all === undefined ? '' : `, ${all.density} per 1,000 lines of code`}.`);
    const kinds = markerKinds.filter((kind) => (all?.byKind[kind] ?? 0) > 0);
    if (kinds.length > 0) printText(kinds.map((kind) => `${kind}: ${all?.byKind[kind]}`).join(', '));
    printTable(
      ['File', 'Markers', 'Per 1,000 lines', ...kinds],
      report.files.slice(0, top).map((file) => [file.path, file.markers, file.density === null ? '–' : file.density.toFixed(1), ...kinds.map((kind) => file.byKind[kind] ?? 0)]),
    );
    for (const warning of warnings) printText(`warning: ${warning}`);
  },
};
