import { useState } from 'react';
import type { Settings } from '../../../core/api/settings';
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
