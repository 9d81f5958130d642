import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textFile } from './file-storage.js';

describe('textFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-file-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads null when missing, then what was written', async () => {
    const file = textFile(join(dir, 'nested', 'secrets.json'));
    expect(await file.read()).toBeNull();
    await file.write('{"a":1}');
    await file.write('{"a":2}');
    expect(await file.read()).toBe('{"a":2}');
    expect(await readdir(join(dir, 'nested'))).toEqual(['secrets.json']);
  });

  it.skipIf(process.platform === 'win32')('is readable by the owner only', async () => {
    const path = join(dir, 'secrets.json');
    await textFile(path).write('x');
    expect((await stat(path)).mode & 0o077).toBe(0);
  });

  it('surfaces errors other than a missing file', async () => {
    await expect(textFile(dir).read()).rejects.toThrow();
  });
});
