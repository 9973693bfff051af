import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type DebtItem,
  type InventoryPage,
  type ItemKind,
  type ItemStatus,
  confidences,
  evidenceName,
  evidenceText,
  inventorySorts,
  itemKindTitles,
  itemKinds,
  severities,
} from '../../../core/api/inventory';
import { analysisDescriptor } from '../../../core/api/analyses';
import { type ExportFormat, exportFormats } from '../../../core/api/exports';
import type { Repository } from '../../../core/api/repositories';
import type { RouteInput } from '../../../core/api/routes';
import { call } from '../api/client';
import { asFailure } from '../api/hooks';
import { isOfferedDraftKind } from '../draft-wording';
import { useProductCode } from '../product-code';
import { formatDate, formatNumber, plural } from '../format';
import { saveFile } from '../save-file';
import { DraftFixButton } from './DraftStarter';
import { ErrorMessage } from './ErrorMessage';
import { Skeleton } from './Loading';
import { Location } from './Location';
import { Meaning } from './Meaning';
import { Tile } from './Tile';

type Query = RouteInput<'inventory.list'>;
type Filters = Omit<Query, 'repositoryId' | 'offset' | 'limit'>;

/** Rows fetched at a time as the table scrolls. */
const pageSize = 200;
const rowHeight = 44;

const statusChoices: { label: string; statuses: ItemStatus[] }[] = [
  { label: 'All but resolved', statuses: ['open', 'accepted', 'dismissed'] },
  { label: 'Open', statuses: ['open'] },
  { label: 'Accepted', statuses: ['accepted'] },
  { label: 'Dismissed', statuses: ['dismissed'] },
  { label: 'Resolved', statuses: ['resolved'] },
];

const sortLabels: Record<(typeof inventorySorts)[number], string> = {
  priority: 'By priority',
  effort: 'By effort (quick wins)',
  age: 'By age (oldest)',
  severity: 'By severity',
};

/**
 * The living inventory of a repository: every debt item of its latest scan, filtered and sorted in
 * the store and fetched a page at a time as the table scrolls (smooth with tens of thousands of
 * items), with each item's evidence, proposed fix and the decision a person can take on it.
 */
export function InventoryView({ repository }: { repository: Repository }) {
  const [filters, setFilters] = useState<Filters>({ sort: 'priority', statuses: statusChoices[0]!.statuses });
  const [generation, setGeneration] = useState(0);
  const { only: productCodeOnly } = useProductCode();
  const query = useMemo(() => (productCodeOnly ? { ...filters, productCodeOnly } : filters), [filters, productCodeOnly]);
  const inventory = useInventoryPages(repository.id, query, generation);
  const [selected, setSelected] = useState<string>();
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const set = (change: Partial<Filters>): void => setFilters((current) => ({ ...current, ...change }));

  if (inventory.error) return <ErrorMessage error={inventory.error} onRetry={reload} />;
  const meta = inventory.meta;
  if (!meta?.facets) return <Skeleton />;
  const { facets } = meta;
  const selectedItem = selected === undefined ? undefined : inventory.find(selected);
  return (
    <>
      <Totals page={meta} folder={filters.folder} />
      <div className="inventory-filters" role="search">
        <input type="search" aria-label="Search items" placeholder="Search titles, paths and symbols" value={filters.search ?? ''} onChange={(event) => set({ search: event.target.value || undefined })} />
        <Choice label="Kind" value={filters.kinds?.[0] ?? ''} onChange={(value) => set({ kinds: value ? [value as ItemKind] : undefined })}
          options={[['', 'All kinds'], ...itemKinds.filter((kind) => facets.kinds[kind]).map((kind): [string, string] => [kind, `${itemKindTitles[kind]} (${facets.kinds[kind]})`])]} />
        <Choice label="Severity" value={filters.severities?.[0] ?? ''} onChange={(value) => set({ severities: value ? [value as (typeof severities)[number]] : undefined })}
          options={[['', 'Any severity'], ...severities.map((severity): [string, string] => [severity, `${severity} (${facets.severities[severity] ?? 0})`])]} />
        <Choice label="Confidence" value={filters.confidences?.[0] ?? ''} onChange={(value) => set({ confidences: value ? [value as (typeof confidences)[number]] : undefined })}
          options={[['', 'Any confidence'], ...confidences.map((confidence): [string, string] => [confidence, `${confidence} (${facets.confidences[confidence] ?? 0})`])]} />
        <Choice label="Status" value={String(statusChoices.findIndex((choice) => choice.statuses.join() === (filters.statuses ?? []).join()))} onChange={(value) => set({ statuses: statusChoices[Number(value)]!.statuses })}
          options={statusChoices.map((choice, index): [string, string] => [String(index), choice.label])} />
        <Choice label="Owner" value={filters.owner ?? ''} onChange={(value) => set({ owner: value || undefined })}
          options={[['', 'Any owner'], ...Object.entries(facets.owners).sort((a, b) => b[1] - a[1]).map(([owner, count]): [string, string] => [owner, `${owner} (${count})`])]} />
        <input aria-label="Folder" placeholder="Folder (e.g. src/api)" value={filters.folder ?? ''} onChange={(event) => set({ folder: event.target.value || undefined })} />
        <Choice label="Sort by" value={filters.sort ?? 'priority'} onChange={(value) => set({ sort: value as Filters['sort'] })} options={inventorySorts.map((sort): [string, string] => [sort, sortLabels[sort]])} />
      </div>
      <div className="inventory-summary">
        <p className="muted">{meta.total === 0 ? 'No item matches.' : `${plural(meta.total, 'item')} match.`}</p>
        {meta.total > 0 && <ExportControl repositoryId={repository.id} filters={query} count={meta.total} />}
      </div>
      {meta.total > 0 && <ItemTable inventory={inventory} root={repository.path} selected={selected} onSelect={setSelected} />}
      {selectedItem && <ItemDetails item={selectedItem} repository={repository} onDecided={reload} />}
    </>
  );
}

const formatLabels: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', json: 'JSON' };

/** Downloads exactly the items the page shows (its filters, search and order) as a file (docs/exports.md). */
function ExportControl({ repositoryId, filters, count }: { repositoryId: number; filters: Filters; count: number }) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setExporting(true);
    setError(undefined);
    try {
      saveFile(await call('inventory.export', { ...filters, repositoryIds: [repositoryId], format }));
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="export-control" role="group" aria-label="Export">
      <Choice label="Export format" value={format} onChange={(value) => setFormat(value as ExportFormat)} options={exportFormats.map((choice): [string, string] => [choice, formatLabels[choice]])} />
      <button type="button" className="secondary" disabled={exporting} onClick={() => void run()} title={`Download the ${plural(count, 'item')} shown, as a file`}>
        {exporting ? 'Exporting…' : 'Export'}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

function Totals({ page, folder }: { page: InventoryPage; folder: string | undefined }) {
  const { totals, changes } = page;
  const hours = (minutes: number): string => `${formatNumber(Math.round((minutes / 60) * 10) / 10)} h`;
  return (
    <>
    <dl className="tiles" aria-label={folder ? `Totals of ${folder}` : 'Totals of the repository'}>
      <Tile label="Open items" value={totals.items} />
      <Tile label="Effort to fix" value={hours(totals.effortMinutes)} />
      <Tile label="Interest a month" value={hours(totals.interestMinutesPerMonth)} />
      <Tile label="Debt ratio (rating)" note="effort to fix over the time to write the code again (docs/cost-model.md)" value={totals.debtRatio === null ? '–' : `${(totals.debtRatio * 100).toFixed(1)} % (${totals.rating})`} />
      <Tile label="New since last scan" value={page.previousSnapshotId === null ? '–' : changes.new} />
      <Tile label="Resolved since last scan" value={page.previousSnapshotId === null ? '–' : changes.resolved} />
    </dl>
    {folder && <p className="muted">Totals of {folder.replace(/\/+$/, '')}/ only: its open items against its {formatNumber(totals.linesOfCode)} lines of code.</p>}
    </>
  );
}

function Choice({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map(([option, text]) => (
        <option key={option} value={option}>
          {text}
        </option>
      ))}
    </select>
  );
}

interface InventoryPages {
  meta: InventoryPage | undefined;
  error: string | undefined;
  /** The item at a position, or undefined while its page loads (which asking starts). */
  at(index: number): DebtItem | undefined;
  find(fingerprint: string): DebtItem | undefined;
}

/** The inventory for the filters, a page at a time: pages load when a row of theirs is first asked for. */
function useInventoryPages(repositoryId: number, filters: Filters, generation: number): InventoryPages {
  const key = JSON.stringify({ repositoryId, filters, generation });
  const [state, setState] = useState<{ key: string; meta?: InventoryPage; error?: string; pages: Map<number, DebtItem[]> }>({ key, pages: new Map() });
  const loading = useRef(new Set<string>());
  // Answers to an older query (the filters changed while they were on their way) are dropped.
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
  }, [key]);
  const load = useCallback(
    (page: number) => {
      const id = `${key}#${page}`;
      if (loading.current.has(id)) return;
      loading.current.add(id);
      // The first page brings the facets and totals; the pages after it only their rows.
      call('inventory.list', { repositoryId, ...filters, facets: page === 0, offset: page * pageSize, limit: pageSize })
        .finally(() => loading.current.delete(id))
        .then(
        (result) =>
          latest.current === key &&
          setState((current) => {
            const base = current.key === key ? current : { key, pages: new Map<number, DebtItem[]>() };
            return { ...base, meta: page === 0 ? result : (base.meta ?? result), pages: new Map(base.pages).set(page, result.items) };
          }),
        (failure: unknown) => latest.current === key && setState({ key, pages: new Map(), error: asFailure(failure).message }),
      );
    },
    [key, repositoryId, filters],
  );
  useEffect(() => load(0), [load]);
  const current = state.key === key ? state : { key, pages: new Map<number, DebtItem[]>() };
  return {
    meta: current.meta,
    error: current.error,
    at(index) {
      const page = Math.floor(index / pageSize);
      const rows = current.pages.get(page);
      if (!rows) load(page);
      return rows?.[index % pageSize];
    },
    find: (fingerprint) => [...current.pages.values()].flat().find((item) => item.fingerprint === fingerprint),
  };
}

const columns = ['Kind', 'What and where', 'Severity', 'Confidence', 'Effort', 'Priority', 'Owner', 'Status'];

function ItemTable({ inventory, root, selected, onSelect }: { inventory: InventoryPages; root: string; selected: string | undefined; onSelect: (fingerprint: string) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = inventory.meta?.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render by design.
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  return (
    <div className="inventory-table" role="table" aria-label="Debt items" aria-rowcount={total + 1}>
      <div className="inventory-row inventory-head" role="row">
        {columns.map((column) => (
          <div key={column} role="columnheader" className={column === 'Effort' || column === 'Priority' ? 'number' : undefined}>
            {column}
            {column === 'Effort' && <Meaning metric="effort" />}
            {column === 'Priority' && <Meaning metric="priority" />}
          </div>
        ))}
      </div>
      <div ref={scroller} className="inventory-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = inventory.at(row.index);
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 2}
                aria-selected={item !== undefined && item.fingerprint === selected}
                className={`inventory-row${item && item.fingerprint === selected ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
                onClick={() => item && onSelect(item.fingerprint)}
              >
                {item ? <ItemCells item={item} root={root} /> : <div role="cell" className="muted">Loading…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function ItemCells({ item, root }: { item: DebtItem; root: string }) {
  return (
    <>
      <div role="cell">{itemKindTitles[item.kind]}</div>
      <div role="cell" className="what">
        <div className="ellipsis" title={item.title}>
          {item.title}
        </div>
        <div className="ellipsis where">
          {item.path === null ? (item.symbol ?? '') : item.line === null ? <span className="path">{item.path}</span> : <Location root={root} path={item.path} line={item.line} />}
        </div>
      </div>
      <div role="cell">
        <span className={`severity ${item.severity}`}>{item.severity}</span>
      </div>
      <div role="cell" title={item.confidenceReason}>
        {item.confidence}
      </div>
      <div role="cell" className="number">
        {formatNumber(item.cost.effortMinutes)} min
      </div>
      <div role="cell" className="number">
        {formatNumber(Math.round(item.cost.priority))}
      </div>
      <div role="cell" className="ellipsis" title={item.owner ? `${item.owner.name} (from ${item.owner.source})` : 'unknown'}>
        {item.owner?.name ?? <span className="muted">unknown</span>}
      </div>
      <div role="cell">
        {item.status}
        {item.isNew && <span className="badge new">new</span>}
      </div>
    </>
  );
}

/** Everything behind one item, its fix, and the decision a person can take on it. */
function ItemDetails({ item, repository, onDecided }: { item: DebtItem; repository: Repository; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const decide = async (route: 'inventory.accept' | 'inventory.dismiss' | 'inventory.reopen') => {
    setError(undefined);
    try {
      await call(route, { repositoryId: repository.id, fingerprint: item.fingerprint, reason });
      setReason('');
      onDecided();
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };
  const open = item.status === 'open';
  return (
    <section className="item-details" aria-label="Item">
      <h2>
        {itemKindTitles[item.kind]}: {item.title}
      </h2>
      <dl className="facts">
        <dt>Fingerprint</dt>
        <dd>
          <code>{item.fingerprint}</code>
        </dd>
        <dt>Where</dt>
        <dd>{item.path === null ? '—' : item.line === null ? <span className="path">{item.path}</span> : <Location root={repository.path} path={item.path} line={item.line} />}{item.symbol && <> · <code>{item.symbol}</code></>}</dd>
        <dt>Confidence</dt>
        <dd>
          {item.confidence}: {item.confidenceReason}
        </dd>
        <dt>Cost</dt>
        <dd>
          {formatNumber(item.cost.effortMinutes)} min to fix; {formatNumber(item.cost.interestMinutesPerMonth)} min a month while it stays; risk {item.cost.risk} of 100; priority {formatNumber(Math.round(item.cost.priority))}
        </dd>
        <dt>Owner</dt>
        <dd>{item.owner ? `${item.owner.name} (from ${item.owner.source})` : 'unknown (no CODEOWNERS entry, no history)'}</dd>
        <dt>Proposed fix</dt>
        <dd>
          {item.fix.text}
          {item.fix.draft && <span className="badge">{item.fix.draft} draft</span>}
          {(item.status === 'open' || item.status === 'accepted') && isOfferedDraftKind(item.fix.draft) && <DraftFixButton repositoryId={repository.id} fingerprint={item.fingerprint} kind={item.fix.draft} />}
        </dd>
        <dt>Seen</dt>
        <dd>
          first {formatDate(item.firstSeen.at)}, last {formatDate(item.lastSeen.at)} (found by the {analysisDescriptor(item.analysis).tab.label} analysis)
        </dd>
        {item.decision && (
          <>
            <dt>Decision</dt>
            <dd>
              {item.status} by {item.decision.by} on {formatDate(item.decision.at)}: {item.decision.reason}
            </dd>
          </>
        )}
      </dl>
      <h3>Evidence</h3>
      <dl className="facts evidence">
        {Object.entries(item.evidence).map(([name, value]) => (
          <div key={name} className="contents">
            <dt>{evidenceName(name)}</dt>
            <dd>{evidenceText(value, { number: formatNumber, date: formatDate }) ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {item.status !== 'resolved' && (
        <div className="decision">
          <label className="field">
            Reason
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} placeholder={open ? 'Why it is kept on purpose, or why it is not debt' : 'Why it should be open again'} />
          </label>
          <div className="row">
            {open ? (
              <>
                <button type="button" disabled={reason.trim() === ''} onClick={() => void decide('inventory.accept')}>
                  Accept as debt
                </button>
                <button type="button" className="secondary" disabled={reason.trim() === ''} onClick={() => void decide('inventory.dismiss')}>
                  Dismiss as false
                </button>
              </>
            ) : (
              <button type="button" disabled={reason.trim() === ''} onClick={() => void decide('inventory.reopen')}>
                Reopen
              </button>
            )}
          </div>
          {error && <ErrorMessage error={error} />}
        </div>
      )}
    </section>
  );
}
