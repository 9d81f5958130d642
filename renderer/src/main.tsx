import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { Providers } from './app/Providers.js';
import { initI18n } from './i18n/index.js';
import { registerServiceWorker } from './platform/service-worker.js';

// No StrictMode: its double mount would open and close the local database twice on every start.
// The performance marks (desk:*) time the start-up steps; the cold-start benchmark reports them.
async function main() {
  performance.mark('desk:script');
  await initI18n();
  performance.mark('desk:i18n');
  registerServiceWorker();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <Providers>
      <App />
    </Providers>,
  );
}

void main();
