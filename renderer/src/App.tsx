import { type ReactNode, Suspense, lazy, useEffect, useMemo } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useRoute, useScanJobs } from './api/hooks';
import { HealthNotices } from './components/HealthNotices';
import { Skeleton } from './components/Loading';
import { NavLink } from './components/NavLink';
import { repositoryTab } from './repository-tab';
import { ProductCodeContext, useProductCode } from './product-code';
import { ScanJobsContext } from './scan-jobs-context';
import { useSettings } from './settings';

// Each page is its own bundle, loaded when first opened.
const PortfolioPage = lazy(() => import('./pages/PortfolioPage').then((module) => ({ default: module.PortfolioPage })));
const RepositoryPage = lazy(() => import('./pages/RepositoryPage').then((module) => ({ default: module.RepositoryPage })));
const SnapshotPage = lazy(() => import('./pages/SnapshotPage').then((module) => ({ default: module.SnapshotPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const CodeViewPage = lazy(() => import('./pages/CodeViewPage').then((module) => ({ default: module.CodeViewPage })));
const ReportPage = lazy(() => import('./pages/ReportPage').then((module) => ({ default: module.ReportPage })));
const ComparePage = lazy(() => import('./pages/ComparePage').then((module) => ({ default: module.ComparePage })));

export function App() {
  const jobs = useScanJobs();
  const info = useRoute('app.info', {});
  const { settings, update } = useSettings();
  const productCode = useMemo(() => ({ only: settings?.productCodeOnly ?? false, setOnly: (only: boolean) => void update({ productCodeOnly: only }) }), [settings?.productCodeOnly, update]);
  useSearchShortcut();
  return (
    <ScanJobsContext.Provider value={jobs}>
      <ProductCodeContext.Provider value={productCode}>
        <Router hook={useHashLocation}>
          <SkipLink />
          <div className="shell">
            <Sidebar browserMode={info.state === 'ready' && info.value.mode === 'browser'} />
            <main className="content" id="main" tabIndex={-1}>
              <HealthNotices mode={info.state === 'ready' ? info.value.mode : undefined} />
              <Suspense fallback={<Skeleton />}>
                <Switch>
                  <Route path="/">
                    <PortfolioPage canPickDirectory={info.state === 'ready' && info.value.canPickDirectory} />
                  </Route>
                  <Route<{ id: string; tab?: string; item?: string }> path="/repositories/:id/:tab?/:item?">
                    {(params) => <RepositoryPage id={Number(params.id)} tab={repositoryTab(params.tab, params.item)} />}
                  </Route>
                  <Route<{ id: string; line: string; '*': string }> path="/snapshots/:id/file/:line/*">
                    {(params) => <CodeViewPage snapshotId={Number(params.id)} line={Number(params.line)} path={params['*']} />}
                  </Route>
                  <Route<{ id: string; slug?: string }> path="/snapshots/:id/:slug?">{(params) => <SnapshotPage id={Number(params.id)} slug={params.slug} />}</Route>
                  <Route<{ from: string; to: string }> path="/compare/:from/:to">{(params) => <ComparePage from={Number(params.from)} to={Number(params.to)} />}</Route>
                  <Route path="/report">
                    <ReportPage />
                  </Route>
                  <Route path="/settings">
                    <SettingsPage />
                  </Route>
                  <Route>
                    <p>This page does not exist. <Link href="/">Go to your repositories</Link>.</p>
                  </Route>
                </Switch>
              </Suspense>
            </main>
          </div>
        </Router>
      </ProductCodeContext.Provider>
    </ScanJobsContext.Provider>
  );
}

function Sidebar({ browserMode }: { browserMode: boolean }) {
  const [location] = useLocation();
  const link = (href: string, children: ReactNode) => (
    <NavLink href={href} current={location === href} className="nav-link">
      {children}
    </NavLink>
  );
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Steward</div>
      {link('/', 'Portfolio')}
      {link('/report', 'Weekly report')}
      {link('/settings', 'Settings')}
      <ProductCodeToggle />
      {browserMode && <p className="sidebar-note">Browser mode</p>}
    </nav>
  );
}

/** One switch for every list: hide tests, generated and vendored code (kept in the settings). */
function ProductCodeToggle() {
  const { only, setOnly } = useProductCode();
  return (
    <label className="sidebar-toggle" title="Hides rows about tests (and their fixtures, mocks and stories), generated, vendored and built code from every list, by their paths">
      <input type="checkbox" checked={only} onChange={(event) => setOnly(event.target.checked)} /> Only product code
    </label>
  );
}

/** "/" puts the cursor in the page's search or filter box, as on GitHub and in most lists (not while typing elsewhere). */
function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
      if (!search) return;
      event.preventDefault();
      search.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The first stop of the keyboard: straight to the page's content, past the navigation. */
function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // The URL's hash is the route: focus the content instead of navigating to "#main".
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
