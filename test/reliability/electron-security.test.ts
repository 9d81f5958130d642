import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/server-process.js';

const RUNNER = fileURLToPath(new URL('./support/electronegativity-runner.cjs', import.meta.url));

interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  severityValue: number;
  confidence: string;
  sample: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  parseErrors: { file: string; message: string }[];
  findings: Finding[];
}

const LOW = 1;

async function scan(input: string): Promise<ScanResult> {
  const electron = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  };
  const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, input, electron.version], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
  });
  return JSON.parse(stdout) as ScanResult;
}

const describeFinding = (f: Finding): string => `${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line} ${f.sample}`;

/**
 * Electronegativity on the desktop shell's sources: no finding above LOW. Suppressions (`eng-disable`) are each
 * justified in a comment on the line before. A deliberately insecure window proves the scanner really runs.
 */
describe('Electron security checks (Electronegativity)', () => {
  let control: string | undefined;
  afterAll(async () => {
    if (control) await rm(control, { recursive: true, force: true });
  });

  it('finds nothing above LOW in electron/', async () => {
    const result = await scan(join(REPO_ROOT, 'electron'));
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.parseErrors.filter((e) => !/\.test\.ts$/.test(e.file))).toEqual([]);
    const aboveLow = result.findings.filter((f) => f.severityValue > LOW);
    expect(aboveLow.map(describeFinding)).toEqual([]);
    console.log(
      `electronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.findings.length} findings, ` +
        `${aboveLow.length} above LOW (${result.findings.map((f) => `${f.severity} ${f.id}`).join('; ') || 'none'})`,
    );
  }, 150_000);

  it('flags a deliberately insecure window (the scanner is not silently passing)', async () => {
    control = await mkdtemp(join(tmpdir(), 'eng-control-'));
    await writeFile(
      join(control, 'main.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const w: BrowserWindow = new BrowserWindow({',
        '  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },',
        '});',
      ].join('\n'),
    );
    const ids = new Set((await scan(control)).findings.filter((f) => f.severityValue > LOW).map((f) => f.id));
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ]) {
      expect(ids, id).toContain(id);
    }
  }, 150_000);

  it('keeps the window locked down: context isolation, sandbox, no Node, navigation and new windows handled, CSP installed', async () => {
    const read = (path: string) => readFile(join(REPO_ROOT, 'electron/main', path), 'utf8');
    const window = await read('windows/main-window.ts');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'webviewTag: false',
      'webSecurity: true',
    ]) {
      expect(window).toContain(setting);
    }
    const harden = await read('security/harden-web-contents.ts');
    for (const hook of ["'will-navigate'", "'will-redirect'", 'setWindowOpenHandler', "'will-attach-webview'", "action: 'deny'"])
      expect(harden).toContain(hook);
    const app = await read('app.ts');
    for (const call of ['app.enableSandbox()', 'installCsp(', 'installPermissionHandlers(', 'hardenWebContents(contents'])
      expect(app).toContain(call);
  });
});
