import { describe, expect, it, vi } from 'vitest';
import { createSecretHandlers, createSecretStore, SecretStorageUnavailableError, type SecretStoreDeps } from './secrets.js';

/** A reversible fake "encryption" that is visibly not plaintext. */
function fakeDeps(overrides: Partial<SecretStoreDeps> = {}) {
  const disk: { contents: string | null } = { contents: null };
  const deps: SecretStoreDeps = {
    isAvailable: () => true,
    encrypt: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decrypt: (blob) => {
      const text = Buffer.from(blob).toString();
      if (!text.startsWith('enc:')) throw new Error('bad blob');
      return [...text.slice(4)].reverse().join('');
    },
    readFile: () => Promise.resolve(disk.contents),
    writeFile: (contents) => {
      disk.contents = contents;
      return Promise.resolve();
    },
    onError: vi.fn(),
    ...overrides,
  };
  return { deps, disk };
}

describe('createSecretStore', () => {
  it('round-trips a secret and never writes it in plaintext', async () => {
    const { deps, disk } = fakeDeps();
    const store = createSecretStore(deps);
    expect(await store.get('session')).toBeNull();
    await store.set('session', 'jwt-secret-token');
    expect(await store.get('session')).toBe('jwt-secret-token');
    expect(disk.contents).not.toContain('jwt-secret-token');
    expect(JSON.parse(disk.contents!)).toEqual({ version: 1, entries: { session: expect.any(String) as string } });
  });

  it('removes secrets (and removing twice is fine)', async () => {
    const { deps } = fakeDeps();
    const store = createSecretStore(deps);
    await store.set('session', 'a');
    await store.remove('session');
    await store.remove('session');
    expect(await store.get('session')).toBeNull();
  });

  it('refuses to store when OS encryption is unavailable, and reads nothing', async () => {
    const { deps, disk } = fakeDeps({ isAvailable: () => false });
    const store = createSecretStore(deps);
    await expect(store.set('session', 'a')).rejects.toThrow(SecretStorageUnavailableError);
    expect(disk.contents).toBeNull();
    disk.contents = JSON.stringify({ version: 1, entries: { session: Buffer.from('enc:a').toString('base64') } });
    expect(await store.get('session')).toBeNull();
  });

  it('treats a corrupt file or an undecryptable blob as absent', async () => {
    const { deps, disk } = fakeDeps();
    const store = createSecretStore(deps);
    disk.contents = '{not json';
    expect(await store.get('session')).toBeNull();
    disk.contents = JSON.stringify({ version: 1, entries: { session: Buffer.from('garbage').toString('base64') } });
    expect(await store.get('session')).toBeNull();
    expect(deps.onError).toHaveBeenCalledTimes(2);
    await store.set('session', 'fresh');
    expect(await store.get('session')).toBe('fresh');
  });

  it('serialises concurrent writes', async () => {
    const { deps } = fakeDeps();
    let delay = 20;
    const slowWrite = deps.writeFile;
    deps.writeFile = async (contents) => {
      await new Promise((resolve) => setTimeout(resolve, (delay -= 10)));
      await slowWrite(contents);
    };
    const store = createSecretStore(deps);
    await Promise.all([store.set('session', 'first'), store.set('session', 'second')]);
    expect(await store.get('session')).toBe('second');
  });

  it('keeps working after a failed write', async () => {
    const { deps } = fakeDeps();
    const write = deps.writeFile;
    deps.writeFile = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockImplementation(write);
    const store = createSecretStore(deps);
    await expect(store.set('session', 'a')).rejects.toThrow('disk full');
    await store.set('session', 'b');
    expect(await store.get('session')).toBe('b');
  });

  it('backs the secret:* handlers', async () => {
    const handlers = createSecretHandlers(createSecretStore(fakeDeps().deps));
    await handlers['secret:set']('session', 'x');
    expect(await handlers['secret:get']('session')).toBe('x');
    await handlers['secret:remove']('session');
    expect(await handlers['secret:get']('session')).toBeNull();
  });
});
