import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '@shared';
import { describe, expect, it } from 'vitest';

/**
 * Authorisation has one home: `can(actor, action, subject)` in shared/src/policy. A role name compared with a role
 * anywhere else is a permission rule written a second time, which drifts from the policy; this scan finds them.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TREES = ['renderer/src', 'server/src', 'electron', 'shared/src'];
const POLICY_HOME = 'shared/src/policy';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'build') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

const roleNames = ROLES.join('|');
/** `role === 'admin'`, `'admin' !== user.role`, `['supervisor', 'admin'].includes(actor.role)`, `case 'agent':` after `switch (…role)`. */
const ROLE_CHECKS: readonly RegExp[] = [
  new RegExp(`\\brole\\b\\s*(===|!==|==|!=)\\s*['"\`](${roleNames})['"\`]`),
  new RegExp(`['"\`](${roleNames})['"\`]\\s*(===|!==|==|!=)\\s*[\\w.?]*\\brole\\b`),
  new RegExp(`\\[[^\\]]*['"\`](${roleNames})['"\`][^\\]]*\\]\\s*(as [^)]*\\))?\\.(includes|indexOf|some)\\([^)]*\\brole\\b`),
  new RegExp(`switch\\s*\\([^)]*\\brole\\)`),
];

/** Every line of the source trees (outside the policy folder) that writes a role check. */
export function roleChecksOutsidePolicy(): string[] {
  const found: string[] = [];
  for (const tree of TREES) {
    for (const file of sourceFiles(join(ROOT, tree))) {
      const rel = relative(ROOT, file);
      if (rel.startsWith(POLICY_HOME)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (ROLE_CHECKS.some((pattern) => pattern.test(line))) found.push(`${rel}:${index + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe('authorisation has one home', () => {
  it('the scan recognises the shapes of a role check (so an empty result means something)', () => {
    const samples = [
      "if (actor.role === 'supervisor' || actor.role === 'admin') {",
      "const ok = 'admin' !== user.role;",
      "if (['supervisor', 'admin'].includes(actor.role)) return;",
      'switch (session.user.role) {',
    ];
    for (const sample of samples)
      expect(
        ROLE_CHECKS.some((p) => p.test(sample)),
        sample,
      ).toBe(true);
    // An escalation target named "supervisor" is data, not a permission.
    expect(ROLE_CHECKS.some((p) => p.test("to === 'supervisor' ? a : b"))).toBe(false);
  });

  it('no role name is compared with a role outside shared/src/policy (renderer, server, electron, shared)', () => {
    expect(roleChecksOutsidePolicy()).toEqual([]);
  });
});
