// graph_render_ms of bench:cmdb: the impact graph page (graph-page/) built with Vite, served from a local HTTP
// server, opened in a fresh Chromium page per run; the median of the runs is reported.
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { requireChromium } from '../../support/chromium-path.js';
import type { GraphRenderResult } from './graph-page/bench-graph.js';

const sharedSrc = fileURLToPath(new URL('../../../shared/src', import.meta.url));
const outDir = fileURLToPath(new URL('../../../dist/bench-cmdb-graph', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Per-run figures and their medians. */
export interface GraphRenderBench {
  runs: GraphRenderResult[];
  firstPaintMs: number;
  layoutMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Builds the page, then times the first paint of an impact graph of `nodes` CIs `runs` times. */
export async function benchGraphRender(nodes: number, runs: number): Promise<GraphRenderBench> {
  await build({
    root: fileURLToPath(new URL('./graph-page', import.meta.url)),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^@shared$/, replacement: `${sharedSrc}/index.ts` },
        { find: /^@shared\/(.*)$/, replacement: `${sharedSrc}/$1` },
      ],
    },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  const server = createServer((req, res) => {
    const path = join(outDir, new URL(req.url ?? '/', 'http://x').pathname);
    const file = existsSync(path) && extname(path) ? path : join(outDir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const results: GraphRenderResult[] = [];
    for (let k = 0; k < runs; k++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`http://127.0.0.1:${port}/?nodes=${nodes}`);
      const result = await page.evaluate(() => window.__graphBench as Promise<GraphRenderResult>);
      results.push(result);
      console.log(`graph render run ${k + 1}: ${JSON.stringify(result)}`);
      await page.close();
    }
    return {
      runs: results,
      firstPaintMs: median(results.map((r) => r.firstPaintMs)),
      layoutMs: median(results.map((r) => r.layoutMs)),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
