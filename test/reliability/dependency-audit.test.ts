import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/server-process.js';

interface AuditReport {
  metadata?: { vulnerabilities?: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  message?: string;
  error?: { summary?: string };
}

/** `npm audit --omit=dev --json`: the report, or why the registry's audit endpoint could not give one. */
async function audit(): Promise<{ report: AuditReport | null; reason: string }> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('npm', ['audit', '--omit=dev', '--json'], {
      cwd: REPO_ROOT,
      timeout: 90_000,
      maxBuffer: 32 * 1024 * 1024,
    }));
  } catch (error) {
    // npm audit exits 1 when it finds vulnerabilities: the report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout) return { report: null, reason: `npm audit could not run: ${(error as Error).message.split('\n')[0]}` };
  }
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return { report: null, reason: `npm audit printed no JSON report: ${stdout.slice(0, 200)}` };
  }
  if (!report.metadata?.vulnerabilities) {
    return {
      report: null,
      reason: `the registry's audit endpoint is unreachable: ${report.message ?? report.error?.summary ?? 'no report'}`,
    };
  }
  return { report, reason: '' };
}

const { report, reason } = await audit();
if (!report) console.warn(`[audit] SKIPPING npm audit: ${reason}`);

describe('production dependencies (npm audit --omit=dev)', () => {
  it.skipIf(!report)(report ? 'have no high or critical vulnerability' : `SKIPPED: ${reason}`, () => {
    const counts = report!.metadata!.vulnerabilities!;
    const serious = Object.entries(report!.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity})`);
    console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
    expect(serious).toEqual([]);
    expect(counts.high + counts.critical).toBe(0);
  });
});
