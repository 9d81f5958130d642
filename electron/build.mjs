// Bundles the Electron main process and the sandboxed preload into dist/electron/*.cjs with esbuild.
// Usage: node electron/build.mjs   (package.json: "build:electron")
import { copyFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// DESK_ELECTRON_OUTDIR lets tests build into a temporary folder.
const outdir = process.env.DESK_ELECTRON_OUTDIR ?? `${root}dist/electron`;
const production = process.env.NODE_ENV === 'production';

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  // tsconfig paths: @shared -> shared/src (esbuild maps imports ending in .js onto the .ts sources).
  alias: { '@shared': `${root}shared/src` },
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

await rm(outdir, { recursive: true, force: true });

const [main, preload] = await Promise.all([
  build({ ...common, entryPoints: ['electron/main/app.ts'], outfile: `${outdir}/main.cjs`, platform: 'node', target: 'node22' }),
  // A sandboxed preload cannot require anything but 'electron' (and a few polyfills): it must be one self-contained file.
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: `${outdir}/preload.cjs`,
    platform: 'browser',
    target: 'chrome130',
  }),
]);

/** Fails the build if a bundle kept a runtime import other than the allowed ones. */
function assertExternals(result, allowed, label) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const bad = output.imports.filter((i) => i.external && !allowed(i.path)).map((i) => i.path);
    if (bad.length) throw new Error(`${label} (${file}) must not import ${[...new Set(bad)].join(', ')} at runtime`);
  }
}
assertExternals(preload, (path) => path === 'electron', 'preload');
const builtins = new Set(builtinModules);
assertExternals(main, (path) => path === 'electron' || path.startsWith('node:') || builtins.has(path), 'main');

// Runtime images next to main.cjs (inside app.asar when packaged): the tray icon, and the Linux window/notification icon.
for (const name of ['tray.png', 'icon.png']) await copyFile(`${root}build/${name}`, `${outdir}/${name}`);

for (const result of [main, preload]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.cjs')) console.log(`built ${file} (${(output.bytes / 1024).toFixed(1)} kB)`);
  }
}
