// Runs before the console's modules. The console runs under `script-src 'self'` (no eval); zod probes for
// `new Function` the first time it parses an object, and the browser reports that probe as a CSP violation, so zod is
// told not to compile parsers. It must be set before any bundled module evaluates, hence a classic script.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
