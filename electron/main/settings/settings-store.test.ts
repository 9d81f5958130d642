import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from './settings-store.js';

function memoryFile(initial: string | null = null) {
  const disk = { contents: initial };
  return {
    disk,
    deps: {
      readFile: () => Promise.resolve(disk.contents),
      writeFile: (contents: string) => {
        disk.contents = contents;
        return Promise.resolve();
      },
      onError: vi.fn(),
    },
  };
}

describe('createSettingsStore', () => {
  it('starts empty and persists updates as versioned JSON', async () => {
    const { deps, disk } = memoryFile();
    const store = createSettingsStore(deps);
    expect(await store.read()).toEqual({});
    await store.update({ serverUrl: 'https://desk.example.org' });
    await store.update({ lastUpdateCheckAt: 5 });
    expect(await store.read()).toEqual({ serverUrl: 'https://desk.example.org', lastUpdateCheckAt: 5 });
    expect(JSON.parse(disk.contents!)).toEqual({ version: 1, serverUrl: 'https://desk.example.org', lastUpdateCheckAt: 5 });
  });

  it('removes keys patched with undefined', async () => {
    const { deps } = memoryFile(JSON.stringify({ version: 1, serverUrl: 'https://a.example' }));
    const store = createSettingsStore(deps);
    expect(await store.update({ serverUrl: undefined })).toEqual({});
  });

  it('treats corrupt or foreign files as empty, and drops unknown keys', async () => {
    for (const contents of ['{oops', JSON.stringify({ version: 2 }), JSON.stringify({ version: 1, serverUrl: 42 })]) {
      const { deps } = memoryFile(contents);
      expect(await createSettingsStore(deps).read()).toEqual({});
      expect(deps.onError).toHaveBeenCalled();
    }
    const { deps } = memoryFile(JSON.stringify({ version: 1, serverUrl: 'https://a.example', evil: true }));
    expect(await createSettingsStore(deps).read()).toEqual({ serverUrl: 'https://a.example' });
  });

  it('serialises concurrent updates', async () => {
    const { deps } = memoryFile();
    const store = createSettingsStore(deps);
    await Promise.all([store.update({ serverUrl: 'https://a.example' }), store.update({ lastUpdateCheckAt: 1 })]);
    expect(await store.read()).toEqual({ serverUrl: 'https://a.example', lastUpdateCheckAt: 1 });
  });
});
