import { useRoute } from '../api/hooks';
import { Loading } from '../components/Loading';
import { type ThemeChoice, useTheme } from '../theme';

const themes: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsPage() {
  const [theme, setTheme] = useTheme();
  const info = useRoute('app.info', {});
  return (
    <>
      <h1>Settings</h1>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {themes.map(({ value, label }) => (
          <label key={value} className="radio">
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} />
            {label}
          </label>
        ))}
      </fieldset>
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
