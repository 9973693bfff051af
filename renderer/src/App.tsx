import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useRoute, useScanJobs } from './api/hooks';
import { RepositoriesPage } from './pages/RepositoriesPage';
import { RepositoryPage, repositoryTab } from './pages/RepositoryPage';
import { ReportPage } from './pages/ReportPage';
import { SettingsPage } from './pages/SettingsPage';
import { SnapshotPage } from './pages/SnapshotPage';
import { ScanJobsContext } from './scan-jobs-context';

export function App() {
  const jobs = useScanJobs();
  const info = useRoute('app.info', {});
  return (
    <ScanJobsContext.Provider value={jobs}>
      <Router hook={useHashLocation}>
        <div className="shell">
          <nav className="sidebar" aria-label="Main">
            <div className="brand">Steward</div>
            <Link href="/" className={(active) => (active ? 'nav-link active' : 'nav-link')}>
              Repositories
            </Link>
            <Link href="/report" className={(active) => (active ? 'nav-link active' : 'nav-link')}>
              Weekly report
            </Link>
            <Link href="/settings" className={(active) => (active ? 'nav-link active' : 'nav-link')}>
              Settings
            </Link>
            {info.state === 'ready' && info.value.mode === 'browser' && <p className="sidebar-note">Browser mode</p>}
          </nav>
          <main className="content">
            <Switch>
              <Route path="/">
                <RepositoriesPage canPickDirectory={info.state === 'ready' && info.value.canPickDirectory} />
              </Route>
              <Route<{ id: string; tab?: string; item?: string }> path="/repositories/:id/:tab?/:item?">
                {(params) => <RepositoryPage id={Number(params.id)} tab={repositoryTab(params.tab, params.item)} />}
              </Route>
              <Route path="/snapshots/:id">{(params) => <SnapshotPage id={Number(params.id)} />}</Route>
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
          </main>
        </div>
      </Router>
    </ScanJobsContext.Provider>
  );
}
