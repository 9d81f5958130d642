// Prints one closing line for the whole run ("tests: N passed, N failed, N skipped") from the
// JSON reports of Vitest and Playwright, so CI sees the totals of both runners.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let flaky = 0;

/** Titles of the Playwright tests whose outcome was "flaky": failed first, passed on the retry. */
function flakyTitles(suites, path = []) {
  const titles = [];
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      if ((spec.tests ?? []).some((t) => t.status === 'flaky')) titles.push([...here, spec.title].join(' › '));
    }
    titles.push(...flakyTitles(suite.suites ?? [], here));
  }
  return titles;
}

if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else {
  console.error(`no Vitest report at ${vitestFile}`);
  failed += 1;
}
if (existsSync(playwrightFile)) {
  const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  flaky = p.stats.flaky;
  for (const title of flakyTitles(p.suites ?? [])) console.log(`flaky (failed, then passed on retry): ${title}`);
} else {
  console.error(`no Playwright report at ${playwrightFile}`);
  failed += 1;
}
console.log(`\ntests: ${passed} passed (${flaky} of them flaky), ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
