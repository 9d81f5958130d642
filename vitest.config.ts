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
    include: ['{shared,server,renderer,electron,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite and PostgreSQL suites share a database each; files run in parallel, tests in a file in order.
    fileParallelism: true,
    // Vitest's default is one worker per core but one, so a single worker on a 2-core machine; many files wait on
    // a database or a server, and with two workers the suite took 530 s on that machine, against about 720 s.
    maxWorkers: 2,
  },
});
