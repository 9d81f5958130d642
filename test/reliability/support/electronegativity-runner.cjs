// Runs Electronegativity (programmatic API) on one input and prints its findings as JSON on stdout.
// Usage: node electronegativity-runner.cjs <input> <electron version>
// The scanner fetches translations and Electron's release list over the network; tests have no network, so
// `got` is replaced by a stub that fails at once (the release check, AVAILABLE_SECURITY_FIXES, is excluded:
// npm audit and the Electron version pin cover it).
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: the test run has no network'));
    offline.head = offline;
    offline.get = offline;
    return offline;
  }
  return originalLoad.call(this, request, ...rest);
};

const runnerModule = require('@doyensec/electronegativity/dist/runner.js');
const run = runnerModule.default || runnerModule;
const [input, electronVersion] = process.argv.slice(2);

// Keep stdout for the JSON: the scanner talks on console.log.
const log = console.log;
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
run({
  input,
  isRelative: true,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  electronVersionOverride: electronVersion,
})
  .then((result) => {
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location ? issue.location.line : 0,
      severity: issue.severity.name,
      severityValue: issue.severity.value,
      confidence: issue.confidence.name,
      sample: String(issue.sample || '').slice(0, 200),
    }));
    log(
      JSON.stringify({
        globalChecks: result.globalChecks,
        atomicChecks: result.atomicChecks,
        parseErrors: result.errors,
        findings,
      }),
    );
  })
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  });
