import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { subscribe } from './api/client';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredTheme();
// The app moved to another store (Settings → Store): every page reads what it shows again, from it.
subscribe((event) => {
  if (event.type === 'store') window.location.reload();
});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
