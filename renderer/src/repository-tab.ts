import { type AnalysisId, analysisDescriptors } from '../../core/api/analyses';

/** A repository's tabs: the overview, one per analysis (from the registry of analyses), the inventory, its drafts (one of them open) and the snapshots. */
export type RepositoryTab =
  | { kind: 'overview' }
  | { kind: 'health' }
  | { kind: 'report' }
  | { kind: 'inventory' }
  | { kind: 'drafts'; draftId?: string | undefined }
  | { kind: 'analysis'; id: AnalysisId }
  | { kind: 'people' }
  | { kind: 'snapshots' };

/** The tab a URL segment names (`code`, `dead-code`, …, `drafts`, `history`), the overview for anything else; `drafts/<id>` opens a draft. */
export function repositoryTab(slug: string | undefined, item?: string): RepositoryTab {
  if (slug === 'history') return { kind: 'snapshots' };
  if (slug === 'inventory') return { kind: 'inventory' };
  if (slug === 'health') return { kind: 'health' };
  if (slug === 'report') return { kind: 'report' };
  if (slug === 'drafts') return { kind: 'drafts', draftId: item };
  if (slug === 'people') return { kind: 'people' };
  const descriptor = analysisDescriptors.find((candidate) => candidate.tab.slug === slug);
  return descriptor ? { kind: 'analysis', id: descriptor.id } : { kind: 'overview' };
}
