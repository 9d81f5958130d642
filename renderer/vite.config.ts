import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './src/platform/sw-source.js';

const sharedSrc = fileURLToPath(new URL('../shared/src', import.meta.url));
const serverTarget = process.env.SD_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = { '/api': { target: serverTarget, changeOrigin: false } };

/** Emits sw.js, the offline app-shell cache, listing every file of this build. */
function serviceWorker(): Plugin {
  return {
    name: 'desk-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).map((f) => `./${f}`);
      const version = createHash('sha256').update(files.join('|')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, version) });
    },
  };
}

/** Renderer build: loads from the sync server, from the Vite dev server, or from file:// inside Electron. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), serviceWorker()],
  resolve: {
    alias: [
      { find: /^@shared$/, replacement: `${sharedSrc}/index.ts` },
      { find: /^@shared\/(.*)$/, replacement: `${sharedSrc}/$1` },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
});
