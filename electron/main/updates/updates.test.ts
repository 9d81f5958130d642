import { describe, expect, it, vi } from 'vitest';
import { createUpdateTick, type UpdateSchedulerDeps } from './scheduler.js';
import {
  INSECURE_UPDATE_URL_REASON,
  isSecureUpdateUrl,
  readUpdateUrl,
  shouldCheckForUpdates,
  UPDATE_CHECK_INTERVAL_MS,
} from './should-check.js';

const HOUR = 3_600_000;
const base = {
  online: true,
  lastCheckAt: null,
  now: 100 * HOUR,
  configuredUrl: 'https://updates.example.org/desk',
  isPackaged: true,
};

describe('shouldCheckForUpdates', () => {
  it('checks packaged, online builds with an update URL, at most every 6 hours', () => {
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(6 * HOUR);
    expect(shouldCheckForUpdates(base)).toEqual({ check: true });
    expect(shouldCheckForUpdates({ ...base, lastCheckAt: base.now - 5 * HOUR })).toEqual({
      check: false,
      reason: 'checked recently',
    });
    expect(shouldCheckForUpdates({ ...base, lastCheckAt: base.now - 6 * HOUR })).toEqual({ check: true });
  });

  it.each([
    [{ isPackaged: false }, 'not a packaged build'],
    [{ configuredUrl: null }, 'no update URL configured'],
    [{ configuredUrl: '' }, 'no update URL configured'],
    [{ configuredUrl: 'disabled' }, 'no update URL configured'],
    [{ configuredUrl: 'file:///tmp/updates' }, 'no update URL configured'],
    [{ online: false }, 'offline'],
  ])('skips when %j', (override, reason) => {
    expect(shouldCheckForUpdates({ ...base, ...override })).toEqual({ check: false, reason });
  });

  it.each(['http://updates.example.org/desk', 'HTTP://127.0.0.1:8080/feed', 'http://updates.example.org@evil.example/'])(
    'never checks an http feed (%s): anyone on the network path could serve an installer',
    (configuredUrl) => {
      expect(isSecureUpdateUrl(configuredUrl)).toBe(false);
      expect(shouldCheckForUpdates({ ...base, configuredUrl })).toEqual({ check: false, reason: INSECURE_UPDATE_URL_REASON });
    },
  );

  it('accepts https feeds only', () => {
    expect(isSecureUpdateUrl('https://updates.example.org/desk')).toBe(true);
    expect(isSecureUpdateUrl('HTTPS://updates.example.org')).toBe(true);
    for (const url of ['https://', 'https:///path', 'javascript://updates.example.org', 'ftp://updates.example.org'])
      expect(isSecureUpdateUrl(url), url).toBe(false);
  });

  it('is not blocked for good by a clock that went backwards', () => {
    expect(shouldCheckForUpdates({ ...base, lastCheckAt: base.now + 48 * HOUR })).toEqual({ check: true });
  });
});

describe('readUpdateUrl', () => {
  it('reads the generic provider URL from app-update.yml', () => {
    expect(
      readUpdateUrl(
        'owner: x\nprovider: generic\nurl: https://updates.example.org/desk\nupdaterCacheDirName: servicedesk-updater\n',
      ),
    ).toBe('https://updates.example.org/desk');
    expect(readUpdateUrl("provider: generic\nurl: 'https://u.example/'\n")).toBe('https://u.example/');
  });
  it('returns null for missing files, other providers and disabled URLs', () => {
    expect(readUpdateUrl(null)).toBeNull();
    expect(readUpdateUrl('provider: github\nurl: https://u.example\n')).toBeNull();
    expect(readUpdateUrl('provider: generic\nurl: disabled\n')).toBeNull();
  });
});

describe('createUpdateTick', () => {
  function setup(overrides: Partial<UpdateSchedulerDeps> = {}) {
    let lastCheckAt: number | undefined;
    let now = 100 * HOUR;
    const deps: UpdateSchedulerDeps = {
      isPackaged: true,
      configuredUrl: 'https://updates.example.org/desk',
      isOnline: () => true,
      now: () => now,
      readLastCheckAt: () => Promise.resolve(lastCheckAt),
      writeLastCheckAt: (at) => Promise.resolve(void (lastCheckAt = at)),
      checkForUpdates: vi.fn(() => Promise.resolve()),
      log: vi.fn(),
      ...overrides,
    };
    return { deps, tick: createUpdateTick(deps), advance: (ms: number) => (now += ms) };
  }

  it('checks, then waits six hours before checking again', async () => {
    const { deps, tick, advance } = setup();
    await tick();
    await tick();
    expect(deps.checkForUpdates).toHaveBeenCalledOnce();
    advance(6 * HOUR);
    await tick();
    expect(deps.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('logs failures instead of throwing, and does not retry at once', async () => {
    const { deps, tick } = setup({ checkForUpdates: vi.fn(() => Promise.reject(new Error('ENOTFOUND'))) });
    await expect(tick()).resolves.toBeUndefined();
    await tick();
    expect(deps.checkForUpdates).toHaveBeenCalledOnce();
    expect(deps.log).toHaveBeenCalledWith('warn', 'Update check failed', expect.any(Error));
  });

  it('never overlaps two checks', async () => {
    let release!: () => void;
    const { deps, tick, advance } = setup({ checkForUpdates: vi.fn(() => new Promise<void>((resolve) => (release = resolve))) });
    const first = tick();
    await vi.waitFor(() => expect(deps.checkForUpdates).toHaveBeenCalledOnce());
    advance(7 * HOUR);
    await tick();
    release();
    await first;
    expect(deps.checkForUpdates).toHaveBeenCalledOnce();
  });

  it('never checks an http feed, and says so in the log once', async () => {
    const { deps, tick, advance } = setup({ configuredUrl: 'http://updates.example.org/desk' });
    await tick();
    advance(7 * HOUR);
    await tick();
    expect(deps.checkForUpdates).not.toHaveBeenCalled();
    expect(deps.log).toHaveBeenCalledOnce();
    expect(deps.log).toHaveBeenCalledWith('warn', expect.stringContaining('https://'));
  });

  it('does nothing offline', async () => {
    const { deps, tick } = setup({ isOnline: () => false });
    await tick();
    expect(deps.checkForUpdates).not.toHaveBeenCalled();
  });
});
