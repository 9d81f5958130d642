import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTar } from './read-tar.test-helper.js';
import { createTar, createTarGz } from './tar.js';

const haveTar = await promisify(execFile)('tar', ['--version']).then(
  () => true,
  () => false,
);

describe('createTar', () => {
  const entries = [
    { name: 'diagnostics.json', data: '{"a":1}\n' },
    { name: 'logs/main.log', data: 'é'.repeat(600) },
    { name: 'logs/empty.log', data: new Uint8Array() },
  ];

  it('writes 512-byte aligned ustar blocks that read back', () => {
    const archive = createTar(entries, new Date(0));
    expect(archive.length % 512).toBe(0);
    expect(readTar(archive)).toEqual([
      { name: 'diagnostics.json', text: '{"a":1}\n' },
      { name: 'logs/main.log', text: 'é'.repeat(600) },
      { name: 'logs/empty.log', text: '' },
    ]);
    expect(readTar(gunzipSync(createTarGz(entries)))).toHaveLength(3);
  });

  it.each(['../escape', '/etc/passwd', 'logs/../../x', 'a b', 'x'.repeat(101), '', 'logs//x', 'ü.log'])(
    'refuses the entry name %j',
    (name) => {
      expect(() => createTar([{ name, data: 'x' }])).toThrow('Unsafe tar entry name');
    },
  );

  it.skipIf(!haveTar)('is readable by the system tar', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-tar-'));
    try {
      await writeFile(join(dir, 'bundle.tar.gz'), createTarGz(entries));
      const { stdout } = await promisify(execFile)('tar', ['-tzf', 'bundle.tar.gz'], { cwd: dir });
      expect(stdout.trim().split('\n')).toEqual(['diagnostics.json', 'logs/main.log', 'logs/empty.log']);
      await promisify(execFile)('tar', ['-xzf', 'bundle.tar.gz'], { cwd: dir });
      expect(await readFile(join(dir, 'logs/main.log'), 'utf8')).toBe('é'.repeat(600));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
