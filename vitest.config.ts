import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('./shared/src', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@shared$/, replacement: `${sharedSrc}/index.ts` },
      { find: /^@shared\/(.*)$/, replacement: `${sharedSrc}/$1` },
    ],
  },
  test: {
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite and PostgreSQL suites share a database each; files run in parallel, tests in a file in order.
    fileParallelism: true,
    // Vitest's default is one worker per core but one, so a single worker on a 2-core machine; many files wait on
    // a database or a server, and with two workers the suite took 530 s on that machine, against about 720 s.
    maxWorkers: 2,
    projects: [
      {
        // The server's and shared code's files share one module cache per worker: they keep no state in modules
        // between files (each starts its own server and database), and importing the server again for every file
        // cost more CPU than their tests (server files: 450 s isolated against 362 s shared, 6 min 40 s of CPU
        // against 4 min 11 s, on this machine).
        extends: true,
        test: { name: 'server', include: ['{shared,server}/**/*.test.{ts,tsx}'], isolate: false },
      },
      {
        // RxDB, fake IndexedDB and vi.mock keep state per module: these files get fresh modules each.
        extends: true,
        test: { name: 'client', include: ['{renderer,electron,test}/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
