import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const sharedSrc = fileURLToPath(new URL('../../../shared/src', import.meta.url));

/** Builds the initial-sync benchmark page into dist/bench-browser (served by the sync server under test). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^@shared$/, replacement: `${sharedSrc}/index.ts` },
      { find: /^@shared\/(.*)$/, replacement: `${sharedSrc}/$1` },
    ],
  },
  build: { outDir: fileURLToPath(new URL('../../../dist/bench-browser', import.meta.url)), emptyOutDir: true },
});
