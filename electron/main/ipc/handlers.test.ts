import { describe, expect, it, vi } from 'vitest';
import { createAppInfoHandlers } from './app-info.js';
import { createLinkHandlers } from './links.js';
import { createLogHandlers, sanitizeLogMessage, type Logger } from './log.js';

describe('app:info', () => {
  it('reports the desktop shell and the sync server URL', async () => {
    let serverUrl = 'http://127.0.0.1:8787';
    const handlers = createAppInfoHandlers({ version: '0.1.0', platform: 'linux', serverUrl: () => serverUrl });
    expect(await handlers['app:info']()).toEqual({
      version: '0.1.0',
      platform: 'linux',
      shell: 'electron',
      serverUrl: 'http://127.0.0.1:8787',
    });
    serverUrl = 'https://desk.example.org';
    expect(await handlers['app:info']()).toMatchObject({ serverUrl: 'https://desk.example.org' });
  });
});

describe('log:write', () => {
  it('writes at the requested level, tagged as renderer output', () => {
    const logger: Logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
    void createLogHandlers(logger)['log:write']('warn', 'sync slow');
    expect(logger.warn).toHaveBeenCalledWith('[renderer]', 'sync slow');
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('cannot forge extra log lines or emit terminal escapes', () => {
    expect(sanitizeLogMessage('ok\n[2026-01-01] [error] forged\r\nx')).toBe('ok\\n[2026-01-01] [error] forged\\nx');
    expect(sanitizeLogMessage('\u001b[31mred\u0000')).toBe('\\u001b[31mred\\u0000');
    expect(sanitizeLogMessage('tab\tkept, accents kept: é')).toBe('tab\tkept, accents kept: é');
  });
});

describe('link:open-external', () => {
  it('opens validated http(s) links', async () => {
    const open = vi.fn(() => Promise.resolve());
    await createLinkHandlers(open)['link:open-external']('https://example.org/a b');
    expect(open).toHaveBeenCalledWith('https://example.org/a%20b');
  });

  it('refuses anything the policy denies, even if it got past the schema', async () => {
    const open = vi.fn(() => Promise.resolve());
    await expect(createLinkHandlers(open)['link:open-external']('https://user:pw@example.org/')).rejects.toThrow('credentials');
    expect(open).not.toHaveBeenCalled();
  });
});
