import { useState } from 'react';
import type { AppInfo } from '../../../core/api/app';
import type { Settings } from '../../../core/api/settings';
import { asFailure } from '../api/hooks';
import { call } from '../api/client';
import { type Editor, editorChoices, isEditorTemplate } from '../../../core/api/editor-links';
import { editorNames } from '../components/Location';
import { useRoute } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { NotificationSettings, ScheduleSettings } from '../components/ScheduleSettings';
import { browserNotificationPermission } from '../components/HealthNotices';
import { useSettings } from '../settings';
import { type ThemeChoice, applyTheme } from '../theme';

const themes: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings live in Steward's store: the desktop app, browser mode on any port and the CLI share them. */
export function SettingsPage() {
  const { settings, error, update } = useSettings({ fresh: true });
  const info = useRoute('app.info', {});
  return (
    <>
      <h1>Settings</h1>
      {error && <ErrorMessage error={error} />}
      {settings && (
        <>
          <fieldset className="settings-group">
            <legend>Theme</legend>
            {themes.map(({ value, label }) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={settings.theme === value}
                  onChange={() => {
                    applyTheme(value);
                    void update({ theme: value });
                  }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <DependencyChecks settings={settings.dependencies} update={(change) => void update({ dependencies: change })} />
          <EditorChoice editor={settings.editor} update={(editor) => void update({ editor })} />
          <ScheduleSettings settings={settings.scanSchedule} update={(change) => void update({ scanSchedule: change })} />
          <NotificationSettings
            settings={settings.notifications}
            update={(change) => void update({ notifications: change })}
            browserPermission={info.state !== 'ready' || info.value.mode === 'desktop' ? null : browserNotificationPermission()}
          />
        </>
      )}
      <Loading loaded={info}>{(value) => <StoreChoice store={value.store} />}</Loading>
      <Loading loaded={info}>
        {(value) => (
          <dl className="facts">
            <dt>Version</dt>
            <dd>{value.version}</dd>
            <dt>Running as</dt>
            <dd>{value.mode === 'desktop' ? 'Desktop app' : 'Browser mode (served on 127.0.0.1)'}</dd>
            <dt>Data folder</dt>
            <dd>
              <code>{value.dataDirectory}</code>
            </dd>
          </dl>
        )}
      </Loading>
    </>
  );
}

/** Where scans look up package metadata: the repository's .npmrc unless another registry is named here; or the cache only. */
function DependencyChecks({ settings, update }: { settings: Settings['dependencies']; update: (change: Partial<Settings['dependencies']>) => void }) {
  const [registry, setRegistry] = useState(settings.registry ?? '');
  const valid = registry === '' || /^https?:\/\/\S+$/.test(registry);
  return (
    <fieldset className="settings-group">
      <legend>Dependency checks</legend>
      <label className="field">
        Registry for unscoped packages
        <input
          type="url"
          value={registry}
          placeholder="from .npmrc, else https://registry.npmjs.org/"
          aria-invalid={!valid}
          onChange={(event) => setRegistry(event.target.value)}
          onBlur={() => valid && registry !== (settings.registry ?? '') && update({ registry: registry === '' ? null : registry })}
        />
      </label>
      {!valid && <p className="error">Give an http:// or https:// address, or leave it empty.</p>}
      <label className="radio">
        <input type="checkbox" checked={settings.offline} onChange={(event) => update({ offline: event.target.checked })} />
        Offline: use cached package metadata only, whatever its age
      </label>
    </fieldset>
  );
}

/** Where links to a file:line open: an editor by its URL scheme, a custom URL template, or Steward's read-only code view. */
function EditorChoice({ editor, update }: { editor: Editor; update: (editor: Editor) => void }) {
  // The choice shown; a custom editor is saved once its template is valid.
  const [open, setOpen] = useState(editor.open);
  const [template, setTemplate] = useState(editor.template ?? '');
  const valid = isEditorTemplate(template);
  const save = (choice: Editor['open']) => {
    if (choice !== 'custom' || valid) update({ open: choice, template: valid ? template.trim() : editor.template });
  };
  return (
    <fieldset className="settings-group">
      <legend>Open files in</legend>
      {editorChoices.map((choice) => (
        <label key={choice} className="radio">
          <input
            type="radio"
            name="editor"
            value={choice}
            checked={open === choice}
            onChange={() => {
              setOpen(choice);
              save(choice);
            }}
          />
          {choice === 'custom' ? 'Another editor, by its URL' : editorNames[choice]}
        </label>
      ))}
      {open === 'custom' && (
        <>
          <label className="field">
            URL template, with {'{path}'} and {'{line}'}
            <input type="text" value={template} placeholder="zed://file{path}:{line}" aria-invalid={template !== '' && !valid} onChange={(event) => setTemplate(event.target.value)} onBlur={() => save('custom')} />
          </label>
          {!valid && <p className={template === '' ? 'muted' : 'error'}>Give the editor’s URL with {'{path}'} where the file goes, such as subl://open?url=file://{'{path}'}&amp;line={'{line}'}.</p>}
        </>
      )}
    </fieldset>
  );
}

const storeSources: Record<AppInfo['store']['source'], string> = {
  flag: 'chosen with --store',
  environment: 'chosen by STEWARD_STORE',
  'config file': 'chosen in store.json in the data folder',
  default: "this machine's own",
};

/**
 * Where Steward keeps its data: this machine's file, or a team's PostgreSQL store that CI runners
 * scan into. A store chosen here is checked (reached, password taken, certificate verified) before it
 * is saved, and used at once (unless --store or STEWARD_STORE names another).
 */
function StoreChoice({ store }: { store: AppInfo['store'] }) {
  const [url, setUrl] = useState('');
  const [fallback, setFallback] = useState(store.fallback === 'local');
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const valid = /^postgres(ql)?:\/\/\S+$/i.test(url.trim());
  const choose = async (chosen: string | null) => {
    setState({ busy: true });
    try {
      const { file, overriddenBy } = await call('app.chooseStore', { store: chosen, fallback: fallback ? 'local' : 'fail' });
      const which = chosen === null ? "this machine's store" : 'the team store';
      // Not overridden, Steward now uses it, and the page is read again from it (the `store` event).
      const saved =
        overriddenBy === null
          ? `Saved in ${file}. Steward now uses ${which}.`
          : `Saved in ${file}. ${overriddenBy === 'flag' ? '--store' : 'STEWARD_STORE'} names another store, and comes first: Steward uses ${which} once it no longer does.`;
      setState({ busy: false, saved });
      setUrl('');
    } catch (failure) {
      setState({ busy: false, error: asFailure(failure).message });
    }
  };
  return (
    <fieldset className="settings-group">
      <legend>Store</legend>
      <p>
        {store.kind === 'local' ? "This machine's store" : 'A team store'} ({storeSources[store.source]}): <code className="store-where">{store.where}</code>
      </p>
      {store.note && <p className="error">{store.note}</p>}
      {store.kind === 'team' && (
        <p className="muted">
          {store.cache === 'local' ? (
            <>
              Scans keep their caches (code facts, git logs, registry answers) in this machine&apos;s store; <code>STEWARD_CACHE=shared</code>, or <code>&quot;cache&quot;: &quot;shared&quot;</code> in
              store.json, shares them through the team store.
            </>
          ) : (
            'Scans keep their caches (code facts, git logs, registry answers) in the team store, shared by every machine that scans into it.'
          )}
        </p>
      )}
      <label className="field">
        Team store (PostgreSQL)
        <input
          type="text"
          value={url}
          className="store-url"
          spellCheck={false}
          autoComplete="off"
          placeholder="postgres://steward_viewer@db.example.com/steward?sslmode=verify-full&sslrootcert=/path/ca.pem"
          aria-invalid={url !== '' && !valid}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <p className="muted">
        Leave the password out: Steward takes it from PGPASSWORD or ~/.pgpass, as PostgreSQL&apos;s own tools do. A password typed here is kept in store.json, readable by you only.
      </p>
      <label className="radio">
        <input type="checkbox" checked={fallback} onChange={(event) => setFallback(event.target.checked)} />
        When it cannot be reached, use this machine&apos;s store and say so (otherwise Steward stops)
      </label>
      <div className="row wrap">
        <button type="button" disabled={!valid || state.busy} onClick={() => void choose(url.trim())}>
          {state.busy ? 'Checking…' : 'Check and use this team store'}
        </button>
        {store.kind === 'team' && (
          <button type="button" className="secondary" disabled={state.busy} onClick={() => void choose(null)}>
            Use this machine&apos;s store
          </button>
        )}
      </div>
      {state.error && <ErrorMessage error={state.error} />}
      {state.saved && (
        <p className="muted" role="status">
          {state.saved}
        </p>
      )}
    </fieldset>
  );
}
